import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { matchCacheToDatabase, RECORD_FILE } from './cache-identity.mjs';

/** A CMS that says which database it serves, the way `GET /api/database-identity` does. */
let databaseId = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
let server: Server;
let cmsUrl: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url !== '/api/database-identity') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: databaseId }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The parts of a real `next build` + `next start` .next folder that matter here (names as Next 16 writes them). */
const BUILD_FILES = [
  'BUILD_ID',
  'server/pages/404.html',
  'server/pages/licensing.html',
  'server/pages/_document.js',
  'server/pages/news/[slug].js',
  'server/pages/news/[slug]/build-manifest.json',
  'server/pages/news/[slug].js.nft.json',
  'server/app/sitemap.xml/route.js',
  'server/app/sitemap.xml/route/app-paths-manifest.json',
  'server/app/_not-found.html',
  'server/app/_not-found.rsc',
  'server/app/_not-found.meta',
  'server/app/_not-found.segments/_tree.segment.rsc',
];
/** What Next wrote while serving: pages rendered on demand, data cache entries. */
const RUNTIME_FILES = [
  'server/pages/news/harbor-reopens.html',
  'server/pages/news/harbor-reopens.json',
  'server/pages/front/latest.html',
  'server/pages/front/latest.json',
  'server/pages/section/world.html',
  'cache/fetch-cache/3bed67180536093aad79016a38d7d40819cdfad935a5112b42bc2647319b79d1',
  'cache/fetch-cache/86917f5a36aa0cbe83b268fff94865a55a52b0fd025cc7c179fd89a93bb792ae',
];

let webDir: string;
const distFile = (name: string) => path.join(webDir, '.next', name);
function write(name: string, content = 'x') {
  mkdirSync(path.dirname(distFile(name)), { recursive: true });
  writeFileSync(distFile(name), content);
}
const quiet = () => undefined;
/** An environment with only these variables (Next's types insist on NODE_ENV, which the helper never reads). */
const envOf = (vars: Record<string, string>) => ({ ...vars }) as NodeJS.ProcessEnv;

beforeEach(() => {
  webDir = mkdtempSync(path.join(tmpdir(), 'newsroom-web-'));
  for (const file of [...BUILD_FILES, ...RUNTIME_FILES]) write(file);
  write(
    'server/pages-manifest.json',
    JSON.stringify({ '/_document': 'pages/_document.js', '/404': 'pages/404.html', '/licensing': 'pages/licensing.html', '/news/[slug]': 'pages/news/[slug].js' }),
  );
  write('prerender-manifest.json', JSON.stringify({ version: 4, routes: { '/_not-found': { initialRevalidateSeconds: false } }, dynamicRoutes: {} }));
  databaseId = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
});
afterEach(() => rmSync(webDir, { recursive: true, force: true }));

describe('matchCacheToDatabase', () => {
  it('clears what a cache of unknown origin holds, keeps the build, and records the database', async () => {
    const env = envOf({ CMS_URL: cmsUrl });
    const result = await matchCacheToDatabase({ webDir, env, log: quiet });
    expect(result).toMatchObject({ id: databaseId, cleared: true, deleted: RUNTIME_FILES.length });
    for (const file of RUNTIME_FILES) expect(existsSync(distFile(file)), file).toBe(false);
    for (const file of BUILD_FILES) expect(existsSync(distFile(file)), file).toBe(true);
    expect(readFileSync(distFile(RECORD_FILE), 'utf8').trim()).toBe(databaseId);
    expect(env.NEWSROOM_DATABASE_ID).toBe(databaseId);
  });

  it('keeps the cache across a restart on the same database', async () => {
    await matchCacheToDatabase({ webDir, env: envOf({ CMS_URL: cmsUrl }), log: quiet });
    write('server/pages/news/rendered-since.html');
    write('cache/fetch-cache/0123456789abcdef');
    const again = await matchCacheToDatabase({ webDir, env: envOf({ CMS_URL: cmsUrl }), log: quiet });
    expect(again).toMatchObject({ id: databaseId, cleared: false });
    expect(existsSync(distFile('server/pages/news/rendered-since.html'))).toBe(true);
    expect(existsSync(distFile('cache/fetch-cache/0123456789abcdef'))).toBe(true);
  });

  it('never serves another database’s pages: a new database id clears the cache again', async () => {
    await matchCacheToDatabase({ webDir, env: envOf({ CMS_URL: cmsUrl }), log: quiet });
    write('server/pages/news/from-the-first-database.html');
    write('cache/fetch-cache/sitemap-of-the-first-database');
    databaseId = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
    const lines: string[] = [];
    const result = await matchCacheToDatabase({ webDir, env: envOf({ CMS_URL: cmsUrl }), log: (line) => lines.push(line) });
    expect(result).toMatchObject({ id: databaseId, cleared: true, deleted: 2 });
    expect(existsSync(distFile('server/pages/news/from-the-first-database.html'))).toBe(false);
    expect(existsSync(distFile('cache/fetch-cache/sitemap-of-the-first-database'))).toBe(false);
    expect(readFileSync(distFile(RECORD_FILE), 'utf8').trim()).toBe(databaseId);
    expect(lines.join('\n')).toMatch(/another database/);
  });

  it('starts empty when the CMS does not say which database it serves, and asks again next time', async () => {
    await matchCacheToDatabase({ webDir, env: envOf({ CMS_URL: cmsUrl }), log: quiet });
    write('server/pages/news/unsure.html');
    const result = await matchCacheToDatabase({ webDir, env: envOf({ CMS_URL: 'http://127.0.0.1:9' }), waitMs: 300, log: quiet });
    expect(result).toMatchObject({ id: undefined, cleared: true });
    expect(existsSync(distFile('server/pages/news/unsure.html'))).toBe(false);
    expect(existsSync(distFile(RECORD_FILE))).toBe(false);
  });

  it('with the shared Redis cache, puts the database id into the key prefix and deletes nothing', async () => {
    const env = envOf({ CMS_URL: cmsUrl, REDIS_URL: 'redis://127.0.0.1:6379', CACHE_KEY_PREFIX: 'site-a' });
    const result = await matchCacheToDatabase({ webDir, env, log: quiet });
    expect(result).toMatchObject({ id: databaseId, cleared: false });
    expect(env.CACHE_KEY_PREFIX).toBe(`site-a:${databaseId}`);
    for (const file of RUNTIME_FILES) expect(existsSync(distFile(file)), file).toBe(true);
  });
});
