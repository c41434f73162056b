import { TAG } from '../../lib/cache-tags';
import { cachedLatest } from '../../lib/cached-data';
import { SHARED_CACHE, unavailable } from '../../lib/http';
import { siteInfo } from '../../lib/site-config';
import { renderRss } from '../../render/feeds';

/** `GET /feed.xml` — RSS 2.0 of the latest live articles. */
export async function GET() {
  try {
    const body = renderRss(siteInfo(), await cachedLatest());
    return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': SHARED_CACHE, 'Surrogate-Key': TAG.articles } });
  } catch (error) {
    return unavailable(error);
  }
}
