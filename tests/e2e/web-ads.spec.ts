// Ads on the seed story, from the CMS's ad slots: a house creative (image + link) at the top, an HTML creative that
// tries to take over the page between paragraphs. Each slot keeps its size at every breakpoint before anything loads,
// so the page never shifts; below-the-fold creatives load lazily; the HTML one is sandboxed.

import { expect, type Page, test } from '@playwright/test';

import { layoutShift, recordLayoutShifts } from '../support/layout-shifts';

import { solidPng } from '../support/images';
import { CmsApi, lexicalBody, type Newsroom, SEED_SLUG, startNewsroom } from '../support/newsroom';

const VIEWPORTS = {
  mobile: { width: 390, height: 844, top: { width: 320, height: 50 } },
  tablet: { width: 800, height: 1000, top: { width: 728, height: 90 } },
  desktop: { width: 1280, height: 900, top: { width: 728, height: 90 } },
} as const;
const MPU = { width: 300, height: 250 };
const TAKEOVER = `<div style="width:300px;height:250px;background:#036;color:#fff;font:16px sans-serif">Sponsor</div><script>top.location = 'https://evil.example/';</script>`;

test.describe.serial('ads on the article page', () => {
  let newsroom: Newsroom;
  let url: string;
  let longRead: string;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    newsroom = await startNewsroom();
    url = `${newsroom.webBase}/news/${SEED_SLUG}`;
    const api = await CmsApi.as(newsroom.cmsBase);
    // A real house creative: an uploaded image, served by the site.
    const png = solidPng(728, 90, [0xcc, 0x44, 0x00]);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'house-ad.png');
    form.append('_payload', JSON.stringify({ alt: 'Subscribe to the newsletter', credit: 'Newsroom' }));
    const upload = await fetch(`${newsroom.cmsBase}/api/media`, { method: 'POST', headers: { Authorization: `JWT ${await tokenOf(api)}` }, body: form });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const media = ((await upload.json()) as { doc: { id: number } }).doc;
    const slots = await api.request<{ docs: { id: number; name: string }[] }>('GET', '/api/ad-slots?limit=10');
    const leaderboard = slots.docs.find((slot) => slot.name.startsWith('Leaderboard'))!;
    const mpu = slots.docs.find((slot) => slot.name.startsWith('In-article'))!;
    await api.request('PATCH', `/api/ad-slots/${leaderboard.id}`, { creative: { kind: 'house', image: media.id, link: 'https://example.com/subscribe', alt: 'Subscribe to the newsletter' } });
    await api.request('PATCH', `/api/ad-slots/${mpu.id}`, { creative: { kind: 'html', html: TAKEOVER } });
    // Long enough that its last ad is far beyond any browser's lazy-loading distance.
    const long = await api.createArticle({
      headline: 'A long read about harbour walls',
      body: lexicalBody(Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1}. ${'The harbour wall has stood for a century and its stones tell the story. '.repeat(4)}`)),
      adPositions: [
        { placement: 'after-paragraph', paragraph: 2 },
        { placement: 'after-paragraph', paragraph: 55 },
      ],
    });
    longRead = `${newsroom.webBase}/news/${long.slug}`;
  });
  test.afterAll(async () => newsroom?.stop());

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    test(`reserves each slot's size before it loads, and filled ads shift nothing (${name})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
      const page = await context.newPage();
      await recordLayoutShifts(page);
      await page.goto(url, { waitUntil: 'networkidle' });
      await scrollThrough(page);

      const top = page.locator('.ad-top .ad-box');
      expect(await top.boundingBox()).toMatchObject(viewport.top);
      await expect(page.locator('.ad-top img')).toHaveJSProperty('complete', true);
      expect(await page.locator('.ad-top img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(728);
      for (const box of await page.locator('.body .ad-box').all()) expect(await box.boundingBox()).toMatchObject(MPU);
      expect(await layoutShift(page)).toBe(0);
      await context.close();
    });
  }

  test('the space is the same before any creative arrives (JavaScript off, images and frames blocked)', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await context.route(/\/(media|ads\/frame)\//, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(url);
    expect(await page.locator('.ad-top .ad-box').boundingBox()).toMatchObject(VIEWPORTS.mobile.top);
    for (const box of await page.locator('.body .ad-box').all()) expect(await box.boundingBox()).toMatchObject(MPU);
    await context.close();
  });

  test('every slot is a labelled region saying "Advertisement"', async ({ page }) => {
    await page.goto(url);
    const regions = page.getByRole('region', { name: /^Advertisement \(/ });
    await expect(regions).toHaveCount(3);
    await expect(page.getByRole('region', { name: 'Advertisement (top of article)' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Advertisement (after paragraph 2)' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Advertisement (after paragraph 8)' })).toHaveCount(1);
    await expect(page.locator('.ad-label')).toHaveText(['Advertisement', 'Advertisement', 'Advertisement']);
  });

  test('a below-the-fold creative loads only as the reader nears it', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const frames: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/ads/frame/')) frames.push(new URL(request.url()).search);
    });
    await page.goto(longRead, { waitUntil: 'networkidle' });
    expect(await page.locator('.body .ad').nth(1).evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThan(10_000);
    expect(frames).toEqual(['?at=p2']);
    await page.locator('.body .ad').nth(1).scrollIntoViewIfNeeded();
    await expect.poll(() => frames).toEqual(['?at=p2', '?at=p55']);
    await context.close();
  });

  test('an HTML creative that sets top.location moves nothing: it runs sandboxed, in an opaque origin', async ({ page }) => {
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    const iframe = page.locator('.body .ad iframe').first();
    await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation');
    const frame = (await iframe.elementHandle())!.contentFrame();
    const creative = await (await frame)!.evaluate(() => ({ origin: window.origin, text: document.body.innerText }));
    expect(creative).toEqual({ origin: 'null', text: 'Sponsor' });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(url);
    expect(navigations).toEqual([url]);

    const direct = await fetch(`${newsroom.webBase}/ads/frame/2`);
    expect(direct.headers.get('content-security-policy')?.split(';')[0]).toBe('sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation');
  });
});

async function tokenOf(api: CmsApi): Promise<string> {
  return (api as unknown as { token: string }).token;
}



/** Scrolls to the bottom and back in steps, so that every lazy creative loads while it is on screen. */
async function scrollThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= height; y += 400) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(60);
  }
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, 0));
}
