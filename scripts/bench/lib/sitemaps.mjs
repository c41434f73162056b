// The sitemaps' cost on the site: `/sitemap.xml` (the index), two month files — the busy month and a regular one —
// and `/news-sitemap.xml`, each asked twice: first on a freshly started site (nothing in Next's data cache: the time
// to generate it from the CMS) and again (its data cached: the time to render it). A query string no handler reads
// makes each request miss the front door's memory, so both are Next's own time.
import { timedGet } from '../../../apps/web/scripts/bench/lib/http.mjs';

let nonce = 0;
const fresh = (url) => `${url}${url.includes('?') ? '&' : '?'}bench=${Date.now()}-${nonce++}`;

/** Time, bytes and entries of one sitemap: `<sitemap>`s of an index, `<url>`s of a urlset. */
async function measure(web, path) {
  const cold = await timedGet(fresh(`${web}${path}`));
  if (cold.status !== 200) return { path, status: cold.status };
  const warm = await timedGet(fresh(`${web}${path}`));
  const text = cold.body.toString('utf8');
  const kind = text.includes('<sitemapindex') ? 'index' : 'urlset';
  const entries = text.split(kind === 'index' ? '<sitemap>' : '<url>').length - 1;
  return { path, coldMs: Math.round(cold.ms), warmMs: Math.round(warm.ms), bytes: cold.body.length, kind, entries };
}

/** `busyMonth`, `regularMonth`: `YYYY-MM`, the archive's full month and one of its ordinary ones. */
export async function sitemapCosts(web, { busyMonth, regularMonth }) {
  const index = await measure(web, '/sitemap.xml');
  const busy = await measure(web, `/sitemaps/articles-${busyMonth}.xml`);
  const regular = await measure(web, `/sitemaps/articles-${regularMonth}.xml`);
  const news = await measure(web, '/news-sitemap.xml');
  return { index, busy, regular, news };
}

/** The month `monthsBack` months before `now`, `YYYY-MM` (UTC) — as the archive worker places its stories. */
export function monthBefore(now, monthsBack) {
  const date = new Date(now);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - monthsBack, 1)).toISOString().slice(0, 7);
}
