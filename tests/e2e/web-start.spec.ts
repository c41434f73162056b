// `npm start` on a fresh SQLite database: builds what is missing, starts the CMS and the reader site together, prints
// both URLs and the demo logins; a wire story imported while they run is on the front page at once; Ctrl-C stops both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { DEMO_PASSWORD, fetchText, LIVE_WITHIN_MS, SEED_HEADLINE, SEED_SLUG, timeUntil } from '../support/newsroom';
import { freePort, runCommand, seedFile, startCommand, type Started } from '../support/processes';

test.describe.serial('npm start: the CMS and the reader site together', () => {
  let dir: string;
  let app: Started;
  let env: NodeJS.ProcessEnv;
  let web: string;
  let cms: string;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    dir = mkdtempSync(path.join(tmpdir(), 'newsroom-start-'));
    const [webPort, cmsPort] = [await freePort(), await freePort()];
    web = `http://localhost:${webPort}`;
    cms = `http://localhost:${cmsPort}`;
    env = {
      DATABASE_URL: `file:${path.join(dir, 'newsroom.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
      PORT: String(webPort),
      CMS_PORT: String(cmsPort),
      DEMO_PASSWORD,
      CMS_RUN_JOBS: 'false',
      // Not the default database, so the import is told where the site is, as README says (else the CMS server
      // delivers what it queued, within a minute).
      REVALIDATE_SECRET: `start-${Date.now()}`,
      WEB_INTERNAL_URL: `http://127.0.0.1:${webPort}`,
    };
    for (const cache of ['.next/server/route-cache', '.next/cache/fetch-cache']) rmSync(path.join('..', 'apps', 'web', cache), { recursive: true, force: true });
    app = startCommand('npm', ['start'], env);
    await timeUntil(async () => app.output().includes('Reader site:') || app.process.exitCode !== null, 240_000, 250);
    expect(app.process.exitCode, app.output()).toBeNull();
  });

  test.afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('prints both URLs and the demo logins', () => {
    const out = app.output();
    expect(out).toContain(`Reader site: ${web}`);
    expect(out).toContain(`CMS admin:   ${cms}/admin`);
    for (const email of ['admin@example.com', 'editor@example.com', 'contributor@example.com']) {
      expect(out).toMatch(new RegExp(`${email.replace('.', '\\.')}\\s+password: ${DEMO_PASSWORD}`));
    }
  });

  test('the site serves the demo stories from the CMS', async () => {
    const front = await fetchText(`${web}/`);
    expect(front.status).toBe(200);
    expect(front.text).toContain('headline="Harbor town votes to rebuild its seawall with oyster reefs"');
  });

  test('a story imported while both run is on the front page within a second', async () => {
    await fetch(`${web}/`);
    const run = await runCommand('npm', ['run', 'import', '--', '--publish', seedFile], env);
    expect(run.code, run.stderr).toBe(0);
    // The import revalidated the site before it exited.
    const ms = await timeUntil(async () => (await fetchText(`${web}/`)).text.includes(`headline="${SEED_HEADLINE}"`), 5000);
    expect(ms).toBeLessThanOrEqual(LIVE_WITHIN_MS);
    expect((await fetchText(`${web}/news/${SEED_SLUG}`)).status).toBe(200);
  });

  test('stopping it stops both', async () => {
    await app.stop();
    await expect.poll(async () => fetch(`${web}/robots.txt`).then(() => 'up', () => 'down'), { timeout: 10_000 }).toBe('down');
    await expect.poll(async () => fetch(`${cms}/api/articles`).then(() => 'up', () => 'down'), { timeout: 10_000 }).toBe('down');
  });
});
