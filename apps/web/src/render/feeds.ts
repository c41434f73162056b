import { type Article, escapeHtml, type Section } from '@newsroom/schema';

/** An article as feeds list it. */
export interface FeedArticle {
  article: Article;
  /** Description for readers of the feed: the dek, else the SEO description. */
  summary?: string;
}

export interface FeedSite {
  url: string;
  name: string;
}

const xml = escapeHtml;

/** RFC 822 date, as RSS 2.0 wants: "Mon, 17 Sep 2018 08:30:00 GMT". */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

/** RSS 2.0 of the latest live articles, newest first. */
export function renderRss(site: FeedSite, items: FeedArticle[], now: Date = new Date()): string {
  const lastBuild = items.find((item) => item.article.publishedAt)?.article.publishedAt ?? now.toISOString();
  const entries = items
    .filter((item) => item.article.publishedAt)
    .map(({ article, summary }) => {
      const link = `${site.url}/news/${article.slug}`;
      return [
        '<item>',
        `<title>${xml(article.headline)}</title>`,
        `<link>${xml(link)}</link>`,
        `<guid isPermaLink="true">${xml(link)}</guid>`,
        `<pubDate>${rfc822(article.publishedAt!)}</pubDate>`,
        summary ? `<description>${xml(summary)}</description>` : '',
        ...article.authors.map((author) => `<dc:creator>${xml(author.name)}</dc:creator>`),
        article.section ? `<category>${xml(article.section.name)}</category>` : '',
        '</item>',
      ].join('');
    });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>' +
    `<title>${xml(site.name)}</title>` +
    `<link>${xml(site.url)}/</link>` +
    `<description>${xml(`The latest stories from ${site.name}`)}</description>` +
    '<language>en</language>' +
    `<lastBuildDate>${rfc822(lastBuild)}</lastBuildDate>` +
    `<atom:link href="${xml(site.url)}/feed.xml" rel="self" type="application/rss+xml"/>` +
    entries.join('') +
    '</channel></rss>\n'
  );
}

export interface SitemapInput {
  articles: Pick<Article, 'slug' | 'publishedAt' | 'updatedAt'>[];
  sections: Section[];
  authors: { slug: string }[];
}

/** The sitemap: the front page, every section and author page and every live article. */
export function renderSitemap(site: FeedSite, { articles, sections, authors }: SitemapInput): string {
  const url = (loc: string, lastmod?: string) => `<url><loc>${xml(loc)}</loc>${lastmod ? `<lastmod>${xml(lastmod)}</lastmod>` : ''}</url>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
    url(`${site.url}/`, articles[0]?.publishedAt) +
    sections.map((section) => url(`${site.url}/section/${section.slug}`)).join('') +
    authors.map((author) => url(`${site.url}/author/${author.slug}`)).join('') +
    articles.map((article) => url(`${site.url}/news/${article.slug}`, article.updatedAt ?? article.publishedAt)).join('') +
    '</urlset>\n'
  );
}

/** Google News: only articles published in the last two days, at most 1,000. */
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

export function renderNewsSitemap(site: FeedSite, articles: Article[], now: Date = new Date()): string {
  const since = now.getTime() - NEWS_SITEMAP_WINDOW_MS;
  const recent = articles
    .filter((article) => article.publishedAt && Date.parse(article.publishedAt) >= since && Date.parse(article.publishedAt) <= now.getTime())
    .slice(0, 1000);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' +
    recent
      .map(
        (article) =>
          `<url><loc>${xml(`${site.url}/news/${article.slug}`)}</loc><news:news>` +
          `<news:publication><news:name>${xml(site.name)}</news:name><news:language>en</news:language></news:publication>` +
          `<news:publication_date>${xml(article.publishedAt!)}</news:publication_date>` +
          `<news:title>${xml(article.headline)}</news:title></news:news></url>`,
      )
      .join('') +
    '</urlset>\n'
  );
}

/** robots.txt: everything readers see may be crawled; the APIs, ad frames and the front page's real path may not. */
export function renderRobots(site: FeedSite): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /api/',
    'Disallow: /ads/',
    'Disallow: /front/',
    '',
    `Sitemap: ${site.url}/sitemap.xml`,
    `Sitemap: ${site.url}/news-sitemap.xml`,
    '',
  ].join('\n');
}
