import { TAG } from '../../lib/cache-tags';
import { cachedNewsArticles } from '../../lib/cached-data';
import { SHARED_CACHE, unavailable } from '../../lib/http';
import { siteInfo } from '../../lib/site-config';
import { renderNewsSitemap } from '../../render/feeds';

/** `GET /news-sitemap.xml` — Google News sitemap: every story published in the last two days, up to 1,000. */
export async function GET() {
  try {
    return new Response(await renderNewsSitemap(siteInfo(), await cachedNewsArticles()), {
      headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': SHARED_CACHE, 'Surrogate-Key': TAG.articles },
    });
  } catch (error) {
    return unavailable(error);
  }
}
