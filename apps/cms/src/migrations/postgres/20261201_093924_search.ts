import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

import { runnerOn } from '../../search/database'
import { backfillSearchIndex } from '../../search/backfill'

/**
 * Full-text search over published articles (src/search/, docs/adr/0017): one row per published article with its
 * headline, dek and body text, its tag slugs, and a generated tsvector weighting headline (A) over dek (B) over body
 * (C), GIN-indexed. Raw SQL objects, outside Payload's schema (so there is no schema snapshot for this migration).
 * Indexes what is already published. `toast_tuple_target = 128` keeps the table itself narrow (the text and the
 * vector live out of line): a word in most stories is counted from the index and a few MB of rows, not from every
 * story's text.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "articles_search" (
  	"article_id" integer PRIMARY KEY NOT NULL,
  	"headline" text DEFAULT '' NOT NULL,
  	"dek" text DEFAULT '' NOT NULL,
  	"body" text DEFAULT '' NOT NULL,
  	"tag_slugs" text[] DEFAULT '{}' NOT NULL,
  	"document" tsvector GENERATED ALWAYS AS (
  		setweight(to_tsvector('english', "headline"), 'A') ||
  		setweight(to_tsvector('english', "dek"), 'B') ||
  		setweight(to_tsvector('english', "body"), 'C')
  	) STORED
  ) WITH (toast_tuple_target = 128);

  ALTER TABLE "articles_search" ADD CONSTRAINT "articles_search_article_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_search_document_idx" ON "articles_search" USING gin ("document");
  CREATE INDEX "articles_search_tag_slugs_idx" ON "articles_search" USING gin ("tag_slugs");`)
  await backfillSearchIndex(runnerOn('postgres', db))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE IF EXISTS "articles_search" CASCADE;`)
}
