import { type NextRequest, NextResponse } from 'next/server';

import { articleSlugOf, createGoneCheck, goneResponse, isDraftPreview } from './lib/gone';
import { siteConfig } from './lib/site-config';

/**
 * Runs before every article page: a story the newsroom killed answers 410 Gone with a short notice, whatever the
 * page cache holds (an ISR page can only answer 200 or 404). The check asks this server itself, straight at Next's
 * port (`PORT` is Next's own, behind the front door too), never through a cache in front (lib/gone.ts).
 * Re-renders for a revalidation skip the proxy (Next's rule), so they always reach the page.
 */
const isGone = createGoneCheck();

export async function proxy(request: NextRequest) {
  const slug = articleSlugOf(request.nextUrl.pathname);
  if (!slug || isDraftPreview(request.headers.get('cookie'))) return NextResponse.next();
  const origin = process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : request.nextUrl.origin;
  const gone = await isGone(slug, origin);
  return gone ? goneResponse(gone, { siteName: siteConfig().siteName, method: request.method }) : NextResponse.next();
}

export const config = { matcher: '/news/:slug' };
