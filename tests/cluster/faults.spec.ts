// Faults on one box, exactly as `npm start` runs it: the CMS is SIGKILLed while readers read — article pages, the
// front page and their photos keep answering 200, the supervisor has the CMS back within 30 s; a page past its
// revalidate time with the CMS down is served stale; an import killed mid-run writes nothing; and 200 connections for
// 60 s on an article while 10 stories publish see no error.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { solidPng } from '../support/images';
import { listeningPid, loadTest } from '../support/load';
import { CmsApi, DEMO_PASSWORD, labelled, lexicalBody, timeUntil } from '../support/newsroom';
import { freePort, repoRoot, runCommand, startCommand, type Started, waitForHttp } from '../support/processes';

test.describe.serial('npm start under faults', () => {
  let started: Started;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let web: string;
  let cms: string;
  let cmsPort: number;
  let api: CmsApi;
  let articlePath: string;
  let photoPath: string;

  test.beforeAll(async () => {
    test.setTimeout(420_000);
    dir = mkdtempSync(path.join(tmpdir(), 'newsroom-faults-'));
    const webPort = await freePort();
    cmsPort = await freePort();
    web = `http://127.0.0.1:${webPort}`;
    cms = `http://127.0.0.1:${cmsPort}`;
    env = {
      DATABASE_URL: `file:${path.join(dir, 'newsroom.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
      PORT: String(webPort),
      CMS_PORT: String(cmsPort),
      CMS_URL: cms,
      CMS_PUBLIC_URL: cms,
      WEB_URL: web,
      SITE_URL: web,
      REVALIDATE_SECRET: `faults-${Date.now()}`,
      DEMO_PASSWORD,
      NEXT_TELEMETRY_DISABLED: '1',
    };
    started = startCommand('node', [path.join(repoRoot, 'scripts', 'start.mjs')], env);
    await waitForHttp(`${web}/robots.txt`, started, 360_000);
    api = await CmsApi.as(cms);

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(solidPng(1600, 900, [0x22, 0x66, 0xaa]))], { type: 'image/png' }), 'harbour.png');
    form.append('_payload', JSON.stringify({ alt: 'The harbour at dawn', credit: 'Newsroom' }));
    const upload = await fetch(`${cms}/api/media`, { method: 'POST', headers: { Authorization: `JWT ${(api as unknown as { token: string }).token}` }, body: form });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const media = ((await upload.json()) as { doc: { id: number } }).doc;
    const story = await api.createArticle({
      headline: `Harbour lights stay on through the storm ${Date.now()}`,
      body: lexicalBody(['The harbour kept its lights on all night.', 'Fishermen said it was the calmest storm in years.']),
      hero: { image: media.id, alt: 'The harbour at dawn', credit: 'Newsroom' },
    });
    articlePath = `/news/${story.slug}`;
    const html = await (await fetch(`${web}${articlePath}`)).text();
    photoPath = /src="(\/media\/[^"]+)"/.exec(html)?.[1] ?? '';
    expect(photoPath, 'the article page shows its photo').not.toBe('');
    for (const warm of [articlePath, '/', photoPath]) expect((await fetch(`${web}${warm}`)).status, warm).toBe(200);
  });

  test.afterAll(async () => {
    await started?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('SIGKILL the CMS: pages and photos answer 200 throughout, and the CMS is back within 30 s', async () => {
    test.setTimeout(120_000);
    const failures: string[] = [];
    let requests = 0;
    let reading = true;
    const readers = (async () => {
      while (reading) {
        for (const target of [articlePath, '/', photoPath]) {
          const response = await fetch(`${web}${target}`).catch((error: Error) => ({ status: error.message }));
          requests++;
          if (response.status !== 200) failures.push(`${target}: ${response.status}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    process.kill(await listeningPid(cmsPort), 'SIGKILL');
    const killedAt = performance.now();
    await timeUntil(labelled('the CMS answers again', async () => (await fetch(`${cms}/api/articles?limit=1`).catch(() => undefined))?.status === 200), 30_000, 250);
    const backAfter = performance.now() - killedAt;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    reading = false;
    await readers;
    expect(requests).toBeGreaterThan(30);
    expect(failures).toEqual([]);
    expect(backAfter).toBeLessThan(30_000);
    expect(started.output()).toMatch(/CMS stopped \(SIGKILL|CMS stopped \(exit/);
  });

  test('a page past its revalidate time is served stale while the CMS is down', async () => {
    test.setTimeout(150_000);
    // The front page revalidates every 60 s. Take the CMS away for longer than that.
    const section = '/';
    expect((await fetch(`${web}${section}`)).status).toBe(200);
    const cmsServer = await listeningPid(cmsPort);
    process.kill(cmsServer, 'SIGSTOP');
    try {
      await new Promise((resolve) => setTimeout(resolve, 65_000));
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`${web}${section}`, { signal: AbortSignal.timeout(15_000) });
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('Harbour lights stay on');
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
      expect((await fetch(`${web}${photoPath}`, { signal: AbortSignal.timeout(15_000) })).status).toBe(200);
    } finally {
      process.kill(cmsServer, 'SIGCONT');
    }
  });

  test('an import SIGKILLed mid-run writes nothing', async () => {
    test.setTimeout(240_000);
    const files = Array.from({ length: 1500 }, (_, i) => {
      const file = path.join(dir, `wire-${i}.txt`);
      writeFileSync(file, `Killed import story number ${i}\n\nBy Dana Corpus\n\nPORTO, June 12 (Newsroom) -- Paragraph of story ${i}.\n\nSecond paragraph.\n`);
      return file;
    });
    const query = '/api/articles?limit=1&depth=0&draft=true&where[headline][like]=Killed%20import';
    const before = await count(`${cms}${query}`, api);
    const importer = startCommand('npm', ['run', 'import', '--', '--publish', ...files], env);
    // Kill it while it is writing: once its first stories exist (staged, visible to editors only).
    await timeUntil(labelled('the import has begun writing', async () => (await count(`${cms}${query}`, api)) > before), 180_000, 100);
    const exited = new Promise((resolve) => importer.process.once('exit', resolve));
    process.kill(-importer.process.pid!, 'SIGKILL');
    await exited;
    // Readers never see any of it.
    const anonymous = (await (await fetch(`${cms}/api/articles?limit=1&depth=0&where[headline][like]=Killed%20import`)).json()) as { totalDocs: number };
    expect(anonymous.totalDocs).toBe(0);
    expect(await (await fetch(`${web}/`)).text()).not.toContain('Killed import story');
    // The next import cleans up what the killed one staged, and goes through whole.
    const run = await runCommand('npm', ['run', 'import', '--', '--publish', files[0]!], env);
    expect(run.code, run.stderr).toBe(0);
    expect(await count(`${cms}${query}`, api)).toBe(before + 1);
  });

  test('200 connections for 60 s on an article while 10 stories publish: no errors', async () => {
    test.setTimeout(180_000);
    const load = loadTest(`${web}${articlePath}`, { connections: 200, seconds: 60 });
    for (let i = 0; i < 10; i++) {
      await api.createArticle({ headline: `Published under load ${i} ${Date.now()}`, body: lexicalBody(['Busy day on the harbour.']) });
      await new Promise((resolve) => setTimeout(resolve, 4000));
    }
    const result = await load;
    console.log(`npm start: ${result.requests} requests, ${result.rps} req/s, p99 ${result.p99Ms} ms, ${result.errors} errors`);
    expect(result.requests).toBeGreaterThan(1000);
    expect(result.errors, result.output).toBe(0);
    expect(result.non2xx, result.output).toBe(0);
  });
});

async function count(url: string, api: CmsApi): Promise<number> {
  const response = await fetch(url, { headers: { Authorization: `JWT ${(api as unknown as { token: string }).token}` } });
  return ((await response.json()) as { totalDocs: number }).totalDocs;
}
