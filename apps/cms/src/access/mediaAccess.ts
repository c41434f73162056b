import { Forbidden, type Access, type CollectionBeforeChangeHook, type Payload, type PayloadRequest, type Where } from 'payload';

import { photosOfUnpublishedStories, usedByPublishedStory, type MediaId } from './mediaUsage';
import { isEditorOrAdmin, roleOf } from './roles';

type Hidden = { key: string; ids: MediaId[]; validUntil: number };

// Per Payload instance: the photos held back from readers, and what they were worked out from.
const hiddenCache: WeakMap<Payload, Hidden> = ((globalThis as Record<symbol, unknown>)[Symbol.for('newsroom.hiddenMedia')] ??=
  new WeakMap<Payload, Hidden>()) as WeakMap<Payload, Hidden>;

/**
 * What the held-back set depends on: every save of an article (each writes or, autosaving,
 * rewrites a version) or an ad slot, and every deletion. Indexed look-ups, far cheaper than
 * working the set out again.
 */
async function usageFingerprint(payload: Payload, req?: PayloadRequest): Promise<string> {
  const opts = { overrideAccess: true, depth: 0, req } as const;
  const [lastVersion, articles, lastSlot, slots] = await Promise.all([
    payload.findVersions({ collection: 'articles', sort: '-updatedAt', limit: 1, pagination: false, select: { updatedAt: true }, ...opts }),
    payload.count({ collection: 'articles', ...opts }),
    payload.find({ collection: 'ad-slots', sort: '-updatedAt', limit: 1, pagination: false, select: { updatedAt: true }, ...opts }),
    payload.count({ collection: 'ad-slots', ...opts }),
  ]);
  const stamp = (doc: { id: unknown; updatedAt?: string } | undefined) => (doc ? `${String(doc.id)}@${doc.updatedAt}` : '-');
  return [stamp(lastVersion.docs[0]), articles.totalDocs, stamp(lastSlot.docs[0]), slots.totalDocs].join('|');
}

// Per Payload instance: the working-out in progress, so that the readers' requests that find the set out of date at
// the same moment (a site re-rendering its pages after a save asks for photos many times over) share one.
const inFlight: WeakMap<Payload, { key: string; hidden: Promise<Hidden> }> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('newsroom.hiddenMediaInFlight')
] ??= new WeakMap<Payload, { key: string; hidden: Promise<Hidden> }>()) as WeakMap<Payload, { key: string; hidden: Promise<Hidden> }>;

/** The photos anonymous readers may not see now (see `photosOfUnpublishedStories`). */
export async function photosHiddenFromReaders(payload: Payload, req?: PayloadRequest, now: Date = new Date()): Promise<MediaId[]> {
  const key = await usageFingerprint(payload, req);
  const cached = hiddenCache.get(payload);
  if (cached && cached.key === key && now.getTime() < cached.validUntil) return cached.ids;
  const running = inFlight.get(payload);
  if (running && running.key === key) {
    const shared = await running.hidden;
    if (now.getTime() < shared.validUntil) return shared.ids;
  }
  const hidden = photosOfUnpublishedStories(payload, now, req).then(({ ids, validUntil }) => {
    const result = { key, ids, validUntil };
    hiddenCache.set(payload, result);
    return result;
  });
  inFlight.set(payload, { key, hidden });
  try {
    return (await hidden).ids;
  } finally {
    if (inFlight.get(payload)?.hidden === hidden) inFlight.delete(payload);
  }
}

/**
 * Staff see every photo. Readers see every photo except those only unpublished stories use, so a
 * draft's or an embargoed story's pictures (and their captions) stay private until it is out —
 * in the REST/GraphQL API and for the files themselves (`/api/media/file/…` follows this).
 */
export const canReadMedia: Access = async ({ req }) => {
  if (roleOf(req.user)) return true;
  const hidden = await photosHiddenFromReaders(req.payload, req);
  return hidden.length === 0 ? true : ({ id: { not_in: hidden } } satisfies Where);
};

/**
 * Editors and admins change any photo. A contributor changes only photos they uploaded, and not
 * one a published story shows: the caption, credit or file readers already see is the desk's.
 */
export const canUpdateMedia: Access = async ({ req, id }) => {
  const user = req.user;
  if (!user || !roleOf(user)) return false;
  if (isEditorOrAdmin(user)) return true;
  if (id !== undefined && (await usedByPublishedStory(req.payload, id, req))) return false;
  return { createdBy: { equals: user.id } } satisfies Where;
};

/** The same rule for changes that reach a photo without its id in hand (bulk edits). */
export const guardPublishedPhotos: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !req.user || isEditorOrAdmin(req.user) || !originalDoc?.id) return data;
  if (await usedByPublishedStory(req.payload, originalDoc.id as MediaId, req)) throw new Forbidden(req.t);
  return data;
};
