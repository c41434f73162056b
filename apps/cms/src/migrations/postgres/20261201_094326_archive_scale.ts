import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * The database at archive scale (docs/adr/0015): indexes for every listing the reader site asks for — live and newest
 * first, per section, per author, per tag — and for the tags table's parent lookups; and this database's identity
 * (lib/database-identity.ts), a random id the site keys its caches to.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "_status_publishedAt_idx" ON "articles" USING btree ("_status","published_at");
  CREATE INDEX "section__status_publishedAt_idx" ON "articles" USING btree ("section_id","_status","published_at");
  CREATE INDEX "articles_texts_text_idx" ON "articles_texts" USING btree ("text");
  CREATE INDEX "articles_texts_parent_idx" ON "articles_texts" USING btree ("parent_id");
  CREATE INDEX "articles_rels_authors_parent_idx" ON "articles_rels" USING btree ("authors_id","parent_id");
  CREATE INDEX "version__status_version_publishedAt_idx" ON "_articles_v" USING btree ("version__status","version_published_at");
  CREATE INDEX "version_section_version__status_version_publishedAt_idx" ON "_articles_v" USING btree ("version_section_id","version__status","version_published_at");
  CREATE INDEX "_articles_v_texts_parent_idx" ON "_articles_v_texts" USING btree ("parent_id");
  CREATE INDEX "authors_name_idx" ON "authors" USING btree ("name");`)
  await db.execute(sql`
   INSERT INTO "payload_kv" ("key", "data") VALUES ('newsroom:database-id', jsonb_build_object('id', md5(random()::text || clock_timestamp()::text))) ON CONFLICT ("key") DO NOTHING;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "_status_publishedAt_idx";
  DROP INDEX "section__status_publishedAt_idx";
  DROP INDEX "articles_texts_text_idx";
  DROP INDEX "articles_texts_parent_idx";
  DROP INDEX "articles_rels_authors_parent_idx";
  DROP INDEX "version__status_version_publishedAt_idx";
  DROP INDEX "version_section_version__status_version_publishedAt_idx";
  DROP INDEX "_articles_v_texts_parent_idx";
  DROP INDEX "authors_name_idx";
  DELETE FROM "payload_kv" WHERE "key" = 'newsroom:database-id';`)
}
