import { readFileSync } from 'node:fs';

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';

import { apiToken, signIn } from '../support/cms';
import { LIVE_WITHIN_MS, type Newsroom, startNewsroom } from '../support/newsroom';
import { seedFile } from '../support/processes';

const HEADLINE = 'Beijing: Inter-Korea liaison office a sign of progress';

test.describe.serial('the newsroom in the real admin', () => {
  let newsroom: Newsroom;
  // The admin and the API, as editors reach them.
  const cms = { base: '' };
  let draftUrl = '';

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // The CMS runs its own job crons here: scheduled publishing is part of what is tested.
    newsroom = await startNewsroom({ importSeed: false, cmsEnv: { CMS_RUN_JOBS: 'true' } });
    cms.base = newsroom.cmsBase;
  });
  test.afterAll(async () => newsroom?.stop());

  /** Polls the reader site until `path` answers 200, returning when that happened (0 if never before `deadline`). */
  async function firstSeenOnSite(path: string, deadline: number): Promise<number> {
    while (Date.now() < deadline) {
      const response = await fetch(`${newsroom.webBase}${path}`);
      if (response.status === 200) return Date.now();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return 0;
  }

  async function articleCount(): Promise<number> {
    const token = await apiToken(cms.base, 'admin@example.com');
    const response = await fetch(`${cms.base}/api/articles?limit=0&draft=true`, { headers: { Authorization: `JWT ${token}` } });
    return ((await response.json()) as { totalDocs: number }).totalDocs;
  }

  test('a contributor pastes the seed into the import view, checks it and creates the draft', async ({ page }) => {
    await signIn(page, cms.base, 'contributor@example.com');
    await page.getByRole('region', { name: 'Wire copy' }).getByRole('link', { name: 'Import wire story' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import wire story' })).toBeVisible();
    await page.getByLabel('Wire text').fill(readFileSync(seedFile, 'utf8'));

    await expect(page.locator('[data-field="headline"]')).toHaveText(HEADLINE);
    await expect(page.locator('[data-field="byline"]')).toHaveText('By Elizabeth Shim');
    await expect(page.locator('[data-field="dateline"]')).toContainText('Sept. 17 (UPI)');
    await expect(page.locator('[data-field="photo"]')).toContainText('File Photo by Stephen Shaver/UPI');
    await expect(page.locator('[data-field="ads"]')).toHaveText('top, after paragraph 2, after paragraph 8');
    await expect(page.locator('[data-field="paragraphs"] > li')).toHaveCount(11);

    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/admin\/collections\/articles\/\d+/);
    draftUrl = page.url();
    await expect(page.locator('#field-headline')).toHaveValue(HEADLINE);
    await expect(page.getByText('Draft', { exact: true })).toBeVisible();
  });

  test('the contributor cannot publish it: no publish button, and the API refuses', async ({ page }) => {
    await signIn(page, cms.base, 'contributor@example.com');
    await page.goto(draftUrl);
    await expect(page.locator('#field-headline')).toHaveValue(HEADLINE);
    await expect(page.getByRole('button', { name: 'Publish changes' })).toHaveCount(0);

    const id = draftUrl.split('/').pop();
    const token = await apiToken(cms.base, 'contributor@example.com');
    const response = await fetch(`${cms.base}/api/articles/${id}`, {
      method: 'PATCH',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ _status: 'published' }),
    });
    expect(response.status).toBe(403);
    const anonymous = await (await fetch(`${cms.base}/api/articles?where[headline][equals]=${encodeURIComponent(HEADLINE)}`)).json();
    expect(anonymous.totalDocs).toBe(0);
  });

  test('bad input in the import view names the problem and creates nothing', async ({ page }) => {
    const before = await articleCount();
    await signIn(page, cms.base, 'contributor@example.com');
    await page.goto(`${cms.base}/admin/import-wire`);
    const alert = page.locator('.import-wire__error');
    const create = page.getByRole('button', { name: 'Create draft' });

    await page.getByLabel('Wire text').fill('   \n\n  ');
    await expect(alert).toContainText(/empty/i);
    await expect(create).toBeDisabled();

    await page.getByLabel('Wire text').fill('SEOUL, Oct. 2 (UPI) -- A dateline paragraph with nothing above it.');
    await expect(alert).toContainText(/headline/i);
    await expect(alert).toContainText('line 1');
    await expect(create).toBeDisabled();

    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).png().toBuffer();
    await page.getByLabel('Or choose a .txt or ninjs .json file').setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: png });
    await expect(alert).toContainText(/not UTF-8 text/);
    await expect(create).toBeDisabled();

    // The server runs the same parser: a request that skips the form is refused the same way.
    const token = await apiToken(cms.base, 'contributor@example.com');
    const response = await fetch(`${cms.base}/api/articles/import-wire`, {
      method: 'POST',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ base64: png.toString('base64'), filename: 'photo.txt' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/^photo\.txt: .*not UTF-8 text/);
    expect(await articleCount()).toBe(before);
  });

  test('the import view takes a ninjs item too: its preview, a JSON path for a bad one, and the draft', async ({ page }) => {
    await signIn(page, cms.base, 'contributor@example.com');
    await page.goto(`${cms.base}/admin/import-wire`);
    const item = {
      uri: 'urn:newsroom-e2e:admin:tram-depot',
      type: 'text',
      version: '1',
      firstCreated: '2026-04-02T08:00:00Z',
      headlines: [{ role: 'main', value: 'Tram depot opens its doors for a weekend' }],
      by: 'Paula Jensen',
      located: 'AARHUS',
      bodies: [{ contentType: 'text/html', value: '<p>Visitors can ride the <em>oldest</em> tram on Saturday.</p><p>Entry is free.</p>' }],
    };
    await page.getByLabel('Wire text').fill(JSON.stringify({ ...item, headlines: [{ value: 7 }] }, null, 2));
    await expect(page.locator('.import-wire__error')).toContainText('$.headlines[0].value');
    await expect(page.getByRole('button', { name: 'Create draft' })).toBeDisabled();

    await page.getByLabel('Wire text').fill(JSON.stringify(item, null, 2));
    await expect(page.getByRole('heading', { name: 'Read from the ninjs item' })).toBeVisible();
    await expect(page.locator('[data-field="headline"]')).toHaveText('Tram depot opens its doors for a weekend');
    await expect(page.locator('[data-field="byline"]')).toHaveText('By Paula Jensen');
    await expect(page.locator('[data-field="ninjs"]')).toContainText('urn:newsroom-e2e:admin:tram-depot');
    await expect(page.locator('[data-field="paragraphs"] > li')).toHaveCount(2);
    const axe = await new AxeBuilder({ page }).include('.import-wire').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/admin\/collections\/articles\/\d+/);
    await expect(page.locator('#field-headline')).toHaveValue('Tram depot opens its doors for a weekend');
  });

  test('an editor attaches a photo with alt text and credit, and publishes', async ({ page }) => {
    await signIn(page, cms.base, 'editor@example.com');
    await page.goto(draftUrl);
    await expect(page.locator('#field-headline')).toHaveValue(HEADLINE);
    await page.getByRole('button', { name: 'Create New' }).first().click();
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer();
    await page.locator('input[type=file]').setInputFiles({ name: 'liaison-office.jpg', mimeType: 'image/jpeg', buffer: photo });
    const drawer = page.locator('.drawer__content, [class*="drawer"]').filter({ has: page.locator('#field-alt') }).last();
    await drawer.locator('#field-alt').fill('A spokesman speaks at a podium in front of flags');
    await drawer.locator('#field-credit').fill('File Photo by Stephen Shaver/UPI');
    await drawer.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('#field-alt')).toHaveCount(0);

    const slug = 'beijing-inter-korea-liaison-office-a-sign-of-progress';
    // The site has already answered (and cached) a 404 for the draft.
    expect((await fetch(`${newsroom.webBase}/news/${slug}`)).status).toBe(404);
    const seen = firstSeenOnSite(`/news/${slug}`, Date.now() + 15_000);
    await page.getByRole('button', { name: 'Publish changes' }).click();
    await expect(page.getByText('Published', { exact: true }).first()).toBeVisible();
    const publishedAt = Date.now();
    const seenAt = await seen;
    expect(seenAt, 'the article never reached the site').toBeGreaterThan(0);
    expect(seenAt - publishedAt, 'time from the admin confirming the publish to the article on the site').toBeLessThanOrEqual(LIVE_WITHIN_MS);

    // On the site, the ads stand where the rules say: the wire story's own positions.
    const reader = await page.context().newPage();
    await reader.goto(`${newsroom.webBase}/news/${slug}`);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
    await expect(reader.getByRole('region', { name: /^Advertisement \(/ })).toHaveCount(3);
    for (const where of ['top of article', 'after paragraph 2', 'after paragraph 8']) {
      await expect(reader.getByRole('region', { name: `Advertisement (${where})` })).toHaveCount(1);
    }
    await expect(reader.locator('news-photo-caption img')).toHaveAttribute('alt', 'A spokesman speaks at a podium in front of flags');
    await expect(reader.locator('news-photo-caption')).toHaveAttribute('credit', 'File Photo by Stephen Shaver/UPI');
    await reader.close();

    const anonymous = await (await fetch(`${cms.base}/api/articles?where[headline][equals]=${encodeURIComponent(HEADLINE)}&depth=1`)).json();
    expect(anonymous.totalDocs).toBe(1);
    const article = anonymous.docs[0];
    expect(article.hero.image.alt).toBe('A spokesman speaks at a podium in front of flags');
    expect(article.hero.image.sizes.card.width).toBe(768);
    expect(article.hero.credit).toBe('File Photo by Stephen Shaver/UPI');
  });

  test('an article scheduled one minute ahead goes live on time, not before', async ({ page }) => {
    test.setTimeout(240_000);
    const token = await apiToken(cms.base, 'editor@example.com');
    const created = await fetch(`${cms.base}/api/articles/import-wire`, {
      method: 'POST',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        text: 'Tide tables get a rewrite\n\nBy Lena Ortiz\n\nLISBON, May 3 (UPI) -- The port authority published new tide tables on Friday.\n\nThey take effect next week.',
      }),
    });
    const { doc } = (await created.json()) as { doc: { id: number; slug: string } };

    await signIn(page, cms.base, 'editor@example.com');
    await page.goto(`${cms.base}/admin/collections/articles/${doc.id}`);
    await expect(page.locator('#field-headline')).toHaveValue('Tide tables get a rewrite');
    await page.locator('.popup-button').first().click();
    await page.getByText('Schedule Publish').click();
    const drawer = page.locator('.drawer__content').filter({ hasText: 'Schedule publish for' });
    await drawer.getByText('Publish', { exact: true }).click();
    // The picker works in whole minutes: the first minute at least 60 s from now.
    const at = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);
    const input = drawer.locator('.react-datepicker__input-container input');
    await input.fill(at.toLocaleString('en-US', { month: 'long', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).replace(' at ', ' '));
    await page.keyboard.press('Enter');
    await drawer.locator('#scheduled-publish-save').click();
    await expect(page.getByText('Scheduled successfully.')).toBeVisible();
    await expect(drawer.getByText('Publish', { exact: true }).last()).toBeVisible();

    // Watched on the reader site, where readers meet it.
    const appearedAt = await firstSeenOnSite(`/news/${doc.slug}`, at.getTime() + 75_000);
    expect(appearedAt, 'the article never went live').toBeGreaterThan(0);
    const rest = (await (await fetch(`${cms.base}/api/articles?where[slug][equals]=${doc.slug}`)).json()) as { totalDocs: number };
    expect(rest.totalDocs).toBe(1);
    expect(appearedAt).toBeGreaterThanOrEqual(at.getTime());
    expect(appearedAt - at.getTime()).toBeLessThan(65_000);
  });

  test('the site places ads by the slots’ rules in articles without pinned positions: long and short', async ({ page }) => {
    // Demo slots: a leaderboard at the top, an MPU after paragraph 2.
    const token = await apiToken(cms.base, 'editor@example.com');
    const paragraphs = (n: number) =>
      Array.from({ length: n }, (_, i) => `Paragraph ${i + 1} of a story about the harbour's new ferry timetable.`).join('\n\n');
    const slugs: Record<string, string> = {};
    for (const [name, count] of [['long', 12], ['short', 2]] as const) {
      const created = await fetch(`${cms.base}/api/articles/import-wire`, {
        method: 'POST',
        headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: `Ferry timetable changes (${name})\n\nBy Lena Ortiz\n\nOSLO, May 3 (UPI) -- ${paragraphs(count)}` }),
      });
      const { doc } = (await created.json()) as { doc: { id: number; slug: string } };
      const published = await fetch(`${cms.base}/api/articles/${doc.id}`, {
        method: 'PATCH',
        headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ _status: 'published' }),
      });
      expect(published.status).toBe(200);
      slugs[name] = doc.slug;
    }
    const regions = async (slug: string) => {
      await page.goto(`${newsroom.webBase}/news/${slug}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Ferry timetable changes');
      return page.getByRole('region', { name: /^Advertisement \(/ }).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
    };
    expect(await regions(slugs.long!)).toEqual(['Advertisement (top of article)', 'Advertisement (after paragraph 2)']);
    // Two paragraphs: "after paragraph 2" would be the last block, so only the top slot shows.
    expect(await regions(slugs.short!)).toEqual(['Advertisement (top of article)']);
  });
});
