import { renderGonePage } from '../render/gone-page';
import type { GoneArticle } from './cms-client';

/**
 * Killed stories answer 410 Gone at their URL. The article page is an ISR page, and a cached page
 * always answers 200, so the status is decided before it: the proxy (src/proxy.ts) asks this server's own
 * `/api/gone/<slug>` — the CMS's tombstone kept in Next's data cache under the article's tag, shared by every
 * instance — and answers the notice itself for a killed slug. Everything else goes on to the page untouched.
 */

/** Where this server says whether a slug was killed (app/api/gone/[slug]/route.ts). */
export const goneStatusPath = (slug: string) => `/api/gone/${slug}`;

/** A removal is final but not forever (an admin can restore a story): caches hold it for a minute. */
export const GONE_CACHE_CONTROL = 'public, max-age=60, s-maxage=60';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ARTICLE_PATH = /^\/news\/([^/]+)$/;
const PREVIEW_COOKIES = new Set(['__prerender_bypass', '__next_preview_data']);

/** The slug of an article URL (`/news/<slug>`), or undefined for any other path or a malformed slug (a plain 404). */
export function articleSlugOf(pathname: string): string | undefined {
  const slug = ARTICLE_PATH.exec(pathname)?.[1];
  return slug && SLUG.test(slug) ? slug : undefined;
}

/** Whether the request is an editor's draft preview, which shows the story as the editor's token allows. */
export function isDraftPreview(cookieHeader: string | null): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(';').some((pair) => PREVIEW_COOKIES.has(pair.split('=')[0]!.trim()));
}

export interface GoneCheckOptions {
  fetch?: typeof fetch;
  /** The lookup is on this server; past this the page answers as if the story were not killed (it is hidden anyway). */
  timeoutMs?: number;
  /** After a lookup fails, how long to skip asking: a struggling server or CMS is not also asked on every request. */
  backoffMs?: number;
  now?: () => number;
}

/**
 * `check(slug, origin)`: the tombstone when `origin`'s `/api/gone/<slug>` says the story was killed, else undefined —
 * also when the answer is unknown (an error, a timeout, a back-off), because a killed story is hidden from every
 * anonymous CMS read: the page then answers 404, never the story.
 */
export function createGoneCheck({ fetch: doFetch = (input, init) => fetch(input, init), timeoutMs = 1500, backoffMs = 5000, now = Date.now }: GoneCheckOptions = {}) {
  let quietUntil = 0;
  return async function check(slug: string, origin: string): Promise<GoneArticle | undefined> {
    if (now() < quietUntil) return undefined;
    try {
      const response = await doFetch(`${origin}${goneStatusPath(slug)}`, {
        headers: { accept: 'application/json' },
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.status === 404) return undefined;
      if (response.status !== 200) throw new Error(`status ${response.status}`);
      const body = (await response.json()) as { slug?: unknown; killedAt?: unknown };
      if (body?.slug !== slug) throw new Error('not a tombstone for this slug');
      return { slug, ...(typeof body.killedAt === 'string' ? { killedAt: body.killedAt } : {}) };
    } catch {
      quietUntil = now() + backoffMs;
      return undefined;
    }
  };
}

/**
 * The 410 answer for a killed story: the notice page, cached for a minute by CDNs and browsers, purged with the
 * story's own surrogate key (a restore revalidates it). HEAD gets the headers alone.
 */
export function goneResponse(gone: GoneArticle, { siteName, method = 'GET' }: { siteName: string; method?: string }): Response {
  return new Response(method === 'HEAD' ? null : renderGonePage({ siteName }), {
    status: 410,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': GONE_CACHE_CONTROL,
      'Surrogate-Key': `article:${gone.slug}`,
      'X-Robots-Tag': 'noindex',
    },
  });
}
