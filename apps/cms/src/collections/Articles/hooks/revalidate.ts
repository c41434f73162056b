import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionSlug, Payload, PayloadRequest } from 'payload';

import { dataDir } from '../../../lib/paths';

/**
 * Tells the reader site what changed: `POST ${WEB_URL}/api/revalidate` with the shared secret and `{tags: [...]}`.
 * Over HTTP rather than Next's revalidateTag, because these hooks also run inside Payload's jobs queue (scheduled
 * publishing), where revalidateTag throws (payload#16392) — and the site is a separate app anyway.
 *
 * The request is sent after the database transaction commits (else the site could re-read the old version), with a
 * short timeout, and never fails the editor's save: when the site is down it logs a warning and the site catches up
 * from its time-based revalidation. The tag vocabulary is the site's (apps/web/src/lib/cache-tags.ts).
 */

export type RevalidationTarget = { url: string; secret: string };

const SECRET_FILE = 'revalidate-secret';
let warnedUnconfigured = false;

/** Where to send revalidations, or undefined when no secret is configured (env, else the file `npm start` writes). */
export function revalidationTarget(env: Record<string, string | undefined> = process.env): RevalidationTarget | undefined {
  let secret = env.REVALIDATE_SECRET?.trim();
  if (!secret) {
    try {
      secret = readFileSync(path.join(dataDir, SECRET_FILE), 'utf8').trim();
    } catch {
      secret = undefined;
    }
  }
  if (!secret) return undefined;
  const base = (env.WEB_INTERNAL_URL ?? env.WEB_URL ?? `http://127.0.0.1:${env.PORT ?? 3000}`).replace(/\/+$/, '');
  return { url: `${base}/api/revalidate`, secret };
}

type Logger = Pick<Payload['logger'], 'warn'>;

const WARN_EVERY_MS = 60_000;
let lastWarning = 0;
let suppressed = 0;

/** One warning a minute at most: a site that is down (or not started yet, while the CMS seeds) must not flood the log. */
function warnThrottled(logger: Logger | undefined, message: string): void {
  const now = Date.now();
  if (now - lastWarning < WARN_EVERY_MS) {
    suppressed++;
    return;
  }
  logger?.warn(suppressed ? `${message} (${suppressed} similar warnings suppressed)` : message);
  lastWarning = now;
  suppressed = 0;
}

/** Sends one revalidation. Resolves true when the site confirmed it; never throws. */
export async function postRevalidation(
  tags: string[],
  { target = revalidationTarget(), fetchImpl = fetch, timeoutMs = 3000, logger }: { target?: RevalidationTarget; fetchImpl?: typeof fetch; timeoutMs?: number; logger?: Logger } = {},
): Promise<boolean> {
  if (tags.length === 0) return true;
  if (!target) {
    if (!warnedUnconfigured) logger?.warn('REVALIDATE_SECRET is not set: the reader site is not told about changes (it refreshes on its own timer)');
    warnedUnconfigured = true;
    return false;
  }
  try {
    const response = await fetchImpl(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-revalidate-secret': target.secret },
      body: JSON.stringify({ tags }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      warnThrottled(logger, `reader site answered ${response.status} to revalidating ${tags.join(', ')}`);
      return false;
    }
    return true;
  } catch (error) {
    warnThrottled(logger, `reader site not revalidated (${tags.join(', ')}): ${(error as Error).message} — is it running at ${target.url}?`);
    return false;
  }
}

const pending = new WeakMap<Payload, Set<Promise<unknown>>>();

/**
 * Runs `send` once `req`'s transaction has committed (Payload deletes `req.transactionID` on commit or rollback).
 * Until then the change is invisible to the site's next read. Keeps the promise so that `payload.destroy()` — which
 * the import CLI awaits before exiting — waits for the revalidation instead of cutting it off.
 */
export function afterCommit(req: PayloadRequest, send: () => Promise<unknown>, { pollMs = 5, maxWaitMs = 30_000 } = {}): Promise<unknown> {
  const committed = new Promise<void>((resolve) => {
    const started = Date.now();
    // Backs off from pollMs to 100 ms: a long import transaction keeps one cheap timer, not a busy loop.
    let delay = pollMs;
    const check = () => {
      if (!req.transactionID || Date.now() - started > maxWaitMs) return resolve();
      setTimeout(check, delay);
      delay = Math.min(delay * 2, 100);
    };
    check();
  });
  const promise = committed.then(send).catch(() => undefined);
  const payload = req.payload;
  if (payload) {
    let set = pending.get(payload);
    if (!set) {
      const tracked = new Set<Promise<unknown>>();
      pending.set(payload, (set = tracked));
      const destroy = payload.destroy.bind(payload);
      payload.destroy = async () => {
        await Promise.allSettled([...tracked]);
        return destroy();
      };
    }
    set.add(promise);
    void promise.finally(() => set.delete(promise));
  }
  return promise;
}

/** Tags waiting for their request's transaction to commit: one revalidation per transaction, however many writes. */
const batches = new WeakMap<PayloadRequest, Set<string>>();

function schedule(req: PayloadRequest, tags: string[]): void {
  if (tags.length === 0 || req.context?.skipRevalidation) return;
  const waiting = batches.get(req);
  if (waiting) {
    for (const tag of tags) waiting.add(tag);
    return;
  }
  const batch = new Set(tags);
  batches.set(req, batch);
  void afterCommit(req, () => {
    batches.delete(req);
    return postRevalidation([...batch], { logger: req.payload.logger });
  });
}

type Related = number | string | { id?: number | string; slug?: string | null } | null | undefined;
type ArticleLike = {
  id?: number | string;
  slug?: string | null;
  _status?: string | null;
  section?: Related;
  authors?: Related[] | null;
};

const slugOf = (value: Related) => (typeof value === 'object' && value && typeof value.slug === 'string' ? value.slug : undefined);
const idOf = (value: Related) => (typeof value === 'object' && value ? value.id : value ?? undefined);

/** Slugs of related documents, given as populated objects or as ids. */
async function slugsOf(req: PayloadRequest, collection: CollectionSlug, values: Related[]): Promise<string[]> {
  const slugs = values.map(slugOf).filter((slug): slug is string => Boolean(slug));
  const ids = values.filter((value) => !slugOf(value)).map(idOf).filter((id) => id !== undefined && id !== null);
  if (ids.length > 0) {
    const found = await req.payload.find({ collection, where: { id: { in: ids } }, depth: 0, limit: ids.length, overrideAccess: true, req, pagination: false });
    for (const doc of found.docs as { slug?: string | null }[]) if (doc.slug) slugs.push(doc.slug);
  }
  return slugs;
}

/**
 * The tags an article change affects: nothing for drafts that were never live, nor for a draft saved over a live
 * story (the live version is untouched — Payload then leaves the main row alone); otherwise the article (old and new
 * slug), the lists, and its sections and authors (old and new).
 */
export async function articleChangeTags(req: PayloadRequest, doc: ArticleLike, previousDoc?: ArticleLike | null): Promise<string[]> {
  const liveNow = doc._status === 'published';
  const wasLive = previousDoc?._status === 'published';
  if (!liveNow && !wasLive) return [];
  if (!liveNow && doc.id !== undefined) {
    const row = (await req.payload.db.findOne({ collection: 'articles', where: { id: { equals: doc.id } }, req })) as ArticleLike | null;
    if (row?._status === 'published') return [];
  }
  const docs = [doc, ...(previousDoc ? [previousDoc] : [])];
  const [sections, authors] = await Promise.all([
    slugsOf(req, 'sections', docs.map((d) => d.section)),
    slugsOf(req, 'authors', docs.flatMap((d) => d.authors ?? [])),
  ]);
  return unique([
    ...docs.flatMap((d) => (d.slug ? [`article:${d.slug}`] : [])),
    'articles',
    ...sections.map((slug) => `section:${slug}`),
    ...authors.map((slug) => `author:${slug}`),
  ]);
}

/** Live articles that show an author or a section, as `article:` tags (their pages print its name). */
async function liveArticleTags(req: PayloadRequest, field: 'authors' | 'section', id: number | string): Promise<string[]> {
  const found = await req.payload.find({
    collection: 'articles',
    where: { and: [{ [field]: field === 'authors' ? { in: [id] } : { equals: id } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: 200,
    overrideAccess: true,
    req,
    select: { slug: true },
  });
  return (found.docs as { slug?: string | null }[]).flatMap((d) => (d.slug ? [`article:${d.slug}`] : []));
}

function unique(tags: string[]): string[] {
  return [...new Set(tags)];
}

export const revalidateArticleAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  schedule(req, await articleChangeTags(req, doc, previousDoc));
  return doc;
};

export const revalidateArticleAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (doc?._status === 'published') schedule(req, await articleChangeTags(req, { ...doc, _status: 'published' }));
  return doc;
};

/** Headlines and ad slots: every page that shows any of them. */
export const revalidateTagAfterChange =
  (tag: 'headlines' | 'ad-slots'): CollectionAfterChangeHook =>
  ({ doc, req }) => {
    schedule(req, [tag]);
    return doc;
  };

export const revalidateTagAfterDelete =
  (tag: 'headlines' | 'ad-slots'): CollectionAfterDeleteHook =>
  ({ doc, req }) => {
    schedule(req, [tag]);
    return doc;
  };

/** Authors and sections: their page (old and new slug), the lists, and every live article that names them. */
const revalidateProfile =
  (kind: 'author' | 'section'): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    const slugs = unique([doc?.slug, previousDoc?.slug].filter((slug): slug is string => typeof slug === 'string' && slug !== ''));
    const articles = doc?.id !== undefined ? await liveArticleTags(req, kind === 'author' ? 'authors' : 'section', doc.id) : [];
    schedule(req, unique([...slugs.map((slug) => `${kind}:${slug}`), kind === 'author' ? 'authors' : 'sections', 'articles', ...articles]));
    return doc;
  };

export const revalidateAuthorAfterChange = revalidateProfile('author');
export const revalidateSectionAfterChange = revalidateProfile('section');

export const revalidateProfileAfterDelete =
  (kind: 'author' | 'section'): CollectionAfterDeleteHook =>
  ({ doc, req }) => {
    schedule(req, unique([...(doc?.slug ? [`${kind}:${doc.slug}`] : []), kind === 'author' ? 'authors' : 'sections', 'articles']));
    return doc;
  };
