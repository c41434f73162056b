import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { watchDropFolder, type DropFolder } from '../../src/import/drop-folder';
import { countAll, openTestPayload, type TestPayload } from '../support/databases';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function textStory(headline: string, place = 'TROMSO'): string {
  return `${headline}\n\nBy Sigrid Berg\n\n${place}, Feb. 3 (UPI) -- The northern lights were seen over the harbour on Tuesday.\n\n"It was the best night this winter," a guide said.\n`;
}

function ninjsStory(uri: string, version: string, headline: string): string {
  return JSON.stringify({
    uri,
    type: 'text',
    version,
    firstCreated: '2026-02-03T07:00:00Z',
    headlines: [{ role: 'main', value: headline }],
    bodies: [{ contentType: 'text/plain', value: 'Snow ploughs worked through the night.\n\nSchools open as usual.' }],
  });
}

/** Waits until `predicate` holds, up to `timeoutMs`. */
async function until(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(50);
  }
}

describe('the wire drop folder (SQLite)', () => {
  let t: TestPayload;
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-drop-'));
  const lines: Record<string, unknown>[] = [];
  let folder: DropFolder;
  const open = async () => {
    folder = watchDropFolder(t.payload, { dir, publish: true, settleMs: 1_000, log: (line) => void lines.push(line) });
    await folder.ready;
  };
  const logged = (file: string) => lines.filter((line) => line.file === file);

  beforeAll(async () => {
    t = await openTestPayload('sqlite');
    await open();
  });
  afterAll(async () => {
    await folder?.close();
    await t?.close();
  });

  it('imports good files, moves them to done/, and puts a bad one in failed/ beside a .err naming the problem', async () => {
    writeFileSync(path.join(dir, 'aurora.txt'), textStory('Northern lights over the harbour'));
    writeFileSync(path.join(dir, 'snow.json'), ninjsStory('urn:newsroom-test:snow', '1', 'Snow closes the mountain pass'));
    writeFileSync(path.join(dir, 'broken.json'), '{"uri": "urn:newsroom-test:broken", "type": ');
    await until(() => ['aurora.txt', 'snow.json', 'broken.json'].every((name) => logged(name).length === 1));

    expect(logged('aurora.txt')[0]).toMatchObject({ status: 'published', change: 'created', slug: 'northern-lights-over-the-harbour' });
    expect(logged('snow.json')[0]).toMatchObject({ status: 'published', change: 'created', uri: 'urn:newsroom-test:snow' });
    expect(logged('broken.json')[0]).toMatchObject({ status: 'failed' });
    expect(readdirSync(path.join(dir, 'done')).sort()).toEqual(['aurora.txt', 'snow.json']);
    expect(readdirSync(path.join(dir, 'failed')).sort()).toEqual(['broken.json', 'broken.json.err']);
    expect(readFileSync(path.join(dir, 'failed', 'broken.json.err'), 'utf8')).toMatch(/broken\.json: .*JSON/);
    expect(readdirSync(dir).sort()).toEqual(['.processing', 'done', 'failed']);
    expect(readdirSync(path.join(dir, '.processing'))).toEqual([]);
  });

  it('waits for a slowly written file to be complete before reading it', async () => {
    const file = path.join(dir, 'slow.txt');
    const content = textStory('A slowly written story about the ferry', 'BODO');
    // Written in eight pieces, 150 ms apart (well under the 1,000 ms the folder waits for a file to hold still): no
    // piece but the last is a whole story, and none may be read before it.
    const size = Math.ceil(content.length / 8);
    writeFileSync(file, content.slice(0, size));
    for (let at = size; at < content.length; at += size) {
      await sleep(150);
      expect(logged('slow.txt')).toEqual([]);
      appendFileSync(file, content.slice(at, at + size));
    }
    await until(() => logged('slow.txt').length === 1);
    expect(logged('slow.txt')[0]).toMatchObject({ status: 'published', change: 'created', slug: 'a-slowly-written-story-about-the-ferry' });
    // An in-progress name is never read; the rename into place is.
    writeFileSync(path.join(dir, 'renamed.txt.part'), textStory('A story copied in under a temporary name'));
    await sleep(1_500);
    expect(logged('renamed.txt.part')).toEqual([]);
    renameSync(path.join(dir, 'renamed.txt.part'), path.join(dir, 'renamed.txt'));
    await until(() => logged('renamed.txt').length === 1);
    expect(logged('renamed.txt')[0]).toMatchObject({ change: 'created' });
  });

  it('survives a restart without importing anything twice; a newer version updates in place', async () => {
    await folder.close();
    const before = await countAll(t.payload);
    // While it was down: the same text file again (as if the move to done/ had been lost), and a new ninjs version.
    copyFileSync(path.join(dir, 'done', 'aurora.txt'), path.join(dir, 'aurora-again.txt'));
    writeFileSync(path.join(dir, 'snow-2.json'), ninjsStory('urn:newsroom-test:snow', '2', 'Snow closes the mountain pass for a second day'));
    await open();
    await until(() => logged('aurora-again.txt').length === 1 && logged('snow-2.json').length === 1);
    expect(logged('aurora-again.txt')[0]).toMatchObject({ status: 'unchanged' });
    const firstSnow = logged('snow.json')[0]!;
    expect(logged('snow-2.json')[0]).toMatchObject({ change: 'updated', id: firstSnow.id, slug: firstSnow.slug, version: 2 });
    expect(await countAll(t.payload)).toEqual(before);
    // Nothing in done/ was read again.
    expect(lines.filter((line) => line.file === 'aurora.txt')).toHaveLength(1);
    expect(existsSync(path.join(dir, 'done', 'snow-2.json'))).toBe(true);
    const doc = await t.payload.findByID({ collection: 'articles', id: firstSnow.id as number, overrideAccess: true, depth: 0 });
    expect(doc.headline).toBe('Snow closes the mountain pass for a second day');
  });

  it('reads only regular files: a link to a file outside the folder is never followed', async () => {
    // A link to a file outside the folder is never followed.
    const outside = path.join(mkdtempSync(path.join(tmpdir(), 'newsroom-outside-')), 'secret.txt');
    writeFileSync(outside, textStory('A secret that must not be imported'));
    symlinkSync(outside, path.join(dir, 'link.txt'));
    writeFileSync(path.join(dir, 'after-link.txt'), textStory('A story dropped after the link', 'NARVIK'));
    await until(() => logged('after-link.txt').length === 1);
    expect(logged('link.txt')).toEqual([]);
    const secret = await t.payload.find({ collection: 'articles', where: { headline: { equals: 'A secret that must not be imported' } }, overrideAccess: true });
    expect(secret.totalDocs).toBe(0);
  });
});
