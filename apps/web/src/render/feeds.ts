import { Readable } from 'node:stream';

import { type Article, articleDateModified, CORRECTION_LABELS, latestCorrection, type Section } from '@newsroom/schema';
import { Feed } from 'feed';
import { type IndexItem, type SitemapItemLoose, SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';

/**
 * RSS, sitemaps and robots.txt. The XML is written by `feed` and `sitemap`; every text value passes through
 * {@link xmlText} first, so one story with a character XML forbids cannot make a whole feed unreadable.
 */

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

/** One URL of a sitemap. */
export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  lastmod?: string;
}

/** One file listed by the sitemap index. */
export interface SitemapFileEntry {
  loc: string;
  lastmod?: string;
}

/** A story as the Google News sitemap lists it. */
export interface NewsSitemapArticle {
  slug: string;
  headline: string;
  publishedAt: string;
  /** When it last changed (an edit, a correction): the URL's `<lastmod>`. Google News has no field of its own for it. */
  lastmod?: string;
}

/** What sitemaps.org allows in one sitemap file (and one index). */
export const MAX_URLS_PER_SITEMAP = 50_000;
/** Google News: stories published in the last two days, at most 1,000. */
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_SITEMAP_MAX = 1000;

// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. With the `u` flag a lone
// surrogate is a code point of its own (D800–DFFF), outside every allowed range; a valid pair is one astral code point.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters XML 1.0 forbids (C0 controls but tab and newlines, U+FFFE/U+FFFF, lone surrogates). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** RFC 822 date, as RSS 2.0 wants: "Mon, 17 Sep 2018 08:30:00 GMT". */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

const DC = 'http://purl.org/dc/elements/1.1/';

const noteDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * What a feed item says of a story: its latest correction, update or clarification first ("Correction (September 18,
 * 2018): …"), so subscribers who saw the story before learn what changed, then the summary.
 */
export function feedDescription(article: Article, summary: string | undefined): string | undefined {
  const note = latestCorrection(article.corrections);
  const noteText = note && `${CORRECTION_LABELS[note.kind]} (${noteDate.format(new Date(note.at))}): ${note.text}`;
  return [noteText, summary].filter(Boolean).join(' — ') || undefined;
}

/**
 * RSS 2.0 of the latest live articles, newest first. A story changed since publication (an edit, a correction) says
 * when in `<atom:updated>`; its `<pubDate>` stays the publication.
 */
export function renderRss(site: FeedSite, items: FeedArticle[], now: Date = new Date()): string {
  const live = items.filter((item) => item.article.publishedAt);
  const newest = live[0]?.article.publishedAt;
  const name = xmlText(site.name);
  const feed = new Feed({
    title: name,
    id: `${site.url}/`,
    link: `${site.url}/`,
    description: `The latest stories from ${name}`,
    language: 'en',
    updated: newest ? new Date(newest) : now,
    feedLinks: { rss: `${site.url}/feed.xml` },
    generator: false,
  });
  for (const { article, summary } of live) {
    const link = `${site.url}/news/${article.slug}`;
    const title = xmlText(article.headline);
    const text = feedDescription(article, summary);
    const description = text ? xmlText(text) : undefined;
    const modified = articleDateModified(article);
    const updated = modified && Date.parse(modified) > Date.parse(article.publishedAt!) ? new Date(modified).toISOString() : undefined;
    feed.addItem({
      title,
      // No `id`/`guid`: the library then writes the link as a permalink guid.
      link,
      date: new Date(article.publishedAt!),
      ...(article.section ? { category: [{ name: xmlText(article.section.name) }] } : {}),
      extensions: [
        // The library wraps titles and descriptions in CDATA, which leaves markup in a headline as raw `<…>` in the
        // file; an extension of the same name replaces the element with escaped text, which every reader decodes.
        { name: 'title', objects: { _text: title } },
        ...(description ? [{ name: 'description', objects: { _text: description } }] : []),
        // The channel declares the Atom namespace (its atom:link rel="self"); RSS itself has no element for a change.
        ...(updated ? [{ name: 'atom:updated', objects: { _text: updated } }] : []),
        // Dublin Core's creator, not RSS's <author> (which must be an e-mail address). The library declares the dc
        // namespace only for full-text feeds, so each element declares it itself; xml-js, which writes the XML,
        // repeats an element given an array.
        ...(article.authors.length
          ? [{ name: 'dc:creator', objects: article.authors.map((author) => ({ _attributes: { 'xmlns:dc': DC }, _text: xmlText(author.name) })) as unknown as Record<string, unknown> }]
          : []),
      ],
    });
  }
  return `${feed.rss2()}\n`;
}

/** A sitemap (`<urlset>`) of at most 50,000 URLs. */
export async function renderUrlSet(urls: readonly SitemapUrl[]): Promise<string> {
  if (urls.length > MAX_URLS_PER_SITEMAP) throw new RangeError(`a sitemap holds at most ${MAX_URLS_PER_SITEMAP} URLs, not ${urls.length}`);
  return streamXml(
    new SitemapStream({ xmlns: NO_EXTENSIONS }),
    urls.map((url) => compactItem({ url: xmlText(url.loc), lastmod: url.lastmod })),
  );
}

/** The sitemap index: one entry per sitemap file. */
export async function renderSitemapIndex(files: readonly SitemapFileEntry[]): Promise<string> {
  if (files.length > MAX_URLS_PER_SITEMAP) throw new RangeError(`a sitemap index lists at most ${MAX_URLS_PER_SITEMAP} files, not ${files.length}`);
  return streamXml(
    new SitemapIndexStream(),
    files.map((file): IndexItem => (file.lastmod ? { url: xmlText(file.loc), lastmod: file.lastmod } : { url: xmlText(file.loc) })),
  );
}

/** Google News: stories published in the last two days (none scheduled for later), newest first, at most 1,000. */
export async function renderNewsSitemap(site: FeedSite, articles: readonly NewsSitemapArticle[], now: Date = new Date()): Promise<string> {
  const since = now.getTime() - NEWS_SITEMAP_WINDOW_MS;
  const recent = articles
    .filter((article) => {
      const published = Date.parse(article.publishedAt);
      return published >= since && published <= now.getTime();
    })
    .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))
    .slice(0, NEWS_SITEMAP_MAX);
  const name = xmlText(site.name);
  return streamXml(
    new SitemapStream({ xmlns: NEWS }),
    recent.map(
      (article): SitemapItemLoose => ({
        url: xmlText(`${site.url}/news/${article.slug}`),
        ...(article.lastmod ? { lastmod: article.lastmod } : {}),
        news: {
          publication: { name, language: 'en' },
          publication_date: article.publishedAt,
          title: xmlText(article.headline),
        },
      }),
    ),
  );
}

export interface SitePagesInput {
  sections: Pick<Section, 'slug'>[];
  authors: { slug: string }[];
  /** When the newest story was published: the front page's last change. */
  newestPublishedAt?: string;
}

/** The sitemap entries that are not articles: the front page, the licensing page, every section and author page. */
export function sitePageUrls(site: FeedSite, { sections, authors, newestPublishedAt }: SitePagesInput): SitemapUrl[] {
  return [
    { loc: `${site.url}/`, ...(newestPublishedAt ? { lastmod: newestPublishedAt } : {}) },
    { loc: `${site.url}/licensing` },
    ...sections.map((section) => ({ loc: `${site.url}/section/${section.slug}` })),
    ...authors.map((author) => ({ loc: `${site.url}/author/${author.slug}` })),
  ].slice(0, MAX_URLS_PER_SITEMAP);
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

const NO_EXTENSIONS = { news: false, video: false, image: false, xhtml: false };
const NEWS = { ...NO_EXTENSIONS, news: true };

async function streamXml(stream: SitemapStream | SitemapIndexStream, items: readonly (SitemapItemLoose | IndexItem)[]): Promise<string> {
  if (items.length === 0 && stream instanceof SitemapStream) return emptyUrlSet(stream.xmlNS.news);
  // Readable.from respects back-pressure: 50,000 entries never sit in the stream's buffer at once.
  const source = Readable.from(items, { objectMode: true });
  return `${(await streamToPromise(source.pipe(stream))).toString('utf8')}\n`;
}

/**
 * `sitemap` refuses to write a urlset without URLs, but a quiet two days leave the News sitemap with none, and
 * crawlers should then read "nothing new", not an error.
 */
function emptyUrlSet(news: boolean): string {
  const namespaces = `xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${news ? ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' : ''}`;
  return `<?xml version="1.0" encoding="UTF-8"?><urlset ${namespaces}></urlset>\n`;
}

function compactItem(item: { url: string; lastmod?: string | undefined }): SitemapItemLoose {
  return item.lastmod ? { url: item.url, lastmod: item.lastmod } : { url: item.url };
}
