import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload';

import { recordAudit } from '../../AuditLog';

/**
 * The audit trail of ordinary saves (collections/AuditLog.ts): a workflow status change, a story going live or coming
 * down, a correction added, an embargo set or changed. Written in the save's own transaction. Kills and restores are
 * written by their endpoints (endpoints/kill.ts).
 */

type ID = number | string;
type Correction = { id?: string | null; kind?: string | null; text?: string | null };
type ArticleLike = {
  id?: ID;
  slug?: string | null;
  _status?: string | null;
  workflowStatus?: string | null;
  embargoedUntil?: string | null;
  corrections?: Correction[] | null;
};

const WAS_LIVE = 'newsroom.audit.wasLive';

/** Whether each story being saved in this request was live before the save, by id (see {@link noteWhetherLive}). */
function wasLiveMap(req: PayloadRequest): Map<string, boolean> {
  const context = req.context as Record<string, unknown>;
  let map = context[WAS_LIVE] as Map<string, boolean> | undefined;
  if (!map) context[WAS_LIVE] = map = new Map();
  return map;
}

async function liveRowStatus(req: PayloadRequest, id: ID): Promise<string | undefined> {
  const row = (await req.payload.db.findOne({
    collection: 'articles',
    where: { id: { equals: id } },
    select: { _status: true },
    // Only the status: neither the whole row nor the story's audit trail.
    joins: false as never,
    req,
  })) as ArticleLike | null;
  return row?._status ?? undefined;
}

/**
 * Before an update: whether the story is live now. The document a save starts from is its latest version, which for a
 * live story with a pending draft says "draft"; only the live row tells.
 */
export const noteWhetherLive: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation === 'update' && originalDoc?.id !== undefined) {
    wasLiveMap(req).set(String(originalDoc.id), (await liveRowStatus(req, originalDoc.id)) === 'published');
  }
  return data;
};

const timeOf = (value: unknown) => (value ? Date.parse(String(value)) : undefined);

/** Corrections with text that the previous version did not have (an empty row being typed in does not count yet). */
export function addedCorrections(previous: Correction[] | null | undefined, next: Correction[] | null | undefined): Correction[] {
  const before = new Set((previous ?? []).filter((row) => row?.id && row.text?.trim()).map((row) => String(row.id)));
  return (next ?? []).filter((row) => row?.text?.trim() && !(row.id && before.has(String(row.id))));
}

export const auditArticleChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const story = doc as ArticleLike;
  const before = (operation === 'update' ? previousDoc : undefined) as ArticleLike | undefined;
  if (story.id === undefined) return doc;
  const article = { id: story.id, slug: story.slug };

  if (before && before.workflowStatus !== story.workflowStatus && story.workflowStatus) {
    await recordAudit(req, { action: 'status-changed', article, from: before.workflowStatus ?? null, to: story.workflowStatus });
  }

  const wasLive = before ? (wasLiveMap(req).get(String(story.id)) ?? before._status === 'published') : false;
  wasLiveMap(req).delete(String(story.id));
  if (story._status === 'published' && !wasLive) {
    await recordAudit(req, { action: 'published', article });
  } else if (wasLive && story._status !== 'published' && (await liveRowStatus(req, story.id)) !== 'published') {
    await recordAudit(req, { action: 'unpublished', article });
  }

  for (const correction of addedCorrections(before?.corrections, story.corrections)) {
    await recordAudit(req, { action: 'corrected', article, correctionKind: correction.kind ?? null });
  }

  if (timeOf(before?.embargoedUntil) !== timeOf(story.embargoedUntil)) {
    await recordAudit(req, { action: 'embargoed', article, from: before?.embargoedUntil ?? null, to: story.embargoedUntil ?? null });
  }
  return doc;
};
