// Editors' preview: /api/draft turns on draft mode for a signed-in CMS user and redirects only to paths on this site;
// the draft then renders as readers will see it (never cached for readers), and inside Payload's live preview the
// page reloads on each save the admin announces.
import { expect, test } from '@playwright/test';

import { apiToken, type ArticleDoc, CmsApi, fetchText, lexicalBody, type Newsroom, startNewsroom } from '../support/newsroom';

test.describe.serial('draft preview', () => {
  let newsroom: Newsroom;
  let api: CmsApi;
  let draft: ArticleDoc;
  let token: string;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    newsroom = await startNewsroom({ importSeed: false });
    api = await CmsApi.as(newsroom.cmsBase);
    token = await apiToken(newsroom.cmsBase, 'editor@example.com');
    draft = await api.createArticle({ headline: 'Preview me: harbour dredging plan', body: lexicalBody(['First draft paragraph.', 'Second.']) }, { draft: true });
  });
  test.afterAll(async () => newsroom?.stop());

  const draftUrl = (path: string) => `${newsroom.webBase}/api/draft?path=${encodeURIComponent(path)}`;

  test('redirects only to paths on this site', async () => {
    const cookie = { cookie: `payload-token=${token}` };
    for (const target of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', 'news/x', '']) {
      const response = await fetch(draftUrl(target), { headers: cookie, redirect: 'manual' });
      expect(response.status, target).toBe(400);
      expect(response.headers.get('location'), target).toBeNull();
    }
    const ok = await fetch(draftUrl(`/news/${draft.slug}`), { headers: cookie, redirect: 'manual' });
    expect(ok.status).toBe(307);
    expect(ok.headers.get('location')).toBe(`/news/${draft.slug}`);
  });

  test('refuses anyone without a valid CMS session', async () => {
    expect((await fetch(draftUrl(`/news/${draft.slug}`), { redirect: 'manual' })).status).toBe(401);
    const forged = await fetch(draftUrl(`/news/${draft.slug}`), { headers: { cookie: 'payload-token=forged.jwt.value' }, redirect: 'manual' });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('set-cookie')).toBeNull();
  });

  test('shows the editor the latest draft, uncached, while readers still get a 404', async ({ browser }) => {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'payload-token', value: token, url: newsroom.webBase }]);
    const page = await context.newPage();
    const response = await page.goto(draftUrl(`/news/${draft.slug}`));
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(`/news/${draft.slug}`);
    await expect(page.locator('h1')).toHaveText('Preview me: harbour dredging plan');
    await expect(page.locator('.preview-banner')).toContainText('Draft preview');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
    expect(response?.headers()['cache-control']).toMatch(/no-store|private/);

    await api.updateArticle(draft.id, { headline: 'Preview me: dredging plan revised' }, { draft: true });
    await page.reload();
    await expect(page.locator('h1')).toHaveText('Preview me: dredging plan revised');

    // Readers never see it, and the preview left nothing in the cache for them.
    expect((await fetchText(`${newsroom.webBase}/news/${draft.slug}`)).status).toBe(404);

    await page.goto(`${newsroom.webBase}/api/draft/exit?path=/news/${draft.slug}`);
    expect(new URL(page.url()).pathname).toBe(`/news/${draft.slug}`);
    await expect(page.locator('h1')).toHaveText('Page not found');
    await context.close();
  });

  test('inside Payload’s live preview the page says it is ready and reloads on the admin’s save events only', async ({ browser }) => {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'payload-token', value: token, url: newsroom.webBase }]);
    const page = await context.newPage();
    // The admin's origin hosts the preview frame, as Payload's live preview does.
    await page.goto(`${newsroom.cmsBase}/api/articles?limit=1`);
    const ready = page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          window.addEventListener('message', (event) => resolve({ origin: event.origin, data: event.data }), { once: true });
        }),
    );
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.id = 'preview';
      frame.src = src;
      document.body.append(frame);
    }, draftUrl(`/news/${draft.slug}`));
    expect(await ready).toEqual({ origin: newsroom.webBase, data: { type: 'payload-live-preview', ready: true } });

    const preview = page.frames().find((frame) => frame.url().startsWith(newsroom.webBase))!;
    await expect(preview.locator('h1')).toHaveText(/^Preview me/);
    const loads = () => preview.evaluate(() => performance.getEntriesByType('navigation').length && performance.timeOrigin);
    const before = await loads();

    // A message from another origin is ignored.
    await preview.evaluate(() => window.postMessage({ type: 'payload-document-event' }, '*'));
    await page.waitForTimeout(500);
    expect(await loads()).toBe(before);

    await api.updateArticle(draft.id, { headline: 'Preview me: saved from the admin' }, { draft: true });
    const reloaded = page.waitForEvent('framenavigated', (frame) => frame.url().startsWith(newsroom.webBase));
    await page.evaluate((target) => {
      (document.getElementById('preview') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'payload-document-event' }, target);
    }, newsroom.webBase);
    await reloaded;
    await expect(preview.locator('h1')).toHaveText('Preview me: saved from the admin');
    await context.close();
  });
});
