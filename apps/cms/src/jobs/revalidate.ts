import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Payload, TaskConfig } from 'payload';

import { dataDir } from '../lib/paths';

/**
 * Telling the reader site what changed: `POST ${WEB_INTERNAL_URL}/api/revalidate` with the shared secret and
 * `{tags: [...]}`, in the site's vocabulary (apps/web/src/lib/cache-tags.ts). Over HTTP rather than Next's
 * revalidateTag, because the site is a separate app and because these changes also happen inside Payload's jobs
 * queue (scheduled publishing), where revalidateTag throws (payload#16392).
 *
 * What changed is written to Payload's jobs queue (queue `revalidate`, task `revalidate`) in the same transaction as
 * the change itself (./outbox.ts), and delivered by this task once that transaction has committed: nothing is sent for
 * a write that rolled back, and nothing is lost when the site is down, the CMS restarts or the request fails — the job
 * stays in the queue and is retried with backoff until the site confirms it.
 */

export const REVALIDATE_QUEUE = 'revalidate';
export const REVALIDATE_TASK = 'revalidate';

/** The site refuses more than 500 tags in one request; a request stays well below that, and below 16 KiB of JSON. */
export const MAX_TAGS_PER_REQUEST = 200;
export const MAX_BODY_BYTES = 16 * 1024;

/** Retries after a failed delivery: 0.25 s, 0.5 s, 1 s … 128 s (about four minutes in all), then a new job a minute later. */
export const RETRY_ATTEMPTS = 10;
export const RETRY_BASE_DELAY_MS = 250;
export const LONG_OUTAGE_RETRY_MS = 60_000;

const DELIVERY_TIMEOUT_MS = 15_000;

/** The site's tag grammar: a tag it would refuse makes the whole request fail, so none is ever sent. */
const TAG_PATTERN = /^(?:articles|headlines|ad-slots|sections|authors|(?:article|section|author|tag):[a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Collection-wide tags first (the front page, feeds, widget JSON), then listings, then single articles. */
function rank(tag: string): number {
  if (!tag.includes(':')) return 0;
  if (tag.startsWith('article:')) return 2;
  return 1;
}

/** The tags worth sending: each once, only ones the site's grammar accepts, broadest first. */
export function compactTags(tags: Iterable<unknown>): string[] {
  const unique = [...new Set([...tags].filter((tag): tag is string => typeof tag === 'string' && TAG_PATTERN.test(tag)))];
  return unique.map((tag, index) => ({ tag, index })).sort((a, b) => rank(a.tag) - rank(b.tag) || a.index - b.index).map(({ tag }) => tag);
}

/** Splits tags into request-sized groups: at most `maxTags` each, and at most `maxBytes` of JSON body. */
export function chunkTags(tags: readonly string[], { maxTags = MAX_TAGS_PER_REQUEST, maxBytes = MAX_BODY_BYTES } = {}): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  // `{"tags":[]}` plus, per tag, its quotes and a comma.
  let bytes = 11;
  for (const tag of tags) {
    const size = Buffer.byteLength(tag) + 3;
    if (current.length > 0 && (current.length >= maxTags || bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 11;
    }
    current.push(tag);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export type RevalidationTarget = { url: string; secret: string };

const SECRET_FILE = 'revalidate-secret';
let localInstallDefaults = false;

/**
 * For the import CLI run beside `npm start` on its default database: without REVALIDATE_SECRET and WEB_INTERNAL_URL in
 * the environment, use the secret `npm start` keeps in apps/cms/data and its site's address on this machine. The CMS
 * server itself also does (it is that install). Tests and benchmarks never do: they reach only a site they started
 * and named.
 */
export function useLocalInstallTarget(): void {
  localInstallDefaults = true;
}

/**
 * Where to deliver revalidations: REVALIDATE_SECRET, and WEB_INTERNAL_URL (else WEB_URL). Only the CMS server and the
 * import CLI fall back to the local install (the secret file `npm start` writes, http://127.0.0.1:PORT); anything
 * else — tests, benchmarks, scripts using the Local API — gets undefined unless both are set.
 */
export function revalidationTarget(
  env: Record<string, string | undefined> = process.env,
  { localInstall = localInstallDefaults || Boolean(process.env.NEXT_RUNTIME) }: { localInstall?: boolean } = {},
): RevalidationTarget | undefined {
  let secret = env.REVALIDATE_SECRET?.trim();
  let base = (env.WEB_INTERNAL_URL ?? env.WEB_URL)?.trim();
  if (localInstall) {
    if (!secret) {
      try {
        secret = readFileSync(path.join(dataDir, SECRET_FILE), 'utf8').trim();
      } catch {
        secret = undefined;
      }
    }
    base ||= `http://127.0.0.1:${env.PORT ?? 3000}`;
  }
  if (!secret || !base) return undefined;
  return { url: `${base.replace(/\/+$/, '')}/api/revalidate`, secret };
}

export type DeliveryResult = { ok: true; ms: number } | { ok: false; status?: number; error: string };

/** Sends one request of tags to the site. Resolves with what happened; never throws. */
export async function postRevalidation(
  tags: readonly string[],
  target: RevalidationTarget,
  { fetchImpl = fetch, timeoutMs = DELIVERY_TIMEOUT_MS }: { fetchImpl?: typeof fetch; timeoutMs?: number } = {},
): Promise<DeliveryResult> {
  const started = performance.now();
  try {
    const response = await fetchImpl(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-revalidate-secret': target.secret },
      body: JSON.stringify({ tags }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The site answers only once it has re-rendered; its body says what, which the CMS does not need.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) return { ok: false, status: response.status, error: `the reader site answered ${response.status}` };
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error: `${(error as Error).message} — is the reader site running at ${target.url}?` };
  }
}

type Logger = Pick<Payload['logger'], 'warn' | 'error'>;

const WARN_EVERY_MS = 60_000;
let lastWarning = 0;
let suppressed = 0;
let warnedUnconfigured = false;

/** One warning a minute at most: a site that is down (or not started yet, while the CMS seeds) must not flood the log. */
function warnThrottled(logger: Logger, message: string): void {
  const now = Date.now();
  if (now - lastWarning < WARN_EVERY_MS) {
    suppressed++;
    return;
  }
  logger.warn(suppressed ? `${message} (${suppressed} similar warnings suppressed)` : message);
  lastWarning = now;
  suppressed = 0;
}

export type DeliveryOutcome =
  /** The site has them. */
  | 'delivered'
  /** No site to tell in this process (see revalidationTarget): they wait for one that has a site to tell. */
  | 'unconfigured'
  /** The site refused this one tag for good (400): sending it again cannot help. */
  | 'refused'
  /** The site refused the body (too large, or a tag it does not know): to be sent as two halves, so the rest gets through. */
  | 'split'
  /** Not delivered (site down, timed out, 5xx, wrong secret): to be tried again. */
  | 'failed';

/** Delivers one request's worth of tags and says what became of them; never throws. */
export async function deliverTags(tags: readonly string[], logger: Logger): Promise<{ outcome: DeliveryOutcome; result?: DeliveryResult }> {
  if (tags.length === 0) return { outcome: 'delivered' };
  const target = revalidationTarget();
  if (!target) {
    if (!warnedUnconfigured) {
      logger.warn('REVALIDATE_SECRET and WEB_INTERNAL_URL are not set: what changed stays queued for a CMS process that knows the reader site (which also refreshes on its own timer)');
    }
    warnedUnconfigured = true;
    return { outcome: 'unconfigured' };
  }
  const result = await postRevalidation(tags, target);
  if (result.ok) return { outcome: 'delivered', result };
  if ((result.status === 413 || result.status === 400) && tags.length > 1) return { outcome: 'split', result };
  if (result.status === 400 || result.status === 413) {
    logger.error(`reader site refused revalidating ${tags[0]}: ${result.error}`);
    return { outcome: 'refused', result };
  }
  warnThrottled(logger, `reader site not revalidated yet (${tags.length} tags, will retry): ${result.error}`);
  return { outcome: 'failed', result };
}

export type RevalidateInput = { tags: string[] };
export type RevalidateOutput = { delivered: number; ms?: number; note?: string };

/**
 * The `revalidate` task: delivers one job's tags (at most one request's worth; ./outbox.ts splits bigger changes into
 * several jobs). A failed delivery throws, so Payload retries it with exponential backoff; the last retry, instead of
 * giving up, queues the same tags again for a minute later, so a long outage delays revalidation but never drops it.
 */
export const revalidateTask: TaskConfig<{ input: RevalidateInput; output: RevalidateOutput }> = {
  slug: REVALIDATE_TASK,
  label: 'Tell the reader site what changed',
  inputSchema: [{ name: 'tags', type: 'json', required: true }],
  retries: { attempts: RETRY_ATTEMPTS, backoff: { type: 'exponential', delay: RETRY_BASE_DELAY_MS } },
  handler: async ({ input, job, req }) => {
    const tags = compactTags(Array.isArray(input?.tags) ? input.tags : []);
    const { outcome, result } = await deliverTags(tags, req.payload.logger);
    const requeue = (group: string[], waitUntil?: Date) =>
      req.payload.jobs.queue({ task: REVALIDATE_TASK, queue: REVALIDATE_QUEUE, input: { tags: group }, req, ...(waitUntil ? { waitUntil } : {}) });
    switch (outcome) {
      case 'delivered':
        return { output: { delivered: tags.length, ...(result?.ok ? { ms: result.ms } : {}) } };
      case 'refused':
        return { output: { delivered: 0, note: 'refused by the reader site' } };
      case 'split': {
        const half = Math.ceil(tags.length / 2);
        await requeue(tags.slice(0, half));
        await requeue(tags.slice(half));
        return { output: { delivered: 0, note: 'split in two' } };
      }
      case 'unconfigured':
      case 'failed':
        if ((job.totalTried ?? 0) >= RETRY_ATTEMPTS) {
          await requeue(tags, new Date(Date.now() + LONG_OUTAGE_RETRY_MS));
          return { output: { delivered: 0, note: 'queued again after a long outage' } };
        }
        throw new Error(result && !result.ok ? result.error : 'no reader site to tell (REVALIDATE_SECRET, WEB_INTERNAL_URL)');
    }
  },
};
