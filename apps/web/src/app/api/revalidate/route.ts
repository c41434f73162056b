import { revalidateTag } from 'next/cache';
import type { NextRequest } from 'next/server';

import { readRequestText } from '../../../lib/bounded-body';
import { pagesForTags, parseRevalidateBody, REVALIDATE_BODY_LIMIT } from '../../../lib/cache-tags';
import { cms } from '../../../lib/cms';
import { purgeEdge } from '../../../lib/edge-purge';
import { json } from '../../../lib/http';
import { presentedSecret, secretMatches } from '@newsroom/schema/server';
import { siteConfig } from '../../../lib/site-config';
import { noteRevalidated } from '../../../lib/tag-clock';

/**
 * `POST /api/revalidate` with the shared secret (`x-revalidate-secret`) and `{"tags": [...]}` — called by the CMS
 * after every reader-visible change (docs/adr/0011). Expires the tagged data at once, then has the pages that show
 * it re-rendered before answering, so the change is live when this returns. The body is read only after the secret
 * checks out, and only up to {@link REVALIDATE_BODY_LIMIT} (413 beyond it).
 */
export async function POST(request: NextRequest) {
  const config = siteConfig();
  if (!config.revalidateSecret) return json({ error: 'revalidation is not configured (REVALIDATE_SECRET)' }, { status: 503 });
  if (!secretMatches(presentedSecret(request.headers), config.revalidateSecret)) return json({ error: 'wrong or missing secret' }, { status: 401 });
  const body = await readRequestText(request, REVALIDATE_BODY_LIMIT);
  if (!body.ok) return json({ error: body.error }, { status: body.status });
  const parsed = parseRevalidateBody(parseJson(body.text));
  if ('error' in parsed) return json({ error: parsed.error }, { status: 400 });

  const started = performance.now();
  cms().clearMemo();
  // Before expiring: a read already under way when this arrives is asked again rather than stored as fresh.
  noteRevalidated(parsed.tags);
  for (const tag of parsed.tags) revalidateTag(tag, { expire: 0 });

  // Pages are Pages Router ISR pages: only a Pages API route can re-render them (res.revalidate), so ask ours.
  const plan = pagesForTags(parsed.tags);
  const origin = process.env.WEB_INTERNAL_URL ?? (process.env.PORT ? config.internalUrl : request.nextUrl.origin);
  let pages: unknown;
  try {
    const response = await fetch(`${origin}/api/regenerate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-revalidate-secret': config.revalidateSecret },
      body: JSON.stringify(plan),
      cache: 'no-store',
      signal: AbortSignal.timeout(20_000),
    });
    pages = await response.json();
    if (!response.ok) return json({ tags: parsed.tags, pages, error: 'pages could not be regenerated' }, { status: 502 });
  } catch (error) {
    return json({ tags: parsed.tags, error: `pages could not be regenerated: ${(error as Error).message}` }, { status: 502 });
  }
  // Behind Varnish or a CDN (EDGE_PURGE_URL), the re-rendered pages' surrogate keys are dropped there too.
  const edge = await purgeEdge(parsed.tags);
  if (edge.error) return json({ tags: parsed.tags, pages, error: `the edge could not be purged: ${edge.error}` }, { status: 502 });
  return json({ revalidated: true, tags: parsed.tags, pages, edgePurged: edge.purged, ms: Math.round(performance.now() - started) });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
