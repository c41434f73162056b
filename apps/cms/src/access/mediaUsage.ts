import type { Payload, PayloadRequest, Where } from 'payload';

import { publishedNow } from './isPublishedOrStaff';

/**
 * Where articles use photos: `hero.image` (an indexed column) and upload nodes in the Lexical
 * body (JSON, no index). Body checks scan only articles saved since the oldest photo in question
 * was uploaded — a story cannot have used a photo before it existed — so they stay cheap however
 * large the archive grows.
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
  const recent = await payload.find({
    collection: 'articles',
    where: { and: [stories, { updatedAt: { greater_than_equal: since } }] },
    select: { body: true },
    pagination: false,
    ...system(req),
  });
  for (const doc of recent.docs) {
    for (const id of uploadIdsInRichText(doc.body)) if (rest.has(id)) used.add(id);
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
  const drafts = await payload.find({
    collection: 'articles',
    draft: true,
    where: { _status: { equals: 'draft' } },
    select: { hero: { image: true }, body: true },
    pagination: false,
    ...system(req),
  });
  for (const doc of drafts.docs) photosOf(doc, candidates);
  const at = now.toISOString();
  const embargoed = await payload.find({
    collection: 'articles',
    where: {
      and: [
        { _status: { equals: 'published' } },
        { or: [{ publishedAt: { greater_than: at } }, { embargoedUntil: { greater_than: at } }, { killedAt: { exists: true } }] },
      ],
    },
    select: { hero: { image: true }, body: true, publishedAt: true, embargoedUntil: true, killedAt: true },
    pagination: false,
    ...system(req),
  });
  let validUntil = Number.POSITIVE_INFINITY;
  for (const doc of embargoed.docs) {
    photosOf(doc, candidates);
    // A killed story stays hidden; a scheduled or embargoed one comes out when the later of its two times passes.
    if (doc.killedAt) continue;
    const out = Math.max(...[doc.publishedAt, doc.embargoedUntil].map((value) => (value ? Date.parse(value) : 0)));
    if (out > now.getTime()) validUntil = Math.min(validUntil, out);
  }
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
