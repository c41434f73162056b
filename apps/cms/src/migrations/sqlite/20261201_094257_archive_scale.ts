import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * The database at archive scale (docs/adr/0015): indexes for every listing the reader site asks for — live and newest
 * first, per section, per author, per tag — and for the tags table's parent lookups; and this database's identity
 * (lib/database-identity.ts), a random id the site keys its caches to.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_status_publishedAt_idx\` ON \`articles\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`section__status_publishedAt_idx\` ON \`articles\` (\`section_id\`,\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_texts_text_idx\` ON \`articles_texts\` (\`text\`);`)
  await db.run(sql`CREATE INDEX \`articles_texts_parent_idx\` ON \`articles_texts\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_authors_parent_idx\` ON \`articles_rels\` (\`authors_id\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_idx\` ON \`_articles_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version_section_version__status_version_publishedAt_idx\` ON \`_articles_v\` (\`version_section_id\`,\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_texts_parent_idx\` ON \`_articles_v_texts\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`authors_name_idx\` ON \`authors\` (\`name\`);`)
  await db.run(sql`INSERT INTO \`payload_kv\` (\`key\`, \`data\`) VALUES ('newsroom:database-id', json_object('id', lower(hex(randomblob(16))))) ON CONFLICT (\`key\`) DO NOTHING;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`section__status_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`articles_texts_text_idx\`;`)
  await db.run(sql`DROP INDEX \`articles_texts_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`articles_rels_authors_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version_section_version__status_version_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_texts_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`authors_name_idx\`;`)
  await db.run(sql`DELETE FROM \`payload_kv\` WHERE \`key\` = 'newsroom:database-id';`)
}
