// Reader search and tag pages against the real CMS and site: /search?q= finds a word that is only in a body
// paragraph and marks it in the excerpt; a headline match ranks above a story that only repeats the word in its body;
// no draft, scheduled, embargoed or killed story is ever listed; the query is shown escaped, runs nothing, and a hostile
// story's excerpt is text; empty and overlong queries get a friendly page; results page by ?page=; the page ships no
// framework JavaScript, is shared by caches for 30 s, works with JavaScript off and passes axe; /tag/<slug> lists a
// tag's stories and the article page links its tags there.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

import { type ArticleDoc, CmsApi, fetchText, lexicalBody, type Newsroom, startNewsroom } from '../support/newsroom';

const PWN = 'window.__pwned=1';
const HOSTILE_QUERY = `"><script>${PWN}</script><img src=x onerror="${PWN}"> lanternfish`;
const HOSTILE_HEADLINE = `Tide tables <img src=x onerror="${PWN}"> for zanzibarine sailors`;

const resultHeadlines = (page: Page) => page.locator('ol.results h2 a').allTextContents();

async function expectNothingRan(page: Page, where: string) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), where).toBeUndefined();
}

test.describe.serial('reader search and tag pages', () => {
  let newsroom: Newsroom;
  let api: CmsApi;
  const web = () => newsroom.webBase;
  const publish = (headline: string, paragraphs: string[], extra: Record<string, unknown> = {}) =>
    api.createArticle({ headline, body: lexicalBody(paragraphs), ...extra });
  let tagged: ArticleDoc;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    newsroom = await startNewsroom();
    api = await CmsApi.as(newsroom.cmsBase);
    await publish('Council meets on the harbour budget', ['The council met for three hours.', 'A clerk read the quillfeather report aloud.']);
    // The same word in one headline, and over and over in the body of a newer story.
    await publish('Lanternfish return to the bay', ['Scientists counted them on Monday night.']);
    await publish('Weekend weather outlook', Array.from({ length: 5 }, () => 'Lanternfish, lanternfish and more lanternfish were seen near the lanternfish beds.'));
    // Stories readers must never find.
    await api.createArticle({ headline: 'Lanternfish draft nobody approved', body: lexicalBody(['Not out yet.']) }, { draft: true });
    await publish('Lanternfish story scheduled for next week', ['Later.'], { publishedAt: new Date(Date.now() + 7 * 86_400_000).toISOString() });
    await publish('Lanternfish story under embargo', ['Embargoed.'], { embargoedUntil: new Date(Date.now() + 86_400_000).toISOString() });
    const killed = await publish('Lanternfish story that was killed', ['Pulled.']);
    await api.request('POST', `/api/articles/${killed.id}/kill`, { reason: 'Sourcing could not be confirmed' });
    await publish(HOSTILE_HEADLINE, [`Skippers read <script>${PWN}</script> and <b>bold</b> charts of zanzibarine waters.`]);
    for (let n = 1; n <= 12; n++) await publish(`Ferry timetable change ${String(n).padStart(2, '0')}`, ['The ferrylog was updated.']);
    tagged = await publish('Harbour works begin on the east quay', ['Cranes arrived.'], { tags: ['Harbour Works', 'Quays'] });
  });
  test.afterAll(async () => newsroom?.stop());

  test('finds a word that appears only in a body paragraph, and marks it in the excerpt', async ({ page }) => {
    const response = await page.goto(`${web()}/search?q=quillfeather`);
    expect(response?.status()).toBe(200);
    expect(await resultHeadlines(page)).toEqual(['Council meets on the harbour budget']);
    const result = page.locator('ol.results li').first();
    await expect(result.locator('h2 a')).toHaveAttribute('href', '/news/council-meets-on-the-harbour-budget');
    await expect(result.locator('.result-snippet mark')).toHaveText(['quillfeather']);
    await expect(result.locator('.result-snippet')).toContainText('A clerk read the quillfeather report aloud.');
  });

  test('ranks a headline match first, and lists no draft, scheduled, embargoed or killed story', async ({ page }) => {
    await page.goto(`${web()}/search?q=lanternfish`);
    expect(await resultHeadlines(page)).toEqual(['Lanternfish return to the bay', 'Weekend weather outlook']);
    const html = await page.content();
    for (const hidden of ['draft nobody approved', 'scheduled for next week', 'under embargo', 'that was killed']) expect(html).not.toContain(hidden);
    await expect(page.locator('.intro')).toContainText('2 stories');
  });

  test('shows the query escaped, runs nothing from it, and keeps a hostile story’s text as text', async ({ page }) => {
    const response = await page.goto(`${web()}/search?q=${encodeURIComponent(HOSTILE_QUERY)}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveText(`Search results for “${HOSTILE_QUERY}”`);
    await expect(page.locator('#search-q')).toHaveValue(HOSTILE_QUERY);
    await expect(page.locator('main script, main img')).toHaveCount(0);
    await expectNothingRan(page, 'hostile query');

    await page.goto(`${web()}/search?q=zanzibarine`);
    await expect(page.locator('ol.results h2 a')).toHaveText([HOSTILE_HEADLINE]);
    const snippet = page.locator('.result-snippet');
    await expect(snippet.locator('mark')).toHaveText(['zanzibarine']);
    await expect(snippet.locator('script, b, img')).toHaveCount(0);
    await expect(snippet).toContainText(`<script>${PWN}</script>`);
    await expectNothingRan(page, 'hostile story');
  });

  test('an empty or overlong query gets a friendly page and asks the CMS nothing', async ({ page }) => {
    const empty = await page.goto(`${web()}/search`);
    expect(empty?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveText('Search');
    await expect(page.locator('#search-q')).toHaveValue('');
    await expect(page.locator('ol.results')).toHaveCount(0);

    const long = await page.goto(`${web()}/search?q=${'lanternfish '.repeat(20)}`);
    expect(long?.status()).toBe(400);
    await expect(page.locator('.intro')).toContainText('longer than 200 characters');
    await expect(page.locator('ol.results')).toHaveCount(0);
  });

  test('results page by ?page=, with links both ways; past the end is a 404', async ({ page }) => {
    await page.goto(`${web()}/search?q=ferrylog`);
    await expect(page.locator('ol.results li')).toHaveCount(10);
    const nav = page.getByRole('navigation', { name: 'Pagination' });
    await expect(nav).toContainText('Page 1 of 2');
    await nav.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(`${web()}/search?q=ferrylog&page=2`);
    await expect(page.locator('ol.results li')).toHaveCount(2);
    await expect(page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Previous page' })).toHaveAttribute('href', '/search?q=ferrylog');
    expect((await page.goto(`${web()}/search?q=ferrylog&page=3`))?.status()).toBe(404);
    expect((await page.goto(`${web()}/search?q=ferrylog&page=0`))?.status()).toBe(404);
  });

  test('ships no framework JavaScript, says it is not for indexes, and is shared by caches for 30 s', async () => {
    const { status, text, headers } = await fetchText(`${web()}/search?q=lanternfish`);
    expect(status).toBe(200);
    expect(text).not.toContain('/_next/');
    expect(text).not.toContain('__NEXT_DATA__');
    expect(text).toContain('<meta name="robots" content="noindex');
    expect(headers.get('cache-control')).toBe('public, s-maxage=30, stale-while-revalidate=300');
  });

  test('works with JavaScript off: the header’s search box submits to the results', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${web()}/`);
    await page.getByRole('search', { name: 'Site search' }).getByRole('searchbox').fill('quillfeather');
    await page.getByRole('search', { name: 'Site search' }).getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(`${web()}/search?q=quillfeather`);
    expect(await resultHeadlines(page)).toEqual(['Council meets on the harbour budget']);
    await context.close();
  });

  test('a tag page lists the tag’s stories, and the article links its tags there', async ({ page }) => {
    await page.goto(`${web()}/news/${tagged.slug}`);
    const tagLink = page.locator('.tags a', { hasText: 'Harbour Works' });
    await expect(tagLink).toHaveAttribute('href', '/tag/harbour-works');
    await tagLink.click();
    await expect(page).toHaveURL(`${web()}/tag/harbour-works`);
    await expect(page.locator('h1')).toHaveText('Harbour Works');
    expect(await page.locator('news-article-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('headline')))).toEqual([
      'Harbour works begin on the east quay',
    ]);
    expect((await page.goto(`${web()}/tag/no-such-tag`))?.status()).toBe(404);
    expect((await page.goto(`${web()}/tag/harbour-works?page=2`))?.status()).toBe(404);
  });

  test('axe finds no violations on the search and tag pages', async ({ page }) => {
    test.setTimeout(120_000);
    for (const path of ['/search', '/search?q=lanternfish', '/search?q=ferrylog&page=2', '/search?q=nothingmatchesthis', '/tag/harbour-works']) {
      await page.goto(`${web()}${path}`, { waitUntil: 'networkidle' });
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(
        violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        path,
      ).toEqual([]);
    }
  });
});
