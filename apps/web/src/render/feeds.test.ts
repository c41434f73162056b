import type { Article } from '@newsroom/schema';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

import { fromPayloadArticle } from '../model/from-payload-article';
import { corrections, seedArticle } from '../model/fixtures/payload-docs';
import { type NewsSitemapArticle, renderNewsSitemap, renderRobots, renderRss, renderSitemapIndex, renderUrlSet, sitePageUrls, xmlText } from './feeds';

const site = { url: 'https://news.example', name: 'Newsroom & Co' };
const now = new Date('2018-09-18T12:00:00Z');
const seed = fromPayloadArticle(seedArticle()).article;
const old: Article = { ...seed, slug: 'old-story', headline: 'Old', publishedAt: '2018-09-01T00:00:00.000Z' };
const hostile: Article = { ...seed, slug: 'hostile', headline: '<script>alert("x")</script> & ]]>', publishedAt: '2018-09-18T00:00:00.000Z' };
/** Every kind of character XML 1.0 forbids, between ordinary words. */
const FORBIDDEN = '\u0000\u0001\u0008\u000B\u000C\u000E\u001F\uFFFE\uFFFF\uDFFF\uD800';
const controlled: Article = {
  ...seed,
  slug: 'controlled',
  headline: `Tide${FORBIDDEN} tables`,
  section: { name: `Wor\u0007ld`, slug: 'world' },
  authors: [{ name: 'Ana\u0002 Ruiz', slug: 'ana-ruiz' }],
  publishedAt: '2018-09-18T06:00:00.000Z',
};
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'url', 'sitemap', 'dc:creator'].includes(name) });

/** True when every code point is one XML 1.0 allows (§2.2 Char). */
function onlyXmlChars(text: string): boolean {
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    const allowed = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    if (!allowed) return false;
  }
  return true;
}

const news = (article: Article): NewsSitemapArticle => ({ slug: article.slug, headline: article.headline, publishedAt: article.publishedAt! });

describe('xmlText', () => {
  it('drops C0 controls other than tab and newlines, U+FFFE/U+FFFF and lone surrogates', () => {
    expect(xmlText('a\u0000b\u0001c\u0008d\u000Be\u000Cf\u000Eg\u001Fh')).toBe('abcdefgh');
    expect(xmlText('x\uFFFEy\uFFFFz')).toBe('xyz');
    expect(xmlText('lone \uD800high, lone \uDC00low, reversed \uDC00\uD800pair')).toBe('lone high, lone low, reversed pair');
  });

  it('keeps tab, newlines, every other character and whole surrogate pairs', () => {
    const kept = 'tab\there\nline\r\nend — é ü 北京 \uE000 \uFFFD \u007F \u0085 \uD83D\uDCF0 (newspaper emoji)';
    expect(xmlText(kept)).toBe(kept);
    expect(xmlText('')).toBe('');
  });
});

describe('renderRss', () => {
  it('is well-formed RSS 2.0 with one item per article', () => {
    const rss = renderRss(site, [{ article: hostile }, { article: seed, summary: 'A sign of progress.' }], now);
    expect(XMLValidator.validate(rss)).toBe(true);
    const { rss: root } = parser.parse(rss);
    expect(root['@_version']).toBe('2.0');
    const channel = root.channel;
    expect(channel.title).toBe('Newsroom & Co');
    expect(channel.link).toBe('https://news.example/');
    expect(channel.description).toBe('The latest stories from Newsroom & Co');
    expect(channel.language).toBe('en');
    // The newest story's publication, not the time of the request.
    expect(channel.lastBuildDate).toBe('Tue, 18 Sep 2018 00:00:00 GMT');
    expect(channel['atom:link']).toMatchObject({ '@_href': 'https://news.example/feed.xml', '@_rel': 'self', '@_type': 'application/rss+xml' });
    expect(channel.item).toHaveLength(2);
    expect(channel.item[0].title).toBe('<script>alert("x")</script> & ]]>');
    expect(channel.item[1]).toMatchObject({
      title: 'Beijing: Inter-Korea liaison office a sign of progress',
      link: 'https://news.example/news/beijing-inter-korea-liaison-office-a-sign-of-progress',
      guid: { '#text': 'https://news.example/news/beijing-inter-korea-liaison-office-a-sign-of-progress', '@_isPermaLink': 'true' },
      pubDate: 'Mon, 17 Sep 2018 08:30:00 GMT',
      description: 'A sign of progress.',
      category: 'World',
    });
    expect(channel.item[1]['dc:creator'].map((creator: { '#text': string }) => creator['#text'])).toEqual(['Elizabeth Shim']);
    expect(channel.item[1]['dc:creator'][0]['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
  });

  it('escapes markup in headlines rather than leaving it raw in the file', () => {
    const rss = renderRss(site, [{ article: hostile, summary: '<img src=x onerror=alert(1)>' }], now);
    expect(rss).not.toMatch(/<script|<img/i);
    expect(parser.parse(rss).rss.channel.item[0].description).toBe('<img src=x onerror=alert(1)>');
  });

  it('names every author, and leaves out articles without a publication time', () => {
    const twoAuthors: Article = { ...seed, authors: [{ name: 'Ana Ruiz', slug: 'ana-ruiz' }, { name: 'Bo Li', slug: 'bo-li' }] };
    const unpublished: Article = { ...seed, slug: 'no-date', publishedAt: undefined };
    const items = parser.parse(renderRss(site, [{ article: twoAuthors }, { article: unpublished }], now)).rss.channel.item;
    expect(items).toHaveLength(1);
    expect(items[0]['dc:creator'].map((creator: { '#text': string }) => creator['#text'])).toEqual(['Ana Ruiz', 'Bo Li']);
  });

  it('stays valid XML with a story full of characters XML forbids', () => {
    const rss = renderRss(site, [{ article: controlled, summary: `Sum\u0003mary${FORBIDDEN}` }, { article: seed }], now);
    expect(onlyXmlChars(rss)).toBe(true);
    expect(XMLValidator.validate(rss)).toBe(true);
    const items = parser.parse(rss).rss.channel.item;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ title: 'Tide tables', description: 'Summary', category: 'World' });
    expect(items[0]['dc:creator'][0]['#text']).toBe('Ana Ruiz');
  });

  it('puts a corrected story’s latest note before its summary and says when it changed, keeping its pubDate', () => {
    const corrected = fromPayloadArticle(seedArticle({ corrections: corrections() })).article;
    const rss = renderRss(site, [{ article: corrected, summary: 'A sign of progress.' }], now);
    expect(XMLValidator.validate(rss)).toBe(true);
    expect(rss).not.toContain('<b>');
    const { rss: root } = parser.parse(rss);
    const item = root.channel.item[0];
    expect(item.description).toBe('Clarification (September 18, 2018): Talks are <b>planned</b> & "expected" to resume. — A sign of progress.');
    expect(item['atom:updated']).toBe('2018-09-18T10:30:00.000Z');
    expect(item.pubDate).toBe('Mon, 17 Sep 2018 08:30:00 GMT');
    // The element's prefix is the channel's own Atom namespace.
    expect(root['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
  });

  it('describes a corrected story without a summary by its note alone, and an unchanged one without atom:updated', () => {
    const noted: Article = { ...seed, updatedAt: undefined, corrections: [{ kind: 'update', text: 'Talks resume Monday.', at: '2018-09-17T20:00:00.000Z' }] };
    const unchanged: Article = { ...seed, slug: 'unchanged', updatedAt: seed.publishedAt };
    const [first, second] = parser.parse(renderRss(site, [{ article: noted }, { article: unchanged }], now)).rss.channel.item;
    expect(first.description).toBe('Update (September 17, 2018): Talks resume Monday.');
    expect(first['atom:updated']).toBe('2018-09-17T20:00:00.000Z');
    expect(second.description).toBeUndefined();
    expect(second['atom:updated']).toBeUndefined();
  });
});

describe('renderUrlSet', () => {
  it('lists each URL with its last change', async () => {
    const map = await renderUrlSet([{ loc: 'https://news.example/news/a', lastmod: '2018-09-17T08:30:00.000Z' }, { loc: 'https://news.example/news/b' }]);
    expect(XMLValidator.validate(map)).toBe(true);
    const { urlset } = parser.parse(map);
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset.url).toEqual([{ loc: 'https://news.example/news/a', lastmod: '2018-09-17T08:30:00.000Z' }, { loc: 'https://news.example/news/b' }]);
  });

  it('holds 50,000 URLs and refuses one more', async () => {
    const urls = Array.from({ length: 50_000 }, (_, i) => ({ loc: `https://news.example/news/story-${i}` }));
    const map = await renderUrlSet(urls);
    expect(parser.parse(map).urlset.url).toHaveLength(50_000);
    await expect(renderUrlSet([...urls, { loc: 'https://news.example/news/one-more' }])).rejects.toThrow(RangeError);
  });
});

describe('renderSitemapIndex', () => {
  it('lists the files with their last change', async () => {
    const index = await renderSitemapIndex([
      { loc: 'https://news.example/sitemaps/pages.xml' },
      { loc: 'https://news.example/sitemaps/articles-2018-08.xml', lastmod: '2018-08-31T10:00:00.000Z' },
      { loc: 'https://news.example/sitemaps/articles-2018-09.xml', lastmod: '2018-09-18T09:00:00.000Z' },
    ]);
    expect(XMLValidator.validate(index)).toBe(true);
    const { sitemapindex } = parser.parse(index);
    expect(sitemapindex['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(sitemapindex.sitemap).toEqual([
      { loc: 'https://news.example/sitemaps/pages.xml' },
      { loc: 'https://news.example/sitemaps/articles-2018-08.xml', lastmod: '2018-08-31T10:00:00.000Z' },
      { loc: 'https://news.example/sitemaps/articles-2018-09.xml', lastmod: '2018-09-18T09:00:00.000Z' },
    ]);
  });
});

describe('sitePageUrls', () => {
  it('lists the front page, the licensing page, sections and authors', () => {
    const urls = sitePageUrls(site, { sections: [{ slug: 'world' }], authors: [{ slug: 'elizabeth-shim' }], newestPublishedAt: '2018-09-17T08:30:00.000Z' });
    expect(urls).toEqual([
      { loc: 'https://news.example/', lastmod: '2018-09-17T08:30:00.000Z' },
      { loc: 'https://news.example/licensing' },
      { loc: 'https://news.example/section/world' },
      { loc: 'https://news.example/author/elizabeth-shim' },
    ]);
  });
});

describe('renderNewsSitemap', () => {
  it('keeps only the last two days, with Google News fields', async () => {
    const map = await renderNewsSitemap(site, [hostile, seed, old].map(news), now);
    expect(XMLValidator.validate(map)).toBe(true);
    const { urlset } = parser.parse(map);
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(urlset.url.map((u: { loc: string }) => u.loc)).toEqual([
      'https://news.example/news/hostile',
      'https://news.example/news/beijing-inter-korea-liaison-office-a-sign-of-progress',
    ]);
    expect(urlset.url[1]['news:news']).toEqual({
      'news:publication': { 'news:name': 'Newsroom & Co', 'news:language': 'en' },
      'news:publication_date': '2018-09-17T08:30:00.000Z',
      'news:title': 'Beijing: Inter-Korea liaison office a sign of progress',
    });
    expect(urlset.url[0]['news:news']['news:title']).toBe('<script>alert("x")</script> & ]]>');
  });

  it('leaves out articles scheduled for later', async () => {
    const future: Article = { ...seed, slug: 'future', publishedAt: '2018-09-19T00:00:00.000Z' };
    const map = await renderNewsSitemap(site, [news(future), news(seed)], now);
    expect(parser.parse(map).urlset.url.map((u: { loc: string }) => u.loc)).toEqual(['https://news.example/news/beijing-inter-korea-liaison-office-a-sign-of-progress']);
  });

  it('is an empty, valid urlset when nothing was published in two days', async () => {
    const map = await renderNewsSitemap(site, [news(old)], now);
    expect(XMLValidator.validate(map)).toBe(true);
    const { urlset } = parser.parse(map);
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(urlset.url).toBeUndefined();
  });

  it('lists at most 1,000 stories, the newest, of 1,200 published in the last two days', async () => {
    // One every two minutes, newest first: 1,200 stories over 40 hours, given oldest first.
    const stories = Array.from({ length: 1200 }, (_, i) => ({
      slug: `story-${i}`,
      headline: `Story ${i}`,
      publishedAt: new Date(now.getTime() - i * 120_000).toISOString(),
    })).reverse();
    const urls = parser.parse(await renderNewsSitemap(site, stories, now)).urlset.url;
    expect(urls).toHaveLength(1000);
    expect(urls[0].loc).toBe('https://news.example/news/story-0');
    expect(urls[999].loc).toBe('https://news.example/news/story-999');
  });

  it('stays valid XML with a story full of characters XML forbids', async () => {
    const map = await renderNewsSitemap({ ...site, name: `Newsroom\u0001 & Co` }, [news(controlled)], now);
    expect(onlyXmlChars(map)).toBe(true);
    expect(XMLValidator.validate(map)).toBe(true);
    const news_ = parser.parse(map).urlset.url[0]['news:news'];
    expect(news_['news:title']).toBe('Tide tables');
    expect(news_['news:publication']['news:name']).toBe('Newsroom & Co');
  });
});

describe('one story with forbidden characters', () => {
  it('leaves the feed, the News sitemap and a sitemap file valid XML', async () => {
    const files = {
      feed: renderRss(site, [{ article: controlled }], now),
      news: await renderNewsSitemap(site, [news(controlled)], now),
      month: await renderUrlSet([{ loc: `https://news.example/news/${controlled.slug}${FORBIDDEN}`, lastmod: controlled.publishedAt! }]),
    };
    for (const [name, xml] of Object.entries(files)) {
      expect(onlyXmlChars(xml), name).toBe(true);
      expect(XMLValidator.validate(xml), name).toBe(true);
    }
  });
});

describe('renderRobots', () => {
  it('points crawlers at the sitemap index and the News sitemap', () => {
    expect(renderRobots(site)).toContain('Sitemap: https://news.example/sitemap.xml');
    expect(renderRobots(site)).toContain('Sitemap: https://news.example/news-sitemap.xml');
  });
});
