import { type Article, escapeHtml, formatByline, type Headline } from '@newsroom/schema';

import type { FeedSite } from './feeds';

/** Site paths made absolute, for JSON that third-party pages read (a relative URL would resolve against them). */
export function absolutize(siteUrl: string, href: string): string;
export function absolutize(siteUrl: string, href: string | undefined): string | undefined;
export function absolutize(siteUrl: string, href: string | undefined): string | undefined {
  return href === undefined || /^https?:\/\//i.test(href) ? href : `${siteUrl}${href.startsWith('/') ? '' : '/'}${href}`;
}

/** An article as `/api/widgets/articles/<slug>` serves it: the schema `Article`, with absolute URLs. */
export function widgetArticle(article: Article, siteUrl: string): Article {
  const photo = article.photo && {
    ...article.photo,
    ...(article.photo.src ? { src: absolutize(siteUrl, article.photo.src) } : {}),
    ...(article.photo.licenseUrl ? { licenseUrl: absolutize(siteUrl, article.photo.licenseUrl) } : {}),
  };
  return { ...article, url: `${siteUrl}/news/${article.slug}`, ...(photo ? { photo } : {}) };
}

export function widgetHeadlines(headlines: Headline[], siteUrl: string): Headline[] {
  return headlines.map((headline) => ({ ...headline, url: absolutize(siteUrl, headline.url) }));
}

/** The URL of the standalone embed module. */
export const embedScript = (siteUrl: string) => `${siteUrl}/embed/v1/news-widgets.js`;

function attributes(record: Record<string, string | undefined>): string {
  return Object.entries(record)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => ` ${name}="${escapeHtml(value!)}"`)
    .join('');
}

/**
 * The embed snippet for one article: the widget module and a `<news-article-card>`. Its light DOM holds a plain link,
 * so the story is still reachable where scripts do not run (the element shows its own rendering once defined).
 */
export function articleCardSnippet(article: Article, siteUrl: string): string {
  const href = `${siteUrl}/news/${article.slug}`;
  const attrs = attributes({
    headline: article.headline,
    href,
    dek: article.dek,
    'image-src': article.photo?.src ? absolutize(siteUrl, article.photo.src) : undefined,
    'image-alt': article.photo?.src ? (article.photo.alt ?? '') : undefined,
    byline: article.authors.length ? formatByline(article.authors.map((a) => a.name)) : undefined,
    'published-at': article.publishedAt,
    section: article.section?.name,
  });
  return `<script type="module" src="${escapeHtml(embedScript(siteUrl))}"></script><news-article-card${attrs}><a href="${escapeHtml(href)}">${escapeHtml(article.headline)}</a></news-article-card>`;
}

/** The embed snippet for a live "Latest Headlines" list. */
export function headlinesSnippet(siteUrl: string, { limit = 5, section }: { limit?: number; section?: string } = {}): string {
  const src = `${siteUrl}/api/widgets/headlines?limit=${limit}${section ? `&section=${encodeURIComponent(section)}` : ''}`;
  return `<script type="module" src="${escapeHtml(embedScript(siteUrl))}"></script><news-related-headlines src="${escapeHtml(src)}" limit="${limit}"></news-related-headlines>`;
}

export interface OEmbedRich {
  version: '1.0';
  type: 'rich';
  title: string;
  author_name?: string;
  author_url?: string;
  provider_name: string;
  provider_url: string;
  cache_age: number;
  html: string;
  width: number;
  height: number;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
  /** The thumbnail's rights (oEmbed has no fields of its own for them; consumers ignore what they do not know). */
  thumbnail_credit?: string;
  thumbnail_creator?: string;
  thumbnail_copyright?: string;
  thumbnail_usage_terms?: string;
  /** Where to license the photo. */
  thumbnail_license_url?: string;
}

function compactRights<T extends Record<string, string | undefined>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** oEmbed 1.0 `rich` response for an article: the card snippet, sized to fit `maxwidth`/`maxheight`. */
export function oembedFor(article: Article, site: FeedSite, { maxwidth, maxheight }: { maxwidth?: number; maxheight?: number } = {}): OEmbedRich {
  const width = Math.max(200, Math.min(600, maxwidth ?? 600));
  const height = Math.max(120, Math.min(200, maxheight ?? 200));
  const author = article.authors[0];
  return {
    version: '1.0',
    type: 'rich',
    title: article.headline,
    ...(author ? { author_name: article.authors.map((a) => a.name).join(', '), author_url: `${site.url}/author/${author.slug}` } : {}),
    provider_name: site.name,
    provider_url: `${site.url}/`,
    cache_age: 300,
    html: articleCardSnippet(article, site.url),
    width,
    height,
    ...(article.photo?.src && article.photo.width && article.photo.height
      ? {
          thumbnail_url: absolutize(site.url, article.photo.src),
          thumbnail_width: article.photo.width,
          thumbnail_height: article.photo.height,
          ...compactRights({
            thumbnail_credit: article.photo.credit,
            thumbnail_creator: article.photo.creator,
            thumbnail_copyright: article.photo.copyright,
            thumbnail_usage_terms: article.photo.usageTerms,
            thumbnail_license_url: article.photo.licenseUrl ? absolutize(site.url, article.photo.licenseUrl) : undefined,
          }),
        }
      : {}),
  };
}

/** The article slug an oEmbed `url` names on this site, or undefined (another site, another kind of page). */
export function slugFromArticleUrl(url: string | null, siteUrl: string): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url, siteUrl);
  } catch {
    return undefined;
  }
  const site = new URL(siteUrl);
  if (parsed.host !== site.host || !/^https?:$/.test(parsed.protocol)) return undefined;
  return /^\/news\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/.exec(parsed.pathname)?.[1];
}
