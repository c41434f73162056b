import { type SQL, sql } from '@payloadcms/db-sqlite/drizzle';
import type { Payload } from 'payload';

import { dialectOf, type Dialect, readOnly, type SqlRunner } from './database';
import { fts5Query, plainQueryText, postgresPrefixQuery } from './query';
import { chooseSnippet, MARK_END, MARK_START, type SnippetPart } from './snippet';

/**
 * Searching the index (./index-rows.ts). What readers may see is decided here, in SQL, at query time, against the
 * article's own row: published, `publishedAt` reached, not under embargo (`embargoedUntil` in the past or unset), not
 * killed (`killedAt` unset). An embargo lifting or a story being killed shows in the next search without reindexing.
 */

export type SearchHit = {
  id: number;
  slug: string;
  headline: string;
  dek: string | null;
  publishedAt: string | null;
  section?: { slug: string; name: string };
  /** An excerpt, the words that matched marked: plain text parts, never HTML. */
  snippet: SnippetPart[];
};

export type Page<T> = { docs: T[]; page: number; limit: number; totalDocs: number; totalPages: number };

/** Past this, a search is cancelled (PostgreSQL) rather than left to hold a connection. */
export const SEARCH_BUDGET_MS = 1500;

/** BM25 weights for headline, dek and body: a headline match outweighs a body that repeats the word. */
const BM25 = sql.raw('bm25(articles_search, 10.0, 4.0, 1.0)');
/**
 * PostgreSQL: ts_rank's weights for D, C (body), B (dek), A (headline), plus 1 when the headline alone matches every
 * word — ts_rank saturates, so a body repeating the words could otherwise tie a headline.
 */
const PG_SCORE = sql.raw(`ts_rank('{0.1, 0.2, 0.4, 1.0}', s.document, query.q) + CASE WHEN ts_filter(s.document, '{a}') @@ query.q THEN 1 ELSE 0 END`);
const PG_HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
const PG_DEK_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;

/** Which of the reader-visibility fields the articles collection has (they are columns once it does). */
export type VisibilityFields = { embargoedUntil: boolean; killedAt: boolean };

const fieldsByPayload = new WeakMap<Payload, VisibilityFields>();

export function visibilityFields(payload: Payload): VisibilityFields {
  let fields = fieldsByPayload.get(payload);
  if (!fields) {
    const names = new Set((payload.collections.articles?.config.flattenedFields ?? []).map((field) => field.name));
    fields = { embargoedUntil: names.has('embargoedUntil'), killedAt: names.has('killedAt') };
    fieldsByPayload.set(payload, fields);
  }
  return fields;
}

function time(dialect: Dialect, iso: string): SQL {
  return dialect === 'postgres' ? sql`CAST(${iso} AS timestamptz)` : sql`${iso}`;
}

/** The reader rule (access/isPublishedOrStaff.ts, plus embargo and kill) on the `articles` row aliased `a`. */
export function visibleToReaders(dialect: Dialect, fields: VisibilityFields, now: Date): SQL {
  const at = time(dialect, now.toISOString());
  const conditions = [sql`a._status = 'published'`, sql`a.published_at IS NOT NULL`, sql`a.published_at <= ${at}`];
  if (fields.embargoedUntil) conditions.push(sql`(a.embargoed_until IS NULL OR a.embargoed_until <= ${at})`);
  if (fields.killedAt) conditions.push(sql`a.killed_at IS NULL`);
  return sql.join(conditions, sql` AND `);
}

type HitRow = {
  id: number | string;
  total: number | string;
  slug: string | null;
  headline: string | null;
  dek: string | null;
  publishedAt: string | Date | null;
  sectionSlug: string | null;
  sectionName: string | null;
  bodySnippet?: string | null;
  dekSnippet?: string | null;
};

function iso(value: string | Date | null): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function hitOf(row: HitRow, snippets?: { body?: string | null; dek?: string | null }): SearchHit {
  return {
    id: Number(row.id),
    slug: row.slug ?? '',
    headline: row.headline ?? '',
    dek: row.dek || null,
    publishedAt: iso(row.publishedAt),
    ...(row.sectionSlug && row.sectionName ? { section: { slug: row.sectionSlug, name: row.sectionName } } : {}),
    snippet: chooseSnippet(snippets?.body ?? row.bodySnippet, snippets?.dek ?? row.dekSnippet),
  };
}

function pageOf<T>(docs: T[], total: number, page: number, limit: number): Page<T> {
  return { docs, page, limit, totalDocs: total, totalPages: Math.max(1, Math.ceil(total / limit)) };
}

export type SearchOptions = { terms: readonly string[]; page: number; limit: number; now?: Date };

/** One page of what readers find for the terms, best first (ties: newest first). */
export async function searchForReaders(payload: Payload, { terms, page, limit, now = new Date() }: SearchOptions): Promise<Page<SearchHit>> {
  if (terms.length === 0) return pageOf([], 0, page, limit);
  const dialect = dialectOf(payload);
  const visible = visibleToReaders(dialect, visibilityFields(payload), now);
  const offset = (page - 1) * limit;
  return readOnly(payload, SEARCH_BUDGET_MS, async (db) => {
    const rows = dialect === 'postgres' ? await postgresPage(db, terms, visible, limit, offset) : await sqlitePage(db, terms, visible, limit, offset);
    const total = rows[0] ? Number(rows[0].total) : offset > 0 ? await countMatches(db, terms, visible) : 0;
    if (dialect === 'postgres') return pageOf(rows.map((row) => hitOf(row)), total, page, limit);
    const snippets = await sqliteSnippets(db, terms, rows.map((row) => Number(row.id)));
    return pageOf(
      rows.map((row) => hitOf(row, snippets.get(Number(row.id)))),
      total,
      page,
      limit,
    );
  });
}

async function sqlitePage(db: SqlRunner, terms: readonly string[], visible: SQL, limit: number, offset: number): Promise<HitRow[]> {
  // Ranked in a subquery: FTS5's bm25() cannot run in the same SELECT as the window function that counts.
  return db.all<HitRow>(sql`
    SELECT a.id AS id, count(*) OVER () AS total, a.slug AS slug, a.headline AS headline, a.dek AS dek,
      a.published_at AS publishedAt, sec.slug AS sectionSlug, sec.name AS sectionName
    FROM (SELECT rowid AS id, ${BM25} AS score FROM articles_search WHERE articles_search MATCH ${fts5Query(terms)}) matched
    JOIN articles a ON a.id = matched.id
    LEFT JOIN sections sec ON sec.id = a.section_id
    WHERE ${visible}
    ORDER BY matched.score, a.published_at DESC, a.id DESC
    LIMIT ${limit} OFFSET ${offset}`);
}

/** Excerpts for the page's rows only: FTS5 builds them from its own copy of the text. */
async function sqliteSnippets(db: SqlRunner, terms: readonly string[], ids: number[]): Promise<Map<number, { body: string | null; dek: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.all<{ id: number; body: string | null; dek: string | null }>(sql`
    SELECT rowid AS id,
      snippet(articles_search, 2, ${MARK_START}, ${MARK_END}, '…', 32) AS body,
      highlight(articles_search, 1, ${MARK_START}, ${MARK_END}) AS dek
    FROM articles_search
    WHERE articles_search MATCH ${fts5Query(terms)} AND rowid IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  return new Map(rows.map((row) => [Number(row.id), { body: row.body, dek: row.dek }]));
}

async function postgresPage(db: SqlRunner, terms: readonly string[], visible: SQL, limit: number, offset: number): Promise<HitRow[]> {
  return db.all<HitRow>(sql`
    WITH query AS (SELECT plainto_tsquery('english', ${plainQueryText(terms)}) AS q),
    ranked AS (
      SELECT s.article_id AS id, ${PG_SCORE} AS score, a.published_at, count(*) OVER () AS total
      FROM articles_search s
      JOIN articles a ON a.id = s.article_id
      CROSS JOIN query
      WHERE s.document @@ query.q AND ${visible}
      ORDER BY score DESC, a.published_at DESC, s.article_id DESC
      LIMIT ${limit} OFFSET ${offset}
    )
    SELECT ranked.id, ranked.total, a.slug, a.headline, a.dek, a.published_at AS "publishedAt",
      sec.slug AS "sectionSlug", sec.name AS "sectionName",
      ts_headline('english', s.body, query.q, ${PG_HEADLINE_OPTIONS}) AS "bodySnippet",
      ts_headline('english', s.dek, query.q, ${PG_DEK_OPTIONS}) AS "dekSnippet"
    FROM ranked
    JOIN articles a ON a.id = ranked.id
    JOIN articles_search s ON s.article_id = ranked.id
    LEFT JOIN sections sec ON sec.id = a.section_id
    CROSS JOIN query
    ORDER BY ranked.score DESC, ranked.published_at DESC, ranked.id DESC`);
}

/** How many live stories match (asked only when a page past the last one came back empty). */
async function countMatches(db: SqlRunner, terms: readonly string[], visible: SQL): Promise<number> {
  const [row] =
    db.dialect === 'postgres'
      ? await db.all<{ total: number | string }>(sql`
          SELECT count(*) AS total FROM articles_search s JOIN articles a ON a.id = s.article_id
          WHERE s.document @@ plainto_tsquery('english', ${plainQueryText(terms)}) AND ${visible}`)
      : await db.all<{ total: number | string }>(sql`
          SELECT count(*) AS total FROM articles_search JOIN articles a ON a.id = articles_search.rowid
          WHERE articles_search MATCH ${fts5Query(terms)} AND ${visible}`);
  return Number(row?.total ?? 0);
}

/**
 * Staff search in the admin's article list: ids of indexed (published) stories matching the words, the last one as
 * a prefix, best first — embargoed and killed stories included, as staff see them. At most `limit`.
 */
export async function searchIdsForStaff(payload: Payload, terms: readonly string[], limit: number): Promise<number[]> {
  if (terms.length === 0) return [];
  return readOnly(payload, SEARCH_BUDGET_MS, async (db) => {
    if (db.dialect === 'sqlite') {
      const rows = await db.all<{ id: number }>(sql`
        SELECT rowid AS id FROM articles_search WHERE articles_search MATCH ${fts5Query(terms, { prefix: true })}
        ORDER BY ${BM25} LIMIT ${limit}`);
      return rows.map((row) => Number(row.id));
    }
    // The last word as typed (stemmed, as the index is) or as the start of a longer word.
    const { plain, prefix } = postgresPrefixQuery(terms);
    const query = prefix
      ? sql`(plainto_tsquery('english', ${plain}) && (plainto_tsquery('english', ${terms.at(-1)!}) || to_tsquery('simple', ${prefix})))`
      : sql`plainto_tsquery('english', ${plain})`;
    const rows = await db.all<{ id: number }>(sql`
      SELECT s.article_id AS id FROM articles_search s CROSS JOIN (SELECT ${query} AS q) query
      WHERE s.document @@ query.q ORDER BY ${PG_SCORE} DESC LIMIT ${limit}`);
    return rows.map((row) => Number(row.id));
  });
}

/** One page of the live stories carrying a tag (by its slug), newest first: their ids and how many there are. */
export async function taggedForReaders(
  payload: Payload,
  { slug, page, limit, now = new Date() }: { slug: string; page: number; limit: number; now?: Date },
): Promise<Page<number>> {
  const dialect = dialectOf(payload);
  const visible = visibleToReaders(dialect, visibilityFields(payload), now);
  const offset = (page - 1) * limit;
  return readOnly(payload, SEARCH_BUDGET_MS, async (db) => {
    const from =
      dialect === 'postgres'
        ? sql`articles_search s JOIN articles a ON a.id = s.article_id WHERE s.tag_slugs @> ARRAY[${slug}]::text[]`
        : sql`articles_search_tags t JOIN articles a ON a.id = t.article_id WHERE t.slug = ${slug}`;
    const rows = await db.all<{ id: number | string; total: number | string }>(sql`
      SELECT a.id AS id, count(*) OVER () AS total FROM ${from} AND ${visible}
      ORDER BY a.published_at DESC, a.id DESC LIMIT ${limit} OFFSET ${offset}`);
    let total = rows[0] ? Number(rows[0].total) : 0;
    if (!rows[0] && offset > 0) {
      const [row] = await db.all<{ total: number | string }>(sql`SELECT count(*) AS total FROM ${from} AND ${visible}`);
      total = Number(row?.total ?? 0);
    }
    return pageOf(
      rows.map((row) => Number(row.id)),
      total,
      page,
      limit,
    );
  });
}
