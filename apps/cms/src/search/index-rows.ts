import { sql } from '@payloadcms/db-sqlite/drizzle';

import type { SqlRunner } from './database';
import type { SearchDocument } from './document';

/**
 * The index's rows, one per published article, in tables the migrations `*_search` create outside Payload's schema:
 *
 * - SQLite: `articles_search`, an FTS5 table (headline, dek, body; porter + unicode61) whose rowid is the article id,
 *   and `articles_search_tags` (slug, article_id) for the tag pages.
 * - PostgreSQL: `articles_search` (article_id, headline, dek, body, tag_slugs text[], and a generated, weighted
 *   `document` tsvector with a GIN index).
 */

export async function writeSearchDocument(db: SqlRunner, doc: SearchDocument): Promise<void> {
  const id = Number(doc.id);
  if (db.dialect === 'postgres') {
    await db.run(sql`
      INSERT INTO articles_search (article_id, headline, dek, body, tag_slugs)
      VALUES (${id}, ${doc.headline}, ${doc.dek}, ${doc.body}, ARRAY(SELECT jsonb_array_elements_text(CAST(${JSON.stringify(doc.tagSlugs)} AS jsonb))))
      ON CONFLICT (article_id) DO UPDATE
      SET headline = EXCLUDED.headline, dek = EXCLUDED.dek, body = EXCLUDED.body, tag_slugs = EXCLUDED.tag_slugs`);
    return;
  }
  await db.run(sql`DELETE FROM articles_search WHERE rowid = ${id}`);
  await db.run(sql`INSERT INTO articles_search (rowid, headline, dek, body) VALUES (${id}, ${doc.headline}, ${doc.dek}, ${doc.body})`);
  await db.run(sql`DELETE FROM articles_search_tags WHERE article_id = ${id}`);
  if (doc.tagSlugs.length > 0) {
    const rows = sql.join(
      doc.tagSlugs.map((slug) => sql`(${slug}, ${id})`),
      sql`, `,
    );
    await db.run(sql`INSERT INTO articles_search_tags (slug, article_id) VALUES ${rows}`);
  }
}

export async function removeSearchDocument(db: SqlRunner, articleId: number | string): Promise<void> {
  const id = Number(articleId);
  if (db.dialect === 'postgres') {
    await db.run(sql`DELETE FROM articles_search WHERE article_id = ${id}`);
    return;
  }
  await db.run(sql`DELETE FROM articles_search WHERE rowid = ${id}`);
  await db.run(sql`DELETE FROM articles_search_tags WHERE article_id = ${id}`);
}
