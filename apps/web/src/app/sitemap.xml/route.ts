import { cachedSitemap } from '../../lib/cached-data';
import { SHARED_CACHE, unavailable } from '../../lib/http';
import { siteInfo } from '../../lib/site-config';
import { renderSitemap } from '../../render/feeds';

/** `GET /sitemap.xml` — the front page, sections, authors and every live article. */
export async function GET() {
  try {
    return new Response(renderSitemap(siteInfo(), await cachedSitemap()), {
      headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': SHARED_CACHE },
    });
  } catch (error) {
    return unavailable(error);
  }
}
