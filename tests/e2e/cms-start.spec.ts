import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { freePort, runCommand, seedFile, startCommand, type Started, waitForHttp } from '../support/processes';

const SEED_SLUG = 'beijing-inter-korea-liaison-office-a-sign-of-progress';
const PASSWORD = 'e2e-demo-password';

test.describe('npm start: the CMS on a fresh SQLite database', () => {
  let dir: string;
  let cms: Started;
  let base: string;
  let env: NodeJS.ProcessEnv;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    dir = mkdtempSync(path.join(tmpdir(), 'newsroom-e2e-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = { DATABASE_URL: `file:${path.join(dir, 'newsroom.db')}`, CMS_PORT: String(port), DEMO_PASSWORD: PASSWORD, CMS_RUN_JOBS: 'false' };
    cms = startCommand('npm', ['start'], env);
    await waitForHttp(`${base}/api/articles?limit=1`, cms, 200_000);
  });

  test.afterAll(async () => {
    await cms?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('prints the demo logins', () => {
    const out = cms.output();
    for (const email of ['admin@example.com', 'editor@example.com', 'contributor@example.com']) {
      expect(out).toMatch(new RegExp(`${email.replace('.', '\\.')}\\s+password: ${PASSWORD}`));
    }
    expect(out).toContain('Demo content added: 3 sections, 3 authors, 3 articles, 2 adSlots, 2 headlines');
  });

  test('serves the demo stories anonymously over REST, and keeps users private', async ({ request }) => {
    const articles = await (await request.get(`${base}/api/articles?depth=1&limit=50`)).json();
    expect(articles.totalDocs).toBe(3);
    for (const doc of articles.docs) expect(doc._status).toBe('published');
    const users = await request.get(`${base}/api/users`);
    expect(users.status()).toBe(403);
  });

  test('imports the seed while the CMS runs, and REST returns it with every part', async ({ request }) => {
    const run = await runCommand('npm', ['run', 'import', '--', '--publish', seedFile], env);
    expect(run.code, run.stderr).toBe(0);
    const line = JSON.parse(run.stdout.trim().split('\n').pop()!);
    expect(line).toMatchObject({ slug: SEED_SLUG, status: 'published' });

    const response = await request.get(`${base}/api/articles?where[slug][equals]=${SEED_SLUG}`);
    const { docs } = await response.json();
    expect(docs).toHaveLength(1);
    const article = docs[0];
    expect(article.headline).toBe('Beijing: Inter-Korea liaison office a sign of progress');
    expect(article.authors.map((a: { name: string }) => a.name)).toEqual(['Elizabeth Shim']);
    // No year in the copy: the latest year in which Sept. 17 is not after today (UTC).
    const today = new Date();
    const sept17 = Date.UTC(today.getUTCFullYear(), 8, 17);
    const expectedYear = sept17 <= Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
    expect(article.dateline).toMatchObject({ month: 9, day: 17, agency: 'UPI', year: expectedYear });
    expect(article.body.root.children.filter((n: { type: string }) => n.type === 'paragraph')).toHaveLength(11);
    expect(article.adPositions.map((p: { placement: string; paragraph?: number | null }) => [p.placement, p.paragraph ?? null])).toEqual([
      ['top', null],
      ['after-paragraph', 2],
      ['after-paragraph', 8],
    ]);
    expect(article.hero).toMatchObject({ credit: 'File Photo by Stephen Shaver/UPI', creator: 'Stephen Shaver', licenseOffered: true });
  });

  test('lets an editor sign in to the admin and find the imported story', async ({ page }) => {
    await page.goto(`${base}/admin`);
    await page.getByLabel('Email').fill('editor@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: /login/i }).click();
    await page.waitForURL(/\/admin$/);
    await page.goto(`${base}/admin/collections/articles`);
    await expect(page.getByText('Beijing: Inter-Korea liaison office a sign of progress')).toBeVisible();
  });
});
