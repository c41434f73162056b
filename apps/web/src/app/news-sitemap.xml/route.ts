import { cachedLatest } from '../../lib/cached-data';
import { SHARED_CACHE, unavailable } from '../../lib/http';
import { siteInfo } from '../../lib/site-config';
import { renderNewsSitemap } from '../../render/feeds';

/** `GET /news-sitemap.xml` — Google News sitemap: articles published in the last two days. */
export async function GET() {
  try {
    const articles = (await cachedLatest()).map((item) => item.article);
    return new Response(renderNewsSitemap(siteInfo(), articles), {
      headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': SHARED_CACHE },
    });
  } catch (error) {
    return unavailable(error);
  }
}
