// The reader site's other pages — front, section, author, embed, licensing, 404 — with the demo content and the wire
// seed: what they list, that they read with JavaScript off, and that axe finds nothing on any page type.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

import { type Newsroom, SEED_HEADLINE, SEED_SLUG, startNewsroom } from '../support/newsroom';

const cardHeadlines = (page: Page) => page.locator('news-article-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('headline')));

test.describe.serial('front, section, author and other pages', () => {
  let newsroom: Newsroom;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    newsroom = await startNewsroom();
  });
  test.afterAll(async () => newsroom?.stop());

  test('the front page shows top stories and the latest as article cards, newest first', async ({ page }) => {
    const response = await page.goto(`${newsroom.webBase}/`);
    expect(response?.status()).toBe(200);
    const top = page.getByRole('region', { name: 'Top stories' });
    await expect(top.locator('news-article-card').first()).toHaveAttribute('headline', 'Harbor town votes to rebuild its seawall with oyster reefs');
    await expect(top.locator('news-article-card').first()).toHaveAttribute('layout', 'wide');
    const latest = await page.getByRole('region', { name: 'Latest' }).locator('news-article-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('headline')));
    // The seed was imported last, so it is the newest; stories shown as top stories are not repeated.
    expect(latest[0]).toBe(SEED_HEADLINE);
    expect(latest).toContain('Night buses return to the river line after a four-year pause');
    expect(latest).not.toContain('Harbor town votes to rebuild its seawall with oyster reefs');
    const card = page.locator(`news-article-card[headline="${SEED_HEADLINE}"]`);
    await expect(card.locator('a[part="link"]')).toHaveAttribute('href', `/news/${SEED_SLUG}`);
    await expect(card.locator('[part="byline"]')).toHaveText('By Elizabeth Shim');
  });

  test('a section page lists that section’s stories only', async ({ page }) => {
    expect((await page.goto(`${newsroom.webBase}/section/science`))?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveText('Science');
    await expect(page.locator('.intro')).toHaveText('Research, discovery and the people behind it.');
    expect(await cardHeadlines(page)).toEqual(['Student-built satellite sends its first pictures home']);
  });

  test('an author page shows the bio and the author’s stories, and bylines link to it', async ({ page }) => {
    expect((await page.goto(`${newsroom.webBase}/author/mara-lindqvist`))?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveText('Mara Lindqvist');
    await expect(page.locator('.intro')).toContainText('coastal communities');
    expect((await cardHeadlines(page)).sort()).toEqual([
      'Harbor town votes to rebuild its seawall with oyster reefs',
      'Night buses return to the river line after a four-year pause',
    ]);
    expect((await page.goto(`${newsroom.webBase}/author/elizabeth-shim`))?.status()).toBe(200);
    expect(await cardHeadlines(page)).toEqual([SEED_HEADLINE]);
  });

  test('navigation links every section', async ({ page }) => {
    await page.goto(`${newsroom.webBase}/news/${SEED_SLUG}`);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['City', 'Science', 'World']);
  });

  test('unknown stories, sections and authors are real 404s', async ({ page }) => {
    for (const path of ['/news/no-such-story', '/section/no-such-section', '/author/nobody', '/news/Not_A_Slug', '/front/other', '/nothing/here']) {
      const response = await page.goto(`${newsroom.webBase}${path}`);
      expect(response?.status(), path).toBe(404);
      await expect(page.locator('h1'), path).toHaveText('Page not found');
    }
  });

  test('list pages read with JavaScript off', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${newsroom.webBase}/`);
    await expect(page.locator(`news-article-card[headline="${SEED_HEADLINE}"] a[part="link"]`)).toBeVisible();
    await page.goto(`${newsroom.webBase}/author/elizabeth-shim`);
    await expect(page.locator('news-article-card a[part="link"]')).toHaveText(SEED_HEADLINE);
    await context.close();
  });

  test('the embed page shows each snippet as code and running live', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    expect((await page.goto(`${newsroom.webBase}/embed`))?.status()).toBe(200);
    const code = page.locator('pre.snippet code');
    await expect(code.first()).toContainText(`<script type="module" src="${newsroom.webBase}/embed/v1/news-widgets.js"></script>`);
    await expect(code.first()).toContainText('<news-related-headlines src=');
    // The live example is a sandboxed document of its own origin: it loads the script and the JSON as another site would.
    const live = page.frameLocator('iframe[title="A live headline list: live example"]');
    await expect(live.locator('news-related-headlines a[part="link"]').first()).toBeVisible({ timeout: 15_000 });
    const json = (await (await fetch(`${newsroom.webBase}/api/widgets/headlines?limit=5`)).json()) as { headlines: { title: string }[] };
    expect(json.headlines.length).toBeGreaterThanOrEqual(4);
    await expect(live.locator('news-related-headlines a[part="link"]')).toHaveText(json.headlines.map((h) => h.title));
    const card = page.frameLocator('iframe[title="One story as a card: live example"]');
    await expect(card.locator('news-article-card a[part="link"]')).toHaveText(SEED_HEADLINE);
    expect(errors).toEqual([]);
  });

  test('axe finds no violations on any page type', async ({ page }) => {
    test.setTimeout(120_000);
    const pages = {
      article: `/news/${SEED_SLUG}`,
      front: '/',
      section: '/section/world',
      author: '/author/elizabeth-shim',
      embed: '/embed',
      licensing: '/licensing',
      'not found': '/news/no-such-story',
    };
    for (const [kind, path] of Object.entries(pages)) {
      await page.goto(`${newsroom.webBase}${path}`, { waitUntil: 'networkidle' });
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(
        violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        `${kind} page ${path}`,
      ).toEqual([]);
    }
  });
});
