import { siteInfo } from '../../lib/site-config';
import { renderRobots } from '../../render/feeds';

/** `GET /robots.txt` — names the sitemaps under the site's public URL (`SITE_URL`), read at request time. */
export function GET() {
  return new Response(renderRobots(siteInfo()), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
}

export const dynamic = 'force-dynamic';
