import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closePayload, openPayload } from '../../src/lib/open-payload';
import { countAll, freshDatabase, seedPath, type TestDatabase } from '../support/databases';

const cmsRoot = path.resolve(import.meta.dirname, '..', '..');

type Run = { code: number | null; stdout: string; stderr: string };

/** The import command exactly as `npm run import --` runs it. */
function runImport(args: string[], databaseUrl: string, invokedFrom = cmsRoot): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', path.join(cmsRoot, 'src/cli/import.ts'), ...args], {
      // npm runs workspace scripts in the workspace folder and says where it was invoked in INIT_CWD.
      cwd: cmsRoot,
      env: { ...process.env, INIT_CWD: invokedFrom, DATABASE_URL: databaseUrl, WEB_URL: 'https://news.example', NODE_OPTIONS: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function articleCounts(db: TestDatabase) {
  const payload = await openPayload({ database: db.target, key: `count:${db.target.url}:${Math.random()}`, logToStderr: true });
  try {
    return await countAll(payload);
  } finally {
    await closePayload(payload);
  }
}

const files = mkdtempSync(path.join(tmpdir(), 'newsroom-wire-'));
function wireFile(name: string, content: string | Buffer): string {
  const file = path.join(files, name);
  writeFileSync(file, content);
  return file;
}
const good = wireFile(
  'good.txt',
  'Ferry service resumes after storm\n\nBy Nadia Petrov\n\nBERGEN, Jan. 12 (UPI) -- Ferries returned to the fjord on Monday.\n\n"We are glad to be back," the captain said.\n',
);
const empty = wireFile('empty.txt', '   \n\n');
const binary = wireFile('binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]));
const noHeadline = wireFile('no-headline.txt', 'BERGEN, Jan. 12 (UPI) -- A dateline paragraph with no headline above it.\n');
const noDateline = wireFile('no-dateline.txt', 'A headline\n\nBy Someone\n\nA paragraph that never says where or when it was filed.\n');

describe('npm run import (SQLite)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase('sqlite');
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(files, { recursive: true, force: true });
  });

  it('imports the seed as a published story and prints one JSON line', async () => {
    const run = await runImport(['--publish', '--year', '2018', seedPath], db.target.url);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const story = JSON.parse(lines[0]!);
    expect(Object.keys(story).sort()).toEqual(['change', 'id', 'slug', 'status', 'uri', 'url', 'version']);
    expect(story).toMatchObject({ change: 'created', version: 1 });
    expect(story.uri).toMatch(/^urn:newsroom:wire-text:sha256:[0-9a-f]{64}$/);
    expect(story).toMatchObject({
      slug: 'beijing-inter-korea-liaison-office-a-sign-of-progress',
      status: 'published',
      url: 'https://news.example/news/beijing-inter-korea-liaison-office-a-sign-of-progress',
    });
  });

  it('imports several files as drafts, one line each, resolving paths from where npm was run; the seed again is unchanged', async () => {
    const run = await runImport(['good.txt', seedPath], db.target.url, files);
    expect(run.code).toBe(0);
    const stories = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(stories.map((s) => [s.slug, s.status])).toEqual([
      ['ferry-service-resumes-after-storm', 'draft'],
      ['beijing-inter-korea-liaison-office-a-sign-of-progress', 'unchanged'],
    ]);
  });

  const badInputs: [string, string, RegExp][] = [
    ['a missing file', path.join(files, 'nope.txt'), /nope\.txt: no such file/],
    ['an empty file', empty, /empty\.txt: .*empty/i],
    ['a binary file', binary, /binary\.txt: line 1: the input is not UTF-8 text/],
    ['a story without a headline', noHeadline, /no-headline\.txt: line 1: .*headline/i],
    ['a story without a dateline', noDateline, /no-dateline\.txt: .*dateline/i],
  ];
  for (const [what, file, problem] of badInputs) {
    it(`refuses ${what}, alongside a good file, and writes nothing`, async () => {
      const before = await articleCounts(db);
      const run = await runImport(['--publish', good, file], db.target.url);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(problem);
      expect(run.stderr).toMatch(/nothing was imported/);
      expect(await articleCounts(db)).toEqual(before);
    });
  }

  it('explains its usage when given no file or a bad year', async () => {
    const none = await runImport([], db.target.url);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no FILE given\nusage: npm run import -- \[--publish\] \[--year YYYY\] FILE/);
    const badYear = await runImport(['--year', '18', good], db.target.url);
    expect(badYear.code).toBe(2);
    expect(badYear.stderr).toMatch(/--year must be a four-digit year, got "18"/);
    const unknown = await runImport(['--publsh', good], db.target.url);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--publsh/);
  });
});

describe('npm run import (PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase('postgres');
  });
  afterAll(async () => db?.drop());

  it('imports into Postgres, and a bad file in the run writes nothing', async () => {
    const bad = await runImport(['--publish', good, noDateline], db.target.url);
    expect(bad.code).toBe(1);
    const ok = await runImport(['--publish', seedPath], db.target.url);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ id: 1, status: 'published' });
    expect((await articleCounts(db)).articles).toBe(1);
  });
});
