import { sql } from '@payloadcms/db-sqlite/drizzle';

import type { SqlRunner } from './database';
import { searchDocumentOf } from './document';
import { writeSearchDocument } from './index-rows';

const BATCH = 500;

type ArticleRow = { id: number | string; headline: string | null; dek: string | null; body: unknown };

/**
 * Indexes every published article from the tables themselves (the live row, and its tags from `articles_texts`), in
 * id order, a batch at a time: what the migrations that create the index run, inside their own transaction.
 * Returns how many were indexed.
 */
export async function backfillSearchIndex(db: SqlRunner): Promise<number> {
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await db.all<ArticleRow>(sql`
      SELECT id, headline, dek, body FROM articles
      WHERE _status = 'published' AND id > ${after}
      ORDER BY id LIMIT ${BATCH}`);
    if (rows.length === 0) return count;
    const ids = rows.map((row) => Number(row.id));
    const tagRows = await db.all<{ parentId: number | string; text: string | null }>(sql`
      SELECT parent_id AS "parentId", text FROM articles_texts
      WHERE path = 'tags' AND parent_id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})
      ORDER BY parent_id, "order"`);
    const tags = new Map<number, string[]>();
    for (const { parentId, text } of tagRows) {
      if (typeof text !== 'string') continue;
      const list = tags.get(Number(parentId)) ?? [];
      list.push(text);
      tags.set(Number(parentId), list);
    }
    for (const row of rows) {
      await writeSearchDocument(db, searchDocumentOf({ ...row, tags: tags.get(Number(row.id)) ?? [] }));
      count++;
    }
    after = ids.at(-1)!;
  }
}
