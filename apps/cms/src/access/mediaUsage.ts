import { type SQL, sql } from '@payloadcms/db-sqlite/drizzle';
import type { Payload, PayloadRequest, Where } from 'payload';

import { dialectOf, runnerFor } from '../search/database';
import { publishedNow } from './isPublishedOrStaff';

/**
 * Where articles use photos: `hero.image` (an indexed column) and upload nodes in the Lexical
 * body (JSON, no index). Body checks scan only articles saved since the oldest photo in question
 * was uploaded — a story cannot have used a photo before it existed — and of those read and parse
 * only the bodies that mention an upload at all (a text match in the database), so a wire import's
 * thousands of photo-less stories cost a scan of their rows, not a parse of their text.
 */

export type MediaId = number | string;

const idOf = (value: unknown): string | undefined => {
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  if (value && typeof value === 'object' && 'id' in value) return idOf((value as { id: unknown }).id);
  return undefined;
};

/** Ids of the media collection's photos placed in a Lexical document (any depth). */
export function uploadIdsInRichText(node: unknown, into: Set<string> = new Set()): Set<string> {
  if (!node || typeof node !== 'object') return into;
  if (Array.isArray(node)) {
    for (const child of node) uploadIdsInRichText(child, into);
    return into;
  }
  const record = node as Record<string, unknown>;
  if (record.type === 'upload' && record.relationTo === 'media') {
    const id = idOf(record.value);
    if (id) into.add(id);
  }
  if (record.root) uploadIdsInRichText(record.root, into);
  if (record.children) uploadIdsInRichText(record.children, into);
  return into;
}

type ArticleMedia = { hero?: { image?: unknown } | null; body?: unknown; publishedAt?: string | null };

function photosOf(article: ArticleMedia, into: Set<string>): Set<string> {
  const hero = idOf(article.hero?.image);
  if (hero) into.add(hero);
  uploadIdsInRichText(article.body, into);
  return into;
}

const asIds = (ids: Iterable<string>, payload: Payload): MediaId[] =>
  [...ids].map((id) => (payload.db.defaultIDType === 'number' ? Number(id) : id));

const system = (req?: PayloadRequest) => ({ overrideAccess: true, depth: 0, req }) as const;

/**
 * Raw SQL over the `articles` table (or its versions), in the request's transaction when it has one: the runner, a
 * timestamp literal in the dialect's type, and the table.
 */
async function rawArticles(payload: Payload, req?: PayloadRequest, table: 'articles' | '_articles_v' = 'articles') {
  const db = await runnerFor(payload, req);
  const postgres = dialectOf(payload) === 'postgres';
  const at = (iso: string) => (postgres ? sql`CAST(${iso} AS timestamptz)` : sql`${iso}`);
  const name = (payload.db as unknown as { tableNameMap?: Map<string, string> }).tableNameMap?.get(table) ?? table;
  // A boolean column's true: PostgreSQL's boolean, SQLite's 1.
  const yes = postgres ? sql`true` : sql`1`;
  return { db, at, yes, table: sql.identifier(name) };
}

/**
 * Of the articles `condition` picks (columns of the `articles` table), the ids of those whose body
 * mentions an upload — a Lexical upload node is `{"type":"upload", …}` — the only bodies worth
 * reading. A superset: a body that merely contains the word is read and finds nothing.
 */
async function idsWithUploadsInBody(payload: Payload, condition: (at: (iso: string) => SQL) => SQL, req?: PayloadRequest): Promise<MediaId[]> {
  const { db, at, table } = await rawArticles(payload, req);
  const rows = await db.all<{ id: number | string }>(sql`SELECT id FROM ${table} WHERE ${condition(at)} AND CAST(body AS TEXT) LIKE ${'%upload%'}`);
  return asIds(
    rows.map((row) => String(row.id)),
    payload,
  );
}

/** The hero photos of the articles `condition` picks (columns of the `articles` table), each once. */
async function heroIdsWhere(payload: Payload, condition: (at: (iso: string) => SQL) => SQL, req?: PayloadRequest): Promise<string[]> {
  const { db, at, table } = await rawArticles(payload, req);
  const rows = await db.all<{ id: number | string }>(
    sql`SELECT DISTINCT hero_image_id AS id FROM ${table} WHERE ${condition(at)} AND hero_image_id IS NOT NULL`,
  );
  return rows.map((row) => String(row.id));
}

/**
 * When the first scheduled or embargoed story (not killed) comes out — the later of its publication time and its
 * embargo — as epoch ms; infinity when none is waiting.
 */
async function nextComingOut(payload: Payload, nowIso: string, req?: PayloadRequest): Promise<number> {
  const { db, at, table } = await rawArticles(payload, req);
  const [row] = await db.all<{ next: string | Date | null }>(sql`
    SELECT MIN(CASE WHEN embargoed_until IS NOT NULL AND (published_at IS NULL OR embargoed_until > published_at) THEN embargoed_until ELSE published_at END) AS next
    FROM ${table}
    WHERE _status = ${'published'} AND killed_at IS NULL AND (published_at > ${at(nowIso)} OR embargoed_until > ${at(nowIso)})`);
  const next = row?.next;
  if (next === null || next === undefined) return Number.POSITIVE_INFINITY;
  const time = next instanceof Date ? next.getTime() : Date.parse(String(next));
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

/** Bodies of the articles `ids` names that also match `stories`, in pages of 500 ids. */
async function bodiesOf(payload: Payload, stories: Where, ids: MediaId[], req?: PayloadRequest): Promise<unknown[]> {
  const bodies: unknown[] = [];
  for (let start = 0; start < ids.length; start += 500) {
    const { docs } = await payload.find({
      collection: 'articles',
      where: { and: [stories, { id: { in: ids.slice(start, start + 500) } }] },
      select: { body: true },
      pagination: false,
      ...system(req),
    });
    for (const doc of docs) bodies.push(doc.body);
  }
  return bodies;
}

/** Which of `candidates` the articles matching `stories` use, as hero or in the body. */
async function usedBy(payload: Payload, stories: Where, candidates: Set<string>, req?: PayloadRequest): Promise<Set<string>> {
  const used = new Set<string>();
  if (candidates.size === 0) return used;
  const heroes = await payload.find({
    collection: 'articles',
    where: { and: [stories, { 'hero.image': { in: asIds(candidates, payload) } }] },
    select: { hero: { image: true } },
    pagination: false,
    ...system(req),
  });
  for (const doc of heroes.docs) photosOf({ hero: doc.hero }, used);
  const rest = new Set([...candidates].filter((id) => !used.has(id)));
  if (rest.size === 0) return used;
  const oldest = await payload.find({
    collection: 'media',
    where: { id: { in: asIds(rest, payload) } },
    select: { createdAt: true },
    sort: 'createdAt',
    limit: 1,
    pagination: false,
    ...system(req),
  });
  const since = oldest.docs[0]?.createdAt;
  if (!since) return used;
  const recent = await idsWithUploadsInBody(payload, (at) => sql`updated_at >= ${at(since)}`, req);
  for (const body of await bodiesOf(payload, { and: [stories, { updatedAt: { greater_than_equal: since } }] }, recent, req)) {
    for (const id of uploadIdsInRichText(body)) if (rest.has(id)) used.add(id);
  }
  return used;
}

/** True when a published story — live now or scheduled — shows the photo as its hero or in its body. */
export async function usedByPublishedStory(payload: Payload, id: MediaId, req?: PayloadRequest): Promise<boolean> {
  const used = await usedBy(payload, { _status: { equals: 'published' } }, new Set([String(id)]), req);
  return used.size > 0;
}

/**
 * Photos that only unpublished stories use — drafts (including a live story's pending edit),
 * stories published for a later time or under an embargo, and killed stories — and that no live
 * story or ad slot shows. Readers must not see those before the story is out. `validUntil` is
 * when the earliest embargo lifts.
 */
export async function photosOfUnpublishedStories(
  payload: Payload,
  now: Date = new Date(),
  req?: PayloadRequest,
): Promise<{ ids: MediaId[]; validUntil: number }> {
  const candidates = new Set<string>();
  // Drafts, a live story's pending edit included: the latest versions whose status is draft (an import without
  // --publish writes thousands). Their heroes, and the bodies that mention an upload, as for the stories below.
  const versions = await rawArticles(payload, req, '_articles_v');
  const latestDraft = sql`latest = ${versions.yes} AND version__status = ${'draft'}`;
  for (const { id } of await versions.db.all<{ id: number | string }>(
    sql`SELECT DISTINCT version_hero_image_id AS id FROM ${versions.table} WHERE ${latestDraft} AND version_hero_image_id IS NOT NULL`,
  )) {
    candidates.add(String(id));
  }
  for (const { body } of await versions.db.all<{ body: unknown }>(
    sql`SELECT version_body AS body FROM ${versions.table} WHERE ${latestDraft} AND CAST(version_body AS TEXT) LIKE ${'%upload%'}`,
  )) {
    uploadIdsInRichText(typeof body === 'string' ? JSON.parse(body) : body, candidates);
  }
  // Published but not live: scheduled, embargoed, killed — and a wire import's staged stories, thousands of rows
  // "published" for a time far ahead until the run goes live. Worked out in the database, which hands back photo ids
  // and one time, not the stories: their heroes, the bodies that mention an upload at all, and when the first of
  // them comes out.
  const at = now.toISOString();
  const notLive = (time: (iso: string) => SQL) =>
    sql`_status = ${'published'} AND (published_at > ${time(at)} OR embargoed_until > ${time(at)} OR killed_at IS NOT NULL)`;
  for (const id of await heroIdsWhere(payload, notLive, req)) candidates.add(id);
  const notLiveWhere: Where = {
    and: [
      { _status: { equals: 'published' } },
      { or: [{ publishedAt: { greater_than: at } }, { embargoedUntil: { greater_than: at } }, { killedAt: { exists: true } }] },
    ],
  };
  for (const body of await bodiesOf(payload, notLiveWhere, await idsWithUploadsInBody(payload, notLive, req), req)) uploadIdsInRichText(body, candidates);
  // A killed story stays hidden; a scheduled or embargoed one comes out when the later of its two times passes.
  const validUntil = await nextComingOut(payload, at, req);
  if (candidates.size === 0) return { ids: [], validUntil };

  for (const id of await usedBy(payload, publishedNow(now), candidates, req)) candidates.delete(id);
  if (candidates.size > 0) {
    const slots = await payload.find({
      collection: 'ad-slots',
      where: { 'creative.image': { in: asIds(candidates, payload) } },
      select: { creative: { image: true } },
      pagination: false,
      ...system(req),
    });
    for (const slot of slots.docs) {
      const id = idOf(slot.creative?.image);
      if (id) candidates.delete(id);
    }
  }
  return { ids: asIds(candidates, payload), validUntil };
}
