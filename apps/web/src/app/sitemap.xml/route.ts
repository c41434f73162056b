import { TAG } from '../../lib/cache-tags';
import { sitemapSources } from '../../lib/cached-data';
import { SHARED_CACHE, unavailable } from '../../lib/http';
import { siteInfo } from '../../lib/site-config';
import { articleFiles, fileName, PAGES_FILE } from '../../lib/sitemaps';
import { renderSitemapIndex } from '../../render/feeds';

/**
 * `GET /sitemap.xml` — the sitemap index: `/sitemaps/pages.xml` (front, sections, authors) and one file per month
 * that has live stories (`/sitemaps/articles-YYYY-MM.xml`, `-2.xml`… past 50,000), each with its latest edit.
 */
export async function GET() {
  try {
    const site = siteInfo();
    const now = new Date();
    const files = await articleFiles(sitemapSources(now), now);
    const body = await renderSitemapIndex([
      { loc: `${site.url}/sitemaps/${PAGES_FILE}` },
      ...files.map(({ file, lastmod }) => ({ loc: `${site.url}/sitemaps/${fileName(file)}`, ...(lastmod ? { lastmod } : {}) })),
    ]);
    return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': SHARED_CACHE, 'Surrogate-Key': [TAG.articles, TAG.sections, TAG.authors].join(' ') } });
  } catch (error) {
    return unavailable(error);
  }
}
