import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

import { runnerOn } from '../../search/database'
import { backfillSearchIndex } from '../../search/backfill'

/**
 * Full-text search over published articles (src/search/, docs/adr/0017): an FTS5 table keyed by article id (its
 * rowid) holding the published headline, dek and body text, and the tag slugs of each story for the tag pages. Raw
 * SQL objects, outside Payload's schema (so there is no schema snapshot for this migration). Indexes what is already
 * published.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE VIRTUAL TABLE \`articles_search\` USING fts5(\`headline\`, \`dek\`, \`body\`, tokenize = 'porter unicode61');`)
  await db.run(sql`CREATE TABLE \`articles_search_tags\` (
  	\`slug\` text NOT NULL,
  	\`article_id\` integer NOT NULL,
  	PRIMARY KEY (\`slug\`, \`article_id\`)
  ) WITHOUT ROWID;
  `)
  await db.run(sql`CREATE INDEX \`articles_search_tags_article_idx\` ON \`articles_search_tags\` (\`article_id\`);`)
  await backfillSearchIndex(runnerOn('sqlite', db))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE IF EXISTS \`articles_search_tags\`;`)
  await db.run(sql`DROP TABLE IF EXISTS \`articles_search\`;`)
}
