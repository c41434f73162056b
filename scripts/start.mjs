// `npm start`: builds the CMS and the reader site (turbo, cached), starts the CMS (which migrates, seeds and prints
// the demo logins), waits until its API answers, then starts the site on PORT (default 3000) and prints both URLs.
// Each is restarted with backoff if it dies; Ctrl-C or SIGTERM stops both. With WIRE_DROP_DIR set, a third process
// watches that folder and imports every wire file that lands in it (`npm run ingest`; WIRE_DROP_PUBLISH=false: drafts).
//
// The site and the CMS share a revalidation secret: REVALIDATE_SECRET, else a random one kept in
// apps/cms/data/revalidate-secret (made once), which the CMS — and `npm run import` — also read.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Supervisor, waitForHttp } from './supervise.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.join(root, 'apps', 'web');

const cmsPort = Number(process.env.CMS_PORT ?? 3001);
const cmsUrl = process.env.CMS_URL ?? `http://127.0.0.1:${cmsPort}`;
const port = await choosePort();
const webUrl = process.env.WEB_URL ?? `http://localhost:${port}`;
const secret = revalidateSecret();

const env = {
  ...process.env,
  CMS_PORT: String(cmsPort),
  CMS_URL: cmsUrl,
  CMS_PUBLIC_URL: process.env.CMS_PUBLIC_URL ?? `http://localhost:${cmsPort}`,
  PORT: String(port),
  WEB_URL: webUrl,
  // The CMS calls the site on the loopback interface, whatever public name the site has.
  WEB_INTERNAL_URL: process.env.WEB_INTERNAL_URL ?? `http://127.0.0.1:${port}`,
  REVALIDATE_SECRET: secret,
  NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1',
};

const build = spawnSync(
  'npx',
  ['turbo', 'run', 'build', '--filter=@newsroom/cms...', '--filter=@newsroom/web...', '--output-logs=errors-only'],
  { cwd: root, stdio: 'inherit', env },
);
if (build.status !== 0) {
  console.error('npm start: the build failed; nothing was started');
  process.exit(build.status ?? 1);
}

// Each app is supervised: if one dies it is restarted with backoff, and the other keeps serving meanwhile — readers
// of cached pages never notice the CMS restarting. Ctrl-C or SIGTERM stops both.
const supervisor = new Supervisor({ log: (line) => console.error(`npm start: the ${line}`) });

supervisor.start({ name: 'CMS', command: 'npm', args: ['run', 'start', '-w', '@newsroom/cms'], cwd: root, env });
await waitFor(`${cmsUrl}/api/articles?limit=1&depth=0`, 'CMS', 180_000, 'the CMS');

supervisor.start({
  name: 'reader site',
  command: process.execPath,
  args: [path.join(webDir, 'scripts', 'serve.mjs')],
  cwd: webDir,
  env: { ...env, NODE_ENV: 'production' },
});
await waitFor(`http://127.0.0.1:${port}/robots.txt`, 'reader site', 60_000, 'the reader site');

// WIRE_DROP_DIR: a drop folder agencies' files land in (npm run ingest), imported and published as they arrive.
const dropDir = process.env.WIRE_DROP_DIR?.trim();
if (dropDir) {
  const dir = path.resolve(process.env.INIT_CWD ?? root, dropDir);
  supervisor.start({
    name: 'wire drop folder',
    command: 'npm',
    args: ['run', 'ingest', '--silent', '-w', '@newsroom/cms', '--', '--watch', dir, ...(process.env.WIRE_DROP_PUBLISH === 'false' ? [] : ['--publish'])],
    cwd: root,
    env: { ...env, INIT_CWD: root },
  });
}

console.log(`
  Reader site: ${webUrl}
  CMS admin:   http://localhost:${cmsPort}/admin   (REST API: http://localhost:${cmsPort}/api)
${dropDir ? `  Wire drop folder: ${path.resolve(process.env.INIT_CWD ?? root, dropDir)} (files are imported and published as they land)\n` : ''}  Ctrl-C stops both.
`);

async function waitFor(url, name, timeoutMs, what) {
  const answered = await waitForHttp(url, { timeoutMs, isAlive: () => !supervisor.stopping });
  if (answered || supervisor.stopping) return;
  console.error(`npm start: ${what} did not answer ${url} within ${timeoutMs / 1000} s`);
  supervisor.stop(1);
}

/** PORT when set; else 3000, or — when 3000 is taken — any free port, said out loud. */
async function choosePort() {
  if (process.env.PORT) return Number(process.env.PORT);
  if (await isFree(3000)) return 3000;
  const free = await new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port: found } = server.address();
      server.close(() => resolve(found));
    });
  });
  console.warn(`npm start: port 3000 is in use; the reader site will listen on ${free} (set PORT to choose)`);
  return free;
}

function isFree(candidate) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(candidate, () => server.close(() => resolve(true)));
  });
}

function revalidateSecret() {
  if (process.env.REVALIDATE_SECRET?.trim()) return process.env.REVALIDATE_SECRET.trim();
  const dir = path.join(root, 'apps', 'cms', 'data');
  const file = path.join(dir, 'revalidate-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dir, { recursive: true });
    const made = randomBytes(32).toString('hex');
    try {
      writeFileSync(file, made, { flag: 'wx', mode: 0o600 });
      return made;
    } catch {
      return readFileSync(file, 'utf8').trim();
    }
  }
}
