// Listings page by page and the feeds at scale, against a real CMS: a section (and its author) with 61 stories reads
// as three pages (`?page=N`) with rel prev/next, a canonical per page and a Pagination nav; pages past the end and
// page numbers that are not positive integers are real 404s; the Google News sitemap lists today's stories; every file
// the sitemap index names resolves and lists the stories; the widget JSON's `?section=` asks the CMS for that
// section; and a story with characters XML forbids leaves the feed and the sitemaps valid XML.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { type ArticleDoc, CmsApi, fetchText, labelled, lexicalBody, type Newsroom, startNewsroom, timeUntil } from '../support/newsroom';

/** 30 stories a section page: 61 make pages of 30, 30 and 1. */
const STORIES = 61;
const headline = (n: number) => `Tide report ${String(n).padStart(2, '0')}`;
/** C0 controls, U+FFFE and U+FFFF: characters XML 1.0 does not allow anywhere. */
const CONTROLLED = 'Moon\u0001 tables\u0008 turn\u000B as\u000C the\u001F neap\uFFFE tide\uFFFF ebbs';
const CONTROLLED_CLEAN = 'Moon tables turn as the neap tide ebbs';

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'item'].includes(name) });
const cardHeadlines = (page: Page) => page.locator('news-article-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('headline')));

/** True when every code point is one XML 1.0 allows (§2.2 Char). */
function onlyXmlChars(text: string): boolean {
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (!(cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000)) return false;
  }
  return true;
}

test.describe.serial('pagination, sitemaps and feeds', () => {
  let newsroom: Newsroom;
  let api: CmsApi;
  const stories: ArticleDoc[] = [];
  let controlled: ArticleDoc;
  let authorSlug: string;
  const web = () => newsroom.webBase;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    newsroom = await startNewsroom();
    api = await CmsApi.as(newsroom.cmsBase);
    const section = await api.request<{ doc: { id: number; slug: string } }>('POST', '/api/sections', { name: 'Tides' });
    expect(section.doc.slug).toBe('tides');
    const author = await api.request<{ doc: { id: number; slug: string } }>('POST', '/api/authors', { name: 'Pat Pager' });
    authorSlug = author.doc.slug;
    // One at a time, so each is published after the one before: newest first is 61 … 1.
    for (let n = 1; n <= STORIES; n++) {
      stories.push(
        await api.createArticle({ headline: headline(n), body: lexicalBody([`Report ${n}.`, 'More.']), section: section.doc.id, authors: [author.doc.id] }),
      );
    }
    controlled = await api.createArticle({ headline: CONTROLLED, dek: `A dek\u0002 with\u0007 controls`, body: lexicalBody(['The tide ebbs.', 'More.']) });
  });
  test.afterAll(async () => newsroom?.stop());

  test('a section reads page by page: ?page=2 links both ways, with its own canonical URL', async ({ page }) => {
    expect((await page.goto(`${web()}/section/tides`))?.status()).toBe(200);
    expect(await cardHeadlines(page)).toEqual(Array.from({ length: 30 }, (_, i) => headline(STORIES - i)));
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${web()}/section/tides`);
    await expect(page.locator('link[rel="prev"]')).toHaveCount(0);
    await expect(page.locator('link[rel="next"]')).toHaveAttribute('href', `${web()}/section/tides?page=2`);

    const response = await page.goto(`${web()}/section/tides?page=2`);
    expect(response?.status()).toBe(200);
    expect(await cardHeadlines(page)).toEqual(Array.from({ length: 30 }, (_, i) => headline(STORIES - 30 - i)));
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${web()}/section/tides?page=2`);
    await expect(page.locator('link[rel="prev"]')).toHaveAttribute('href', `${web()}/section/tides`);
    await expect(page.locator('link[rel="next"]')).toHaveAttribute('href', `${web()}/section/tides?page=3`);
    await expect(page).toHaveTitle(/Tides – page 2/);
    const nav = page.getByRole('navigation', { name: 'Pagination' });
    await expect(nav.getByRole('link', { name: 'Previous page' })).toHaveAttribute('href', '/section/tides');
    await expect(nav.getByRole('link', { name: 'Next page' })).toHaveAttribute('href', '/section/tides?page=3');
    await expect(nav).toContainText('Page 2 of 3');

    // Following the nav, as a reader does, to the last page: the oldest story, and no way further.
    await nav.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(`${web()}/section/tides?page=3`);
    expect(await cardHeadlines(page)).toEqual([headline(1)]);
    await expect(page.locator('link[rel="next"]')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Next page' })).toHaveCount(0);
  });

  test('later pages load no framework JavaScript and pass axe', async ({ page }) => {
    const html = (await fetchText(`${web()}/section/tides?page=2`)).text;
    expect(html).not.toContain('/_next/');
    expect(html).not.toContain('__NEXT_DATA__');
    await page.goto(`${web()}/section/tides?page=2`, { waitUntil: 'networkidle' });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('past the last page, and page numbers that are not positive integers, are real 404s; ?page=1 is the bare URL', async ({ page }) => {
    for (const query of ['4', '0', '-1', '1.5', '02', 'abc', '99999999']) {
      const path = `/section/tides?page=${query}`;
      const response = await page.goto(`${web()}${path}`);
      expect(response?.status(), path).toBe(404);
      await expect(page.locator('h1'), path).toHaveText('Page not found');
    }
    for (const path of ['/?page=99', `/author/${authorSlug}?page=4`, '/author/mara-lindqvist?page=2', '/section/no-such-section?page=2']) {
      expect((await fetchText(`${web()}${path}`)).status, path).toBe(404);
    }
    const first = await fetchText(`${web()}/section/tides?page=1`);
    expect(first.status).toBe(308);
    expect(new URL(first.headers.get('location')!, web()).href).toBe(`${web()}/section/tides`);
  });

  test('the author and the front page paginate the same way', async ({ page }) => {
    expect((await page.goto(`${web()}/author/${authorSlug}?page=2`))?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveText('Pat Pager');
    expect(await cardHeadlines(page)).toHaveLength(30);
    await expect(page.locator('link[rel="prev"]')).toHaveAttribute('href', `${web()}/author/${authorSlug}`);
    await expect(page.locator('link[rel="next"]')).toHaveAttribute('href', `${web()}/author/${authorSlug}?page=3`);

    // The front page lists 24 latest a page; 61 stories and the demo content make at least three.
    expect((await page.goto(`${web()}/`))?.status()).toBe(200);
    await expect(page.locator('link[rel="next"]')).toHaveAttribute('href', `${web()}/?page=2`);
    expect((await page.goto(`${web()}/?page=2`))?.status()).toBe(200);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${web()}/?page=2`);
    await expect(page.locator('link[rel="prev"]')).toHaveAttribute('href', `${web()}/`);
    await expect(page.getByRole('region', { name: 'Top stories' })).toHaveCount(0);
    const secondPage = await cardHeadlines(page);
    expect(secondPage).toHaveLength(24);
    // Newest first: the 24 after the 24 newest (the controlled story, then Tide report 61 … 39).
    expect(secondPage[0]).toBe(headline(STORIES - 23));
  });

  test('the Google News sitemap lists every story published today, with its publication and title', async () => {
    const { status, text } = await fetchText(`${web()}/news-sitemap.xml`);
    expect(status).toBe(200);
    expect(XMLValidator.validate(text)).toBe(true);
    const { urlset } = parser.parse(text);
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const entries = urlset.url as { loc: string; 'news:news': { 'news:publication': { 'news:name': string; 'news:language': string }; 'news:publication_date': string; 'news:title': string } }[];
    expect(entries.length).toBeLessThanOrEqual(1000);
    const byLoc = new Map(entries.map((entry) => [entry.loc, entry['news:news']]));
    for (const [index, story] of stories.entries()) {
      const news = byLoc.get(`${web()}/news/${story.slug}`);
      expect(news, story.slug).toBeDefined();
      expect(news!['news:title']).toBe(headline(index + 1));
      expect(news!['news:publication']).toEqual({ 'news:name': 'Newsroom Daily', 'news:language': 'en' });
      expect(Date.now() - Date.parse(news!['news:publication_date'])).toBeLessThan(86_400_000);
    }
  });

  test('every file the sitemap index names resolves, and together they list every page and story', async () => {
    const index = await fetchText(`${web()}/sitemap.xml`);
    expect(index.status).toBe(200);
    expect(XMLValidator.validate(index.text)).toBe(true);
    const files = (parser.parse(index.text).sitemapindex.sitemap as { loc: string; lastmod?: string }[]).map((file) => file.loc);
    const month = new Date().toISOString().slice(0, 7);
    expect(files).toContain(`${web()}/sitemaps/pages.xml`);
    expect(files).toContain(`${web()}/sitemaps/articles-${month}.xml`);
    const locs: string[] = [];
    for (const file of files) {
      expect(file.startsWith(`${web()}/sitemaps/`), file).toBe(true);
      const { status, text } = await fetchText(file);
      expect(status, file).toBe(200);
      expect(XMLValidator.validate(text), file).toBe(true);
      const urls = parser.parse(text).urlset.url as { loc: string }[];
      expect(urls.length, file).toBeLessThanOrEqual(50_000);
      locs.push(...urls.map((url) => url.loc));
    }
    for (const path of ['/', '/section/tides', `/author/${authorSlug}`, ...stories.map((story) => `/news/${story.slug}`)]) {
      expect(locs, path).toContain(`${web()}${path}`);
    }
    expect(new Set(locs).size).toBe(locs.length);
    expect((await fetchText(`${web()}/sitemaps/articles-1999-01.xml`)).status).toBe(404);
    expect((await fetchText(`${web()}/sitemaps/articles-${month}-2.xml`)).status).toBe(404);
  });

  test('the widget JSON’s ?section= lists that section’s stories from the CMS, beyond the site’s latest few', async () => {
    const response = await fetch(`${web()}/api/widgets/headlines?section=tides&limit=50`);
    expect(response.status).toBe(200);
    const { headlines } = (await response.json()) as { headlines: { title: string; url: string }[] };
    expect(headlines.map((h) => h.title)).toEqual(Array.from({ length: 50 }, (_, i) => headline(STORIES - i)));
    expect(headlines.map((h) => h.title)).not.toContain(CONTROLLED_CLEAN);
    expect((await fetch(`${web()}/api/widgets/headlines?section=no-such-section`)).status).toBe(404);
  });

  test('a story with characters XML forbids leaves the feed and the sitemaps valid XML', async () => {
    // It was published last: the feed and the News sitemap show it once their caches have been told.
    await timeUntil(
      labelled('feed.xml showing the story', async () => (await fetchText(`${web()}/feed.xml`)).text.includes(CONTROLLED_CLEAN)),
      15_000,
    );
    const month = new Date().toISOString().slice(0, 7);
    for (const path of ['/feed.xml', '/news-sitemap.xml', `/sitemaps/articles-${month}.xml`, '/sitemap.xml']) {
      const { status, text } = await fetchText(`${web()}${path}`);
      expect(status, path).toBe(200);
      expect(onlyXmlChars(text), path).toBe(true);
      expect(XMLValidator.validate(text), path).toBe(true);
      expect(text, path).toContain(path === '/sitemap.xml' ? `/sitemaps/articles-${month}.xml` : `/news/${controlled.slug}`);
    }
    const rss = parser.parse((await fetchText(`${web()}/feed.xml`)).text).rss.channel.item as { title: string; description?: string; link: string }[];
    const item = rss.find((entry) => entry.link === `${web()}/news/${controlled.slug}`)!;
    expect(item.title).toBe(CONTROLLED_CLEAN);
    expect(item.description).toBe('A dek with controls');
    const news = parser.parse((await fetchText(`${web()}/news-sitemap.xml`)).text).urlset.url as { loc: string; 'news:news': { 'news:title': string } }[];
    expect(news.find((entry) => entry.loc === `${web()}/news/${controlled.slug}`)!['news:news']['news:title']).toBe(CONTROLLED_CLEAN);
  });
});
