// The reader's article page, built and served by `next start` against the built CMS on a fresh SQLite file, with the
// wire seed imported: every part of the page, with JavaScript on and off, the scripts it loads, hydration, metadata
// and JSON-LD.
import { expect, test } from '@playwright/test';

import { CmsApi, type Newsroom, SEED_HEADLINE, SEED_SLUG, startNewsroom } from '../support/newsroom';

const WIDGETS = 'news-article-card, news-photo-caption, news-related-headlines';

test.describe.serial('article page: the seed story', () => {
  let newsroom: Newsroom;
  let url: string;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    newsroom = await startNewsroom();
    url = `${newsroom.webBase}/news/${SEED_SLUG}`;
  });
  test.afterAll(async () => newsroom?.stop());

  test('renders the story: headline, byline, photo caption, dateline, eleven paragraphs', async ({ page }) => {
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    const article = page.locator('article');
    await expect(article.locator('h1')).toHaveText(SEED_HEADLINE);
    await expect(page.locator('h1')).toHaveCount(1);

    const author = article.locator('.byline a[rel="author"]');
    await expect(author).toHaveText('Elizabeth Shim');
    await expect(author).toHaveAttribute('href', '/author/elizabeth-shim');

    const caption = article.locator('news-photo-caption');
    await expect(caption).toHaveAttribute('credit', 'File Photo by Stephen Shaver/UPI');
    await expect(caption.locator('figure figcaption')).toContainText('China hopes the two Koreas will work toward');
    await expect(caption.locator('[part="credit"]')).toHaveText('File Photo by Stephen Shaver/UPI');
    const license = caption.locator('a[rel="license"]');
    await expect(license).toHaveText('License Photo');
    expect(await license.getAttribute('href')).toBe(`/licensing/${SEED_SLUG}`);
    // The wire photo has no file yet: no image at all, rather than a broken one.
    await expect(article.locator('img')).toHaveCount(0);

    const dateline = article.locator('.dateline');
    await expect(dateline.locator('time')).toHaveText('Sept. 17');
    expect(await dateline.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-09-17$/);
    await expect(dateline.locator('.dateline-agency')).toHaveText('(UPI)');

    const paragraphs = article.locator('.body > p');
    await expect(paragraphs).toHaveCount(11);
    await expect(paragraphs.first()).toHaveText(/^China endorsed the opening of an inter-Korea liaison office/);
  });

  test('places the three ad slots where the wire copy had them: top, after paragraphs 2 and 8', async ({ page }) => {
    await page.goto(url);
    await expect(page.locator('.ad-top')).toHaveCount(1);
    const inBody = await page.locator('.body > *').evaluateAll((nodes) => {
      let paragraph = 0;
      const after: number[] = [];
      for (const node of nodes) {
        if (node.tagName === 'P') paragraph++;
        else if (node.classList.contains('ad')) after.push(paragraph);
      }
      return after;
    });
    expect(inBody).toEqual([2, 8]);
    for (const region of await page.getByRole('region', { name: /^Advertisement/ }).all()) {
      await expect(region.locator('.ad-label')).toHaveText('Advertisement');
    }
    await expect(page.getByRole('region', { name: /^Advertisement/ })).toHaveCount(3);
  });

  test('shows "Latest Headlines": curated first, then the latest, never this story', async ({ page }) => {
    await page.goto(url);
    const rail = page.locator('aside news-related-headlines');
    await expect(rail.getByRole('heading', { name: 'Latest Headlines' })).toBeVisible();
    const links = rail.locator('a[part="link"]');
    await expect(links.first()).toHaveText('Editors’ pick: how the oyster-reef seawall will work');
    const hrefs = await links.evaluateAll((as) => as.map((a) => new URL(a.getAttribute('href')!, location.href).pathname));
    expect(hrefs.length).toBeGreaterThanOrEqual(3);
    expect(hrefs).not.toContain(`/news/${SEED_SLUG}`);
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });

  test('loads no framework JavaScript: one module (and the chunks it imports), under 30 KB compressed, that hydrates without re-rendering', async ({ page }) => {
    const scripts: { url: string; encoded: number }[] = [];
    page.on('requestfinished', async (request) => {
      if (request.resourceType() === 'script') scripts.push({ url: request.url(), encoded: (await request.sizes()).responseBodySize });
    });
    // Record every change inside the widgets' shadow roots from the end of parsing (before deferred scripts run).
    await page.addInitScript(() => {
      const changes: string[] = [];
      const observed: string[] = [];
      Object.assign(window, { shadowChanges: changes, observedHosts: observed });
      document.addEventListener('readystatechange', () => {
        if (document.readyState !== 'interactive') return;
        for (const host of document.querySelectorAll('news-article-card, news-photo-caption, news-related-headlines')) {
          observed.push(host.localName);
          new MutationObserver((records) => {
            for (const r of records) changes.push(`${host.localName}: ${r.type} ${r.attributeName ?? ''}`);
          }).observe(host.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
        }
      });
    });
    const html = await (await fetch(url)).text();
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForFunction(
      (selector) => [...document.querySelectorAll(selector)].every((el) => (el as HTMLElement & { hasUpdated?: boolean }).hasUpdated),
      WIDGETS,
    );

    expect(html).not.toContain('/_next/');
    expect(html).not.toContain('__NEXT_DATA__');
    expect([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1])).toEqual([expect.stringMatching(/^\/_assets\/widgets-[A-Z0-9]+\.js$/)]);
    const paths = scripts.map((s) => new URL(s.url).pathname);
    expect(paths[0]).toMatch(/^\/_assets\/widgets-[A-Z0-9]+\.js$/);
    for (const path of paths) expect(path).toMatch(/^\/_assets\/(widgets|chunk)-[A-Z0-9]+\.js$/);
    const total = scripts.reduce((sum, s) => sum + s.encoded, 0);
    expect(total).toBeGreaterThan(5000);
    expect(total).toBeLessThanOrEqual(30_000);
    // Observed from before the module ran (the page has a caption and a rail), and nothing in them changed.
    expect(await page.evaluate(() => (window as unknown as { observedHosts: string[] }).observedHosts)).toEqual(['news-photo-caption', 'news-related-headlines']);
    expect(await page.evaluate(() => (window as unknown as { shadowChanges: string[] }).shadowChanges)).toEqual([]);
    expect(await page.locator('[defer-hydration]').count()).toBe(0);
  });

  test('reads fully with JavaScript off', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.locator('h1')).toHaveText(SEED_HEADLINE);
    await expect(page.locator('.body > p')).toHaveCount(11);
    await expect(page.locator('news-photo-caption [part="credit"]')).toBeVisible();
    await expect(page.locator('news-photo-caption a[rel="license"]')).toBeVisible();
    await expect(page.locator('news-related-headlines a[part="link"]').first()).toBeVisible();
    await expect(page.locator('.ad-top .ad-box')).toBeVisible();
    await context.close();
  });

  test('has a title, description, canonical URL, Open Graph and Twitter card', async ({ page }) => {
    await page.goto(url);
    await expect(page).toHaveTitle(SEED_HEADLINE);
    const meta = async (selector: string) => page.locator(selector).getAttribute('content');
    expect(await meta('meta[name="description"]')).toMatch(/^China endorsed the opening/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', url);
    expect(await meta('meta[property="og:type"]')).toBe('article');
    expect(await meta('meta[property="og:title"]')).toBe(SEED_HEADLINE);
    expect(await meta('meta[property="og:url"]')).toBe(url);
    expect(await meta('meta[property="article:published_time"]')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await meta('meta[name="twitter:card"]')).toBe('summary');
    expect(await meta('meta[name="twitter:title"]')).toBe(SEED_HEADLINE);
    // oEmbed discovery, for embedders' tools.
    const oembed = await page.locator('link[type="application/json+oembed"]').getAttribute('href');
    expect(oembed).toBe(`${newsroom.webBase}/oembed?url=${encodeURIComponent(url)}&format=json`);
    expect((await fetch(oembed!)).status).toBe(200);
  });

  test('carries NewsArticle JSON-LD with the photo’s rights', async ({ page }) => {
    await page.goto(url);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks).toHaveLength(1);
    const ld = JSON.parse(blocks[0]!);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: SEED_HEADLINE,
      author: [{ '@type': 'Person', name: 'Elizabeth Shim', url: `${newsroom.webBase}/author/elizabeth-shim` }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'Newsroom Daily', logo: { '@type': 'ImageObject' } },
      dateline: 'Sept. 17 (UPI)',
      image: {
        '@type': 'ImageObject',
        creditText: 'File Photo by Stephen Shaver/UPI',
        creator: { '@type': 'Person', name: 'Stephen Shaver' },
        copyrightNotice: expect.stringMatching(/^© \d{4} UPI$/),
        license: `${newsroom.webBase}/licensing/${SEED_SLUG}`,
        acquireLicensePage: `${newsroom.webBase}/licensing/${SEED_SLUG}`,
      },
      mainEntityOfPage: { '@id': url },
    });
    expect(Date.parse(ld.datePublished)).not.toBeNaN();
    expect(Date.parse(ld.dateModified)).toBeGreaterThanOrEqual(Date.parse(ld.datePublished));
  });

  test('sends cache headers a CDN can use', async () => {
    const response = await fetch(url);
    expect(response.headers.get('cache-control')).toMatch(/^s-maxage=\d+, stale-while-revalidate=\d+$/);
  });

  test('a renamed section reaches the navigation of every cached article page, by the background sweep', async () => {
    test.setTimeout(120_000);
    const editor = await CmsApi.as(newsroom.cmsBase);
    const { docs: stories } = await editor.request<{ docs: { slug: string }[] }>('GET', '/api/articles?limit=5&depth=0&select[slug]=true&sort=-id');
    const pages = stories.map((story) => `${newsroom.webBase}/news/${story.slug}`);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect((await fetch(page)).status).toBe(200);
    const { docs: sections } = await editor.request<{ docs: { id: number; name: string }[] }>('GET', '/api/sections?limit=1&depth=0&sort=id');
    const renamed = 'Harbour and Coast Desk';
    await editor.request('PATCH', `/api/sections/${sections[0]!.id}`, { name: renamed });
    // Not a story of that section necessarily: every article page prints the navigation, so the sweep re-renders each.
    await expect
      .poll(async () => (await Promise.all(pages.map(async (page) => (await (await fetch(page)).text()).includes(renamed)))).every(Boolean), { timeout: 60_000, intervals: [500] })
      .toBe(true);
  });
});
