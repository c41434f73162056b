// Keys the reader site's caches to the database they were filled from (docs/adr/0015). Next keeps its data cache
// (`unstable_cache`: sitemaps, feeds, widget JSON) in .next/cache/fetch-cache and the pages it rendered on demand in
// .next/server — both outlive a restart, and neither knows which database its content came from. Pointed at another
// database (a new DATABASE_URL, a restored backup, staging after production), the site would go on serving the old
// one's pages and sitemaps until their timers ran out.
//
// So at start, before Next runs, the site asks the CMS which database it serves (`GET /api/database-identity`, a
// random id written into each database when it is created) and compares it with the id recorded beside the cache:
//   - the same: the cache stays;
//   - another, no record, or no answer from the CMS in time: the data cache and every page Next rendered on demand are
//     deleted (the build's own files stay), and the new id is recorded. Without an answer nothing is recorded, so the
//     next start asks again: a site that cannot tell which database it serves starts empty rather than risk serving
//     another's pages.
// With a shared cache in Redis (REDIS_URL, cache-handler.mjs) nothing is on disk to delete: the database id becomes
// part of the cache's key prefix (CACHE_KEY_PREFIX), so each database's entries are apart and the old ones expire.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const IDENTITY_PATH = '/api/database-identity';
export const RECORD_FILE = path.join('cache', 'newsroom-database-id');

/** Files Next writes for a page or route it rendered at run time (and rewrites when it revalidates one). */
const RENDERED = /\.(html|json|rsc|meta|body)$/;

/**
 * Asks the CMS for its database id, retrying until `waitMs` has passed. Undefined when it never answered with one.
 * @param {{ cmsUrl: string, waitMs?: number, intervalMs?: number, fetchImpl?: typeof fetch }} options
 * @returns {Promise<string | undefined>}
 */
export async function fetchDatabaseId({ cmsUrl, waitMs = 30_000, intervalMs = 500, fetchImpl = fetch }) {
  const url = `${cmsUrl.replace(/\/+$/, '')}${IDENTITY_PATH}`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const response = await fetchImpl(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(3000) });
      if (response.ok) {
        const body = await response.json();
        if (body && typeof body.id === 'string' && /^[\w-]{8,128}$/.test(body.id)) return body.id;
      }
    } catch {
      // Not up yet, or not answering: try again until the deadline.
    }
    if (Date.now() + intervalMs > deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Deletes what Next cached at run time under `distDir` (.next): the data cache, and the pages and route output it
 * rendered on demand. What the build wrote — code, manifests, pages prerendered without data — stays.
 * @param {string} distDir
 * @returns {number} how many files were deleted
 */
export function clearRuntimeCaches(distDir) {
  let deleted = 0;
  const fetchCache = path.join(distDir, 'cache', 'fetch-cache');
  if (existsSync(fetchCache)) {
    deleted += countFiles(fetchCache);
    rmSync(fetchCache, { recursive: true, force: true });
  }
  const keep = buildOutputs(distDir);
  for (const root of ['pages', 'app']) {
    const dir = path.join(distDir, 'server', root);
    if (!existsSync(dir)) continue;
    for (const file of walk(dir)) {
      const relative = path.relative(path.join(distDir, 'server'), file).split(path.sep).join('/');
      // Build files: code, source maps, manifests, and anything inside a dynamic route's own folder ([slug]/…).
      if (!RENDERED.test(file) || /manifest|\.nft\.json$/.test(file) || relative.includes('[')) continue;
      if (keep.has(relative) || [...keep].some((kept) => kept.endsWith('/') && relative.startsWith(kept))) continue;
      rmSync(file, { force: true });
      deleted++;
    }
  }
  return deleted;
}

/** Files the build wrote that look like rendered output: statically prerendered pages (no data, never revalidated). */
function buildOutputs(distDir) {
  const keep = new Set();
  const pagesManifest = readJson(path.join(distDir, 'server', 'pages-manifest.json')) ?? {};
  for (const file of Object.values(pagesManifest)) if (typeof file === 'string') keep.add(file);
  const prerender = readJson(path.join(distDir, 'prerender-manifest.json'));
  for (const [route, info] of Object.entries(prerender?.routes ?? {})) {
    // A route prerendered with a revalidate time was filled from the CMS: it goes with the rest.
    if (info && info.initialRevalidateSeconds !== false) continue;
    const name = route === '/' ? '/index' : route;
    for (const dir of ['pages', 'app']) {
      for (const ext of ['.html', '.json', '.rsc', '.meta', '.body']) keep.add(`${dir}${name}${ext}`);
      keep.add(`${dir}${name}.segments/`);
    }
  }
  return keep;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

function countFiles(dir) {
  let n = 0;
  for (const file of walk(dir)) if (statSync(file).isFile()) n++;
  return n;
}

/**
 * Makes the caches under `webDir/.next` belong to the database the CMS serves now (see the top of this file).
 * Sets `NEWSROOM_DATABASE_ID` (and, with Redis, extends `CACHE_KEY_PREFIX`) in `env` for the Next process to inherit.
 * @param {{ webDir: string, cmsUrl?: string, env?: NodeJS.ProcessEnv, waitMs?: number, fetchImpl?: typeof fetch, log?: (line: string) => void }} options
 * @returns {Promise<{ id: string | undefined, cleared: boolean, deleted: number }>}
 */
export async function matchCacheToDatabase({
  webDir,
  env = process.env,
  cmsUrl = env.CMS_URL ?? 'http://127.0.0.1:3001',
  waitMs = Number(env.CACHE_IDENTITY_WAIT_MS ?? 30_000),
  fetchImpl = fetch,
  log = (line) => console.log(line),
}) {
  const id = await fetchDatabaseId({ cmsUrl, waitMs, fetchImpl });
  if (id) env.NEWSROOM_DATABASE_ID = id;
  if (env.REDIS_URL) {
    if (id) env.CACHE_KEY_PREFIX = `${env.CACHE_KEY_PREFIX ?? 'newsroom'}:${id}`;
    else log('cache: the CMS did not say which database it serves; the shared cache is used under its plain prefix');
    return { id, cleared: false, deleted: 0 };
  }
  const distDir = path.join(webDir, '.next');
  const recordFile = path.join(distDir, RECORD_FILE);
  const recorded = readRecord(recordFile);
  if (id && recorded === id) return { id, cleared: false, deleted: 0 };
  const deleted = existsSync(distDir) ? clearRuntimeCaches(distDir) : 0;
  if (id) {
    mkdirSync(path.dirname(recordFile), { recursive: true });
    writeFileSync(recordFile, `${id}\n`);
  } else {
    rmSync(recordFile, { force: true });
  }
  log(
    id
      ? `cache: ${recorded ? 'the CMS serves another database' : 'no record of the cache’s database'}; cleared ${deleted} cached files`
      : `cache: the CMS did not say which database it serves within ${waitMs} ms; cleared ${deleted} cached files`,
  );
  return { id, cleared: true, deleted };
}

function readRecord(file) {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
