import { CmsUnavailableError } from './cms-client';

/** For CDNs and browsers: fresh for a minute, then served stale for ten while it is refreshed. */
export const SHARED_CACHE = 'public, max-age=60, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400';

export const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS' };

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(`${JSON.stringify(body)}\n`, {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...init.headers },
  });
}

/**
 * What a route answers when the CMS is down and nothing is cached: 503 with a retry hint. Any other error is a bug
 * and is rethrown.
 */
export function unavailable(error: unknown, headers: Record<string, string> = {}): Response {
  if (!(error instanceof CmsUnavailableError) && (error as Error)?.name !== 'CmsUnavailableError') throw error;
  return json({ error: 'The newsroom is temporarily unavailable. Try again shortly.' }, { status: 503, headers: { 'Retry-After': '30', 'Cache-Control': 'no-store', ...headers } });
}
