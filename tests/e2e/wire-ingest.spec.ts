// Wire ingest as an agency feeds it, against the real CMS and site: a ninjs item imported with `npm run import`
// through versions 1 → 2 (the page changes in place, within a second), 1 again (unchanged), 3 canceled (410 Gone);
// an embargoed item nowhere; the site's own ninjs export of a live story valid under the spec's rules, CORS `*`,
// 404 once the story is not live; wire text with control characters leaves every XML feed valid; and the drop folder
// (`npm run ingest -- --watch DIR --publish`) puts a file that lands in it on the site.
import { mkdirSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { validateNinjs } from '@newsroom/schema';
import { expect, test } from '@playwright/test';
import { XMLValidator } from 'fast-xml-parser';

import { fetchText, labelled, type Newsroom, startNewsroom, timeUntil } from '../support/newsroom';
import { runCommand, startCommand, type Started } from '../support/processes';

const SECOND = 1000;
const URI = 'urn:newsroom-e2e:wire:lighthouse-keepers';

function item(version: string, over: Record<string, unknown> = {}): string {
  return JSON.stringify({
    uri: URI,
    type: 'text',
    version,
    pubStatus: 'usable',
    firstCreated: '2026-05-06T09:00:00Z',
    language: 'en',
    headlines: [{ role: 'main', value: 'Last lighthouse keepers hand over the lamp' }],
    by: 'Tomasz Wilk',
    located: 'HEL',
    bodies: [{ contentType: 'text/html', value: '<p>The last two keepers left the lighthouse on Wednesday.</p><p>"It runs itself now," one said.</p>' }],
    ...over,
  });
}

type Line = { id: number | null; slug: string | null; status: string; change: string; uri?: string; version?: number };

test.describe.serial('wire ingest: ninjs versions, the ninjs export, control characters, the drop folder', () => {
  let newsroom: Newsroom;
  const files = mkdtempSync(path.join(tmpdir(), 'newsroom-e2e-wire-'));
  const web = () => newsroom.webBase;
  const write = (name: string, content: string) => {
    const file = path.join(files, name);
    writeFileSync(file, content);
    return file;
  };
  const importFile = async (file: string, extra: string[] = []) => {
    const run = await runCommand('npm', ['run', 'import', '--', '--publish', ...extra, file], newsroom.env);
    expect(run.code, run.stderr).toBe(0);
    return { line: JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Line, stderr: run.stderr };
  };
  const has = (p: string, text: string) =>
    labelled(`${p} showing "${text}"`, async () => {
      const page = await fetchText(`${web()}${p}`);
      return page.status === 200 && page.text.includes(text);
    });
  const answers = (p: string, code: number) => labelled(`${p} answering ${code}`, async () => (await fetchText(`${web()}${p}`)).status === code);

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    newsroom = await startNewsroom({ importSeed: false });
  });
  test.afterAll(async () => newsroom?.stop());

  let slug: string;

  test('version 1 goes live; version 2 changes the same page within 1 s; version 1 again changes nothing', async () => {
    const v1 = (await importFile(write('v1.json', item('1')))).line;
    expect(v1).toMatchObject({ status: 'published', change: 'created', uri: URI, version: 1 });
    slug = v1.slug!;
    await timeUntil(has(`/news/${slug}`, 'Last lighthouse keepers hand over the lamp'));

    const v2Headline = 'Last lighthouse keepers hand over the lamp after 120 years';
    const started = performance.now();
    const v2 = (await importFile(write('v2.json', item('2', { headlines: [{ role: 'main', value: v2Headline }] })))).line;
    expect(v2).toMatchObject({ id: v1.id, slug, change: 'updated', version: 2 });
    const importedIn = performance.now() - started;
    const visible = await timeUntil(has(`/news/${slug}`, v2Headline));
    expect(visible, `live ${visible.toFixed(0)} ms after the import finished (the import took ${importedIn.toFixed(0)} ms)`).toBeLessThanOrEqual(SECOND);

    const again = (await importFile(write('v1-again.json', item('1')))).line;
    expect(again).toMatchObject({ id: v1.id, status: 'unchanged' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await fetchText(`${web()}/news/${slug}`)).text).toContain(v2Headline);
  });

  test('the site exports the live story as ninjs 3.1, valid, CORS *, cacheable', async () => {
    const response = await fetch(`${web()}/api/ninjs/${slug}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
    const doc = (await response.json()) as Record<string, unknown>;
    const validation = validateNinjs(doc);
    expect(validation.ok, JSON.stringify(validation)).toBe(true);
    expect(doc).toMatchObject({ type: 'text', uri: `${web()}/news/${slug}` });
    const bodies = doc.bodies as { contentType: string; value: string }[];
    expect(bodies.map((b) => b.contentType).sort()).toEqual(['text/html', 'text/plain']);
    expect(JSON.stringify(doc.headlines)).toContain('after 120 years');
    expect(doc.by).toBe('Tomasz Wilk');
    expect((await fetch(`${web()}/api/ninjs/no-such-story-here`)).status).toBe(404);
  });

  test('version 3 canceled kills the story: 410 on its URL within 1 s, and no ninjs', async () => {
    const v3 = (await importFile(write('v3.json', item('3', { pubStatus: 'canceled' })))).line;
    expect(v3).toMatchObject({ status: 'killed', change: 'killed' });
    const gone = await timeUntil(answers(`/news/${slug}`, 410));
    expect(gone).toBeLessThanOrEqual(SECOND);
    await timeUntil(answers(`/api/ninjs/${slug}`, 404));
  });

  test('an embargoed item is nowhere on the site until its embargo lifts', async () => {
    const embargoed = (
      await importFile(
        write(
          'embargoed.json',
          item('1', {
            uri: 'urn:newsroom-e2e:wire:budget',
            headlines: [{ value: 'Harbour budget doubles next year' }],
            embargoedUntil: new Date(Date.now() + 6 * 3_600_000).toISOString(),
          }),
        ),
      )
    ).line;
    expect(embargoed).toMatchObject({ status: 'published', change: 'created' });
    expect((await fetchText(`${web()}/news/${embargoed.slug}`)).status).toBe(404);
    expect((await fetchText(`${web()}/api/ninjs/${embargoed.slug}`)).status).toBe(404);
    expect((await fetchText(`${web()}/`)).text).not.toContain('Harbour budget doubles');
  });

  test('wire text with control characters is imported with a warning and every XML feed stays valid', async () => {
    const text = [
      // A form feed between words becomes a space; the bell is dropped.
      'Storm\u000cwarning for the \u0007bay',
      '',
      'By Lena Fischer',
      '',
      'KIEL, Nov. 30 (UPI) -- Gale-force winds\u0000 were forecast for the bay on Monday.\u000b',
      '',
      '"Stay in port," the \u001bcoast guard said.',
    ].join('\n');
    const { line, stderr } = await importFile(write('storm.txt', text));
    expect(line).toMatchObject({ status: 'published' });
    expect(stderr).toMatch(/warning/i);
    await timeUntil(has(`/news/${line.slug}`, 'Storm warning for the bay'));
    for (const feed of ['/feed.xml', '/news-sitemap.xml', '/sitemap.xml']) {
      const { status, text: xml } = await fetchText(`${web()}${feed}`);
      expect(status, feed).toBe(200);
      expect(XMLValidator.validate(xml), feed).toBe(true);
      const forbidden = [...xml].filter((c) => c < ' ' && c !== '\t' && c !== '\n' && c !== '\r');
      expect(forbidden, `${feed}: control characters XML forbids`).toEqual([]);
    }
    await timeUntil(has('/feed.xml', 'Storm warning for the bay'));
  });

  test('npm run ingest -- --watch DIR --publish: a file that lands in the folder is on the site, then in done/', async () => {
    const dir = path.join(files, 'drop');
    mkdirSync(dir);
    let ingest: Started | undefined;
    try {
      ingest = startCommand('npm', ['run', 'ingest', '--', '--watch', dir, '--publish'], newsroom.env);
      await timeUntil(labelled('the drop folder watched', async () => ingest!.output().includes('watching')), 60_000, 100);
      writeFileSync(path.join(dir, 'ferry.json.part'), item('1', { uri: 'urn:newsroom-e2e:wire:ferry', headlines: [{ value: 'Night ferry returns to the island' }] }));
      renameSync(path.join(dir, 'ferry.json.part'), path.join(dir, 'ferry.json'));
      await timeUntil(has('/', 'Night ferry returns to the island'), 30_000);
      await timeUntil(labelled('ferry.json in done/', async () => readdirSync(path.join(dir, 'done')).includes('ferry.json')), 10_000);
      const logged = ingest.output().split('\n').find((l) => l.includes('"file":"ferry.json"'));
      expect(JSON.parse(logged!)).toMatchObject({ file: 'ferry.json', status: 'published', change: 'created' });
    } finally {
      await ingest?.stop();
    }
  });
});
