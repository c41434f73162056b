/** The publishing site, as serializers need it. */
export interface SiteInfo {
  /** Origin and base path of the reader site, e.g. "https://news.example.com" (a trailing "/" is ignored). */
  url: string;
  /** Publisher name, e.g. "Newsroom Daily". */
  name: string;
  /** Publisher logo, absolute or a site path. */
  logoUrl?: string;
}

/** The site URL without trailing slashes, so paths can be appended with "/". */
export function siteBase(site: Pick<SiteInfo, 'url'>): string {
  return site.url.replace(/\/+$/, '');
}

/** Resolves an absolute URL or a site path ("/media/a.jpg") against the site. */
export function absoluteUrl(site: Pick<SiteInfo, 'url'>, href: string): string {
  if (/^https?:\/\//i.test(href)) return href;
  return `${siteBase(site)}${href.startsWith('/') ? '' : '/'}${href}`;
}

/** Canonical URL of an article: the stored one, else `<site>/news/<slug>`. */
export function articleUrl(site: Pick<SiteInfo, 'url'>, article: { slug: string; url?: string | undefined }): string {
  return article.url ? absoluteUrl(site, article.url) : `${siteBase(site)}/news/${article.slug}`;
}

/** A calendar date ("2018-09-17") widened to a timestamp at UTC midnight; timestamps pass through. */
export function toDateTime(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
}
