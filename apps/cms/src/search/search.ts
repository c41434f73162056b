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

export type Page<T> = {
  docs: T[];
  page: number;
  limit: number;
  totalDocs: number;
  totalPages: number;
  /** Set when more stories match than are counted ({@link COUNTED_MATCHES}): `totalDocs` is then that many, and there are more. */
  totalDocsCapped?: true;
};

/** Past this, a search is cancelled (PostgreSQL) rather than left to hold a connection. */
export const SEARCH_BUDGET_MS = 1500;

/**
 * The most matches a query ranks: when more stories match (a word in most of them), the newest this many by article id
 * are ranked and the rest only counted. Ranking is the cost that grows with the archive (every candidate's score is
 * computed); this keeps a search's work bounded, and in news the newer of two equal matches is the better one anyway.
 */
export const RANKED_CANDIDATES = 500;

/**
 * The most matches a search counts: past it the answer says "more than" this many. Counting is what a word in most of
 * the archive spends its time on (every match taken from the index one by one: 19 ms for 59,000 of 100,000 stories on
 * PostgreSQL), and no reader pages past the ranked {@link RANKED_CANDIDATES} to use an exact figure.
 */
export const COUNTED_MATCHES = 1000;

/** BM25 weights for headline, dek and body: a headline match outweighs a body that repeats the word. */
const BM25 = sql.raw('bm25(articles_search, 10.0, 4.0, 1.0)');
/**
 * PostgreSQL: ts_rank's weights for D, C (body), B (dek), A (headline), plus 1 when the headline alone matches every
 * word — ts_rank saturates, so a body repeating the words could otherwise tie a headline. The headline's words are
 * the document's weight-A lexemes (the migration weights them so), so the check filters the document already read
 * rather than parsing the headline again: 500 candidates' headlines parsed cost 9 ms, filtered 4 ms.
 */
const PG_SCORE = sql.raw(
  `ts_rank('{0.1, 0.2, 0.4, 1.0}', s.document, query.q) + CASE WHEN ts_filter(s.document, '{a}') @@ query.q THEN 1 ELSE 0 END`,
);
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
  /** Visible candidates. */
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

/**
 * `browsable`: how many of the `total` can be paged to (past {@link RANKED_CANDIDATES}, only the ranked ones);
 * `capped`: more than `total` match.
 */
function pageOf<T>(docs: T[], total: number, page: number, limit: number, browsable = total, capped = false): Page<T> {
  return { docs, page, limit, totalDocs: total, totalPages: Math.max(1, Math.ceil(browsable / limit)), ...(capped ? { totalDocsCapped: true as const } : {}) };
}

export type SearchOptions = {
  terms: readonly string[];
  page: number;
  limit: number;
  now?: Date;
  /** At most this many matches are ranked (default {@link RANKED_CANDIDATES}). */
  candidates?: number;
  /** At most this many matches are counted (default {@link COUNTED_MATCHES}); never fewer than `candidates`. */
  counted?: number;
  /** PostgreSQL: how the newest candidates are found, when not by {@link newestByWalking} (tests compare the two). */
  walk?: boolean;
};

/**
 * One page of what readers find for the terms, best first (ties: newest first). `totalDocs` is exact up to
 * {@link RANKED_CANDIDATES} matches; past it, it is the index's own count (published stories only, so it can be over
 * by the few that are scheduled, embargoed or killed), and past {@link COUNTED_MATCHES} it is that many with
 * `totalDocsCapped`. The pages reach as far as the ranked candidates.
 */
export async function searchForReaders(
  payload: Payload,
  { terms, page, limit, now = new Date(), candidates = RANKED_CANDIDATES, counted = COUNTED_MATCHES, walk }: SearchOptions,
): Promise<Page<SearchHit>> {
  if (terms.length === 0) return pageOf([], 0, page, limit);
  const dialect = dialectOf(payload);
  const visible = visibleToReaders(dialect, visibilityFields(payload), now);
  const offset = (page - 1) * limit;
  return readOnly(payload, SEARCH_BUDGET_MS, async (db) => {
    // The newest `candidates` matches are ranked (all of them when there are fewer), which bounds a search's work.
    // Count first (up to `counted`, one past it to know there are more), and stop there when nothing matches.
    const countCap = Math.max(counted, candidates);
    const { matches, stories } = await countIndexed(db, terms, countCap + 1);
    if (matches === 0) return pageOf([], 0, page, limit);
    const capped = matches > countCap;
    const rows =
      dialect === 'postgres'
        ? await postgresPage(db, terms, visible, limit, offset, candidates, walk ?? (capped && (await walkingPays(db, terms, matches, stories, candidates))))
        : await sqlitePage(db, terms, visible, limit, offset, candidates);
    // The window count is of the visible candidates; a page past the end has no row to carry it.
    const visibleCandidates = rows[0] ? Number(rows[0].total) : offset > 0 ? await countVisible(db, terms, visible, candidates) : 0;
    const total = capped ? countCap : matches > candidates ? matches : visibleCandidates;
    if (dialect === 'postgres') return pageOf(rows.map((row) => hitOf(row)), total, page, limit, visibleCandidates, capped);
    const snippets = await sqliteSnippets(db, terms, rows.map((row) => Number(row.id)));
    return pageOf(
      rows.map((row) => hitOf(row, snippets.get(Number(row.id)))),
      total,
      page,
      limit,
      visibleCandidates,
      capped,
    );
  });
}

/**
 * PostgreSQL: whether the newest `cap` of `matches` are found faster by walking the primary key back from the newest
 * story, testing each one's tsvector (read back from TOAST: about 15 times the cost of a match in the GIN index's
 * bitmap), than by taking every match from the index and sorting. Walking reads about cap × stories ÷ matches rows, so
 * it wins for a word in a large share of the archive. PostgreSQL's planner prices the tsvector test as free and would
 * walk for a word in 2 % of 100,000 stories (150 ms, against 3 ms from the bitmap), so the choice is made here.
 */
export function newestByWalking(matches: number, stories: number, cap: number): boolean {
  return matches > cap && cap * Math.max(matches, stories) * TOAST_READ_COST < matches * matches;
}

/** What testing a row's tsvector costs, as a multiple of taking a match from the GIN bitmap (measured: 7.6 µs against 0.5). */
const TOAST_READ_COST = 15;

/**
 * How many indexed (published) stories match, up to `limit`, from the index alone: no ranking, no join. PostgreSQL
 * also gives its estimate of how many stories the index holds (`reltuples`, kept by ANALYZE; 0 when unknown), for
 * {@link walkingPays}.
 */
async function countIndexed(db: SqlRunner, terms: readonly string[], limit: number): Promise<{ matches: number; stories: number }> {
  const [row] =
    db.dialect === 'postgres'
      ? await db.all<{ total: number | string; stories?: number | string | null }>(sql`
          SELECT (SELECT count(*) FROM (SELECT 1 FROM articles_search WHERE document @@ ${plainTsquery(terms)} LIMIT ${limit}) m) AS total,
            (SELECT reltuples FROM pg_class WHERE oid = 'articles_search'::regclass) AS stories`)
      : await db.all<{ total: number | string; stories?: undefined }>(sql`
          SELECT count(*) AS total FROM (SELECT 1 FROM articles_search WHERE articles_search MATCH ${fts5Query(terms)} LIMIT ${limit}) m`);
  // reltuples is -1 for a table never analysed.
  return { matches: Number(row?.total ?? 0), stories: Math.max(0, Number(row?.stories ?? 0)) };
}

/**
 * PostgreSQL, past the count's cap (walking never pays for fewer matches: see {@link newestByWalking}): whether to
 * walk for the newest candidates, judged on the planner's estimate of the matches (its statistics know the frequent
 * words, and only a word in a large share of the archive walks), never fewer than were counted. Costs a plan, not a
 * scan.
 */
async function walkingPays(db: SqlRunner, terms: readonly string[], counted: number, stories: number, cap: number): Promise<boolean> {
  const [plan] = await db.all<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM articles_search WHERE document @@ ${plainTsquery(terms)}`,
  );
  const estimate = Number(plan?.['QUERY PLAN']?.[0]?.Plan?.['Plan Rows'] ?? 0);
  return newestByWalking(Math.max(counted, estimate), stories, cap);
}

/** SQLite: the newest `cap` matches by article id (all of them when there are fewer), with their BM25 score. */
function sqliteCandidates(expression: string, cap: number): SQL {
  return sql`(SELECT rowid AS id, ${BM25} AS score FROM articles_search WHERE articles_search MATCH ${expression} ORDER BY rowid DESC LIMIT ${cap})`;
}

/**
 * PostgreSQL: the ids of the newest `cap` matches of `tsquery` by article id (all of them when there are fewer). With
 * `walk` (see {@link newestByWalking}), along the primary key from the newest story; otherwise every match from the
 * GIN index's bitmap (`OFFSET 0` keeps the planner from walking instead), sorted.
 */
function postgresCandidates(cap: number, tsquery: SQL, walk = false): SQL {
  return walk
    ? sql`(SELECT s.article_id FROM articles_search s WHERE s.document @@ ${tsquery} ORDER BY s.article_id DESC LIMIT ${cap})`
    : sql`(SELECT m.article_id FROM (SELECT s.article_id FROM articles_search s WHERE s.document @@ ${tsquery} OFFSET 0) m
        ORDER BY m.article_id DESC LIMIT ${cap})`;
}

function plainTsquery(terms: readonly string[]): SQL {
  return sql`plainto_tsquery('english', ${plainQueryText(terms)})`;
}

async function sqlitePage(db: SqlRunner, terms: readonly string[], visible: SQL, limit: number, offset: number, cap: number): Promise<HitRow[]> {
  // Ranked in a subquery (FTS5's bm25() cannot run beside the window function that counts), which CROSS JOIN keeps the
  // outer loop: SQLite would otherwise start from the articles' own indexes and run the MATCH once per article.
  return db.all<HitRow>(sql`
    SELECT a.id AS id, count(*) OVER () AS total, a.slug AS slug, a.headline AS headline, a.dek AS dek,
      a.published_at AS publishedAt, sec.slug AS sectionSlug, sec.name AS sectionName
    FROM ${sqliteCandidates(fts5Query(terms), cap)} matched
    CROSS JOIN articles a ON a.id = matched.id
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

async function postgresPage(db: SqlRunner, terms: readonly string[], visible: SQL, limit: number, offset: number, cap: number, walk: boolean): Promise<HitRow[]> {
  // Excerpts (ts_headline re-parses the text) only for the page's rows, in the outer query.
  return db.all<HitRow>(sql`
    WITH query AS (SELECT ${plainTsquery(terms)} AS q),
    ranked AS (
      SELECT s.article_id AS id, ${PG_SCORE} AS score, a.published_at, count(*) OVER () AS total
      FROM ${postgresCandidates(cap, plainTsquery(terms), walk)} candidates
      JOIN articles_search s ON s.article_id = candidates.article_id
      JOIN articles a ON a.id = candidates.article_id
      CROSS JOIN query
      WHERE ${visible}
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

/** How many of the candidates readers may see (asked only when a page past the last one came back empty). */
async function countVisible(db: SqlRunner, terms: readonly string[], visible: SQL, cap: number): Promise<number> {
  const [row] =
    db.dialect === 'postgres'
      ? await db.all<{ total: number | string }>(sql`
          SELECT count(*) AS total FROM ${postgresCandidates(cap, plainTsquery(terms))} candidates JOIN articles a ON a.id = candidates.article_id WHERE ${visible}`)
      : await db.all<{ total: number | string }>(sql`
          SELECT count(*) AS total FROM ${sqliteCandidates(fts5Query(terms), cap)} matched CROSS JOIN articles a ON a.id = matched.id WHERE ${visible}`);
  return Number(row?.total ?? 0);
}

/**
 * Staff search in the admin's article list: ids of indexed (published) stories matching the words, the last one as
 * a prefix, best first among the newest {@link RANKED_CANDIDATES} matches — embargoed and killed stories included, as
 * staff see them. At most `limit`.
 */
export async function searchIdsForStaff(payload: Payload, terms: readonly string[], limit: number): Promise<number[]> {
  if (terms.length === 0) return [];
  return readOnly(payload, SEARCH_BUDGET_MS, async (db) => {
    if (db.dialect === 'sqlite') {
      const rows = await db.all<{ id: number }>(sql`
        SELECT matched.id AS id FROM ${sqliteCandidates(fts5Query(terms, { prefix: true }), RANKED_CANDIDATES)} matched
        ORDER BY matched.score LIMIT ${limit}`);
      return rows.map((row) => Number(row.id));
    }
    // The last word as typed (stemmed, as the index is) or as the start of a longer word.
    const { plain, prefix } = postgresPrefixQuery(terms);
    const query = prefix
      ? sql`(plainto_tsquery('english', ${plain}) && (plainto_tsquery('english', ${terms.at(-1)!}) || to_tsquery('simple', ${prefix})))`
      : sql`plainto_tsquery('english', ${plain})`;
    const rows = await db.all<{ id: number }>(sql`
      WITH query AS (SELECT ${query} AS q)
      SELECT s.article_id AS id FROM ${postgresCandidates(RANKED_CANDIDATES, query)} candidates
      JOIN articles_search s ON s.article_id = candidates.article_id CROSS JOIN query
      ORDER BY ${PG_SCORE} DESC LIMIT ${limit}`);
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
    // From the tag's rows to the articles (CROSS JOIN keeps that order in SQLite), then newest first.
    const from =
      dialect === 'postgres'
        ? sql`articles_search s JOIN articles a ON a.id = s.article_id WHERE s.tag_slugs @> ARRAY[${slug}]::text[]`
        : sql`articles_search_tags t CROSS JOIN articles a ON a.id = t.article_id WHERE t.slug = ${slug}`;
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
