// The built CMS and reader site on free ports, wired to each other the way `npm start` wires them (and as
// tests/support/newsroom.ts does): a shared random revalidation secret, CMS_URL, WEB_URL, a random Payload secret,
// the database a benchmark names. Nothing from apps/cms/data is read, and port 3000 is never used.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { freePort, waitForHttp } from './http.mjs';
import { groupAlive, startProcess, stopProcess } from './processes.mjs';

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const root = path.resolve(webDir, '..', '..');
export const seedFile = path.resolve(root, '..', 'shared', 'seed', 'upi-inter-korea-liaison-office.txt');
export const SEED_SLUG = 'beijing-inter-korea-liaison-office-a-sign-of-progress';

/** A temp folder, readable by the database and nginx workers, removed when this process exits. */
export function scratchDir(prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The environment of one CMS + site pair. `databaseUrl` is `file:…` (SQLite) or `postgres://…`; on PostgreSQL the demo
 * accounts are seeded too (SEED_DEMO), so an editor can sign in with `password` either way.
 */
export async function newsroomEnv({ dir, databaseUrl = `file:${path.join(dir, 'newsroom.db')}`, password = randomBytes(8).toString('hex'), extra = {} }) {
  const [cmsPort, webPort] = [await freePort(), await freePort()];
  const cms = `http://127.0.0.1:${cmsPort}`;
  const web = `http://localhost:${webPort}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    MEDIA_DIR: path.join(dir, 'media'),
    CMS_PORT: String(cmsPort),
    CMS_URL: cms,
    CMS_PUBLIC_URL: cms,
    PORT: String(webPort),
    WEB_URL: web,
    SITE_URL: web,
    REVALIDATE_SECRET: randomBytes(16).toString('hex'),
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    DEMO_PASSWORD: password,
    CMS_RUN_JOBS: 'false',
    NEXT_TELEMETRY_DISABLED: '1',
    ...(databaseUrl.startsWith('postgres') ? { SEED_DEMO: 'true' } : {}),
    ...extra,
  };
  return { env, cms, web, cmsPort, webPort, password };
}

/** Starts the CMS (`npm run start -w @newsroom/cms`: migrate, seed, serve) and waits until its API answers. */
export async function startCms(env, { logFile, timeoutMs = 180_000 } = {}) {
  const child = startProcess('npm', ['run', 'start', '-w', '@newsroom/cms'], { cwd: root, env, logFile });
  const up = await waitForHttp(`${env.CMS_URL}/api/articles?limit=1`, timeoutMs, () => groupAlive(child.pid));
  if (!up) {
    const why = groupAlive(child.pid) ? `did not answer ${env.CMS_URL} within ${timeoutMs / 1000} s` : `exited before answering ${env.CMS_URL}`;
    await stopProcess(child);
    throw new Error(`the CMS ${why}${logFile ? ` (log: ${logFile})` : ''}`);
  }
  return child;
}

/** Imports the wire seed story, published, with the import CLI (as a newsroom would). */
export function importSeed(env) {
  const imported = spawnSync('npm', ['run', 'import', '--', '--publish', seedFile], { cwd: root, env, encoding: 'utf8' });
  if (imported.status !== 0) throw new Error(`seed import failed: ${imported.stderr}`);
}

/**
 * Like a fresh deploy: no pages or data cached by an earlier run against another database. With `pages: false` only
 * Next's data cache goes; the rendered pages stay cached.
 */
export function clearSiteCache({ pages = true } = {}) {
  const caches = pages ? ['.next/server/route-cache', '.next/cache/fetch-cache'] : ['.next/cache/fetch-cache'];
  for (const cache of caches) rmSync(path.join(webDir, cache), { recursive: true, force: true });
}

/** Starts the reader site (`scripts/serve.mjs`: the front door and `next start`) and waits until it answers. */
export async function startSite(env, { logFile, timeoutMs = 60_000 } = {}) {
  const child = startProcess(process.execPath, [path.join(webDir, 'scripts', 'serve.mjs')], { cwd: webDir, env: { ...env, NODE_ENV: 'production' }, logFile });
  const up = await waitForHttp(`${env.WEB_URL}/robots.txt`, timeoutMs, () => groupAlive(child.pid));
  if (!up) {
    const why = groupAlive(child.pid) ? `did not answer ${env.WEB_URL} within ${timeoutMs / 1000} s` : `exited before answering ${env.WEB_URL}`;
    await stopProcess(child);
    throw new Error(`the site ${why}${logFile ? ` (log: ${logFile})` : ''}`);
  }
  return child;
}

/** Signs a demo account in over REST; returns request headers carrying its token. */
export async function signIn(cms, password, email = 'editor@example.com') {
  const response = await fetch(`${cms}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const login = await response.json();
  if (!login.token) throw new Error(`signing in as ${email} failed: ${response.status}`);
  return { Authorization: `JWT ${login.token}`, 'content-type': 'application/json' };
}

/** Lexical JSON for plain paragraphs, as the CMS stores a body. */
export function lexical(paragraphs) {
  return {
    root: {
      type: 'root',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        direction: 'ltr',
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        version: 1,
        children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
      })),
    },
  };
}
