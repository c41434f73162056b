import { TAG } from '../../../lib/cache-tags';
import { cachedLatest, cachedSitemapPages, sitemapSources } from '../../../lib/cached-data';
import { SHARED_CACHE, unavailable } from '../../../lib/http';
import { siteInfo } from '../../../lib/site-config';
import { articleFileRefs, isHotMonth, parseFileName } from '../../../lib/sitemaps';
import { renderUrlSet, sitePageUrls } from '../../../render/feeds';

/** A month that no longer gets new stories: its file changes only when an old story is edited or taken down. */
const SETTLED_CACHE = 'public, max-age=3600, s-maxage=86400, stale-while-revalidate=604800, stale-if-error=604800';

/**
 * `GET /sitemaps/pages.xml` — the front page, the licensing page, every section and author page.
 * `GET /sitemaps/articles-YYYY-MM.xml` (`-2.xml`, … past 50,000) — the live stories published that month (UTC), in
 * publication order. Listed by `/sitemap.xml`; any other name, or a month without such a file, is a 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = parseFileName((await params).file);
  const notFound = () => new Response('No such sitemap.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': SHARED_CACHE } });
  if (!file) return notFound();
  const site = siteInfo();
  try {
    if (file.kind === 'pages') {
      const [pages, latest] = await Promise.all([cachedSitemapPages(), cachedLatest()]);
      const newest = latest.find((item) => item.article.publishedAt)?.article.publishedAt;
      return xml(await renderUrlSet(sitePageUrls(site, { ...pages, ...(newest ? { newestPublishedAt: newest } : {}) })), SHARED_CACHE, [TAG.sections, TAG.authors, TAG.articles]);
    }
    const now = new Date();
    const refs = await articleFileRefs(sitemapSources(now), file.month, file.page, now);
    if (!refs) return notFound();
    const urls = refs.map((ref) => ({ loc: `${site.url}/news/${ref.slug}`, ...(ref.lastmod ? { lastmod: ref.lastmod } : {}) }));
    // A CDN purges this month's and last month's files with the stories; older ones follow their timer.
    const hot = isHotMonth(file.month, now);
    return xml(await renderUrlSet(urls), hot ? SHARED_CACHE : SETTLED_CACHE, hot ? [TAG.articles] : []);
  } catch (error) {
    return unavailable(error);
  }
}

function xml(body: string, cacheControl: string, surrogateKeys: string[]): Response {
  return new Response(body, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': cacheControl, ...(surrogateKeys.length ? { 'Surrogate-Key': surrogateKeys.join(' ') } : {}) },
  });
}
