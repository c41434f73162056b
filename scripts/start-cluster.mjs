// `npm run start:cluster`: on one machine, the topology a newsroom deploys across many (docs/deploy.md):
//
//   :3000  Varnish (xkey surrogate keys, grace)  →  web instances CLUSTER_WEB_PORTS (3100,3101), `next start`
//                                                    sharing Next's cache and tag invalidation through Redis
//   :3001  nginx (round robin, nothing sticky)   →  CMS instances CLUSTER_CMS_PORTS (3201,3202), Payload on
//                                                    PostgreSQL with a streaming replica for reads; jobs run on
//                                                    one instance at a time; media in one shared folder
//
// Everything it starts lives under .cluster/ (data kept between runs) and stops on SIGINT/SIGTERM, leaving no port
// bound. Missing system packages are installed with apt-get when root; otherwise it says what to install.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { matchCacheToDatabase } from '../apps/web/scripts/cache-identity.mjs';
import { freePort, startTemporaryPostgres, withDatabase } from './postgres-server.mjs';
import { Supervisor, waitForHttp } from './supervise.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.join(root, 'apps', 'web');
const cmsDir = path.join(root, 'apps', 'cms');
const state = path.resolve(process.env.CLUSTER_DIR ?? path.join(root, '.cluster'));

const ports = {
  edge: Number(process.env.PORT ?? 3000),
  cms: Number(process.env.CMS_PORT ?? 3001),
  web: list(process.env.CLUSTER_WEB_PORTS, [3100, 3101]),
  cmsInstances: list(process.env.CLUSTER_CMS_PORTS, [3201, 3202]),
};
const publicSite = process.env.WEB_URL ?? `http://localhost:${ports.edge}`;
const publicCms = process.env.CMS_PUBLIC_URL ?? `http://localhost:${ports.cms}`;

function list(value, fallback) {
  if (!value) return fallback;
  const parsed = value.split(',').map((p) => Number(p.trim()));
  if (parsed.some((p) => !Number.isInteger(p) || p <= 0 || p > 65535)) throw new Error(`not a list of ports: ${value}`);
  return parsed;
}

ensureSystemPackages();
// Traversable but not listable: the PostgreSQL, Varnish and nginx workers run as their own users inside it.
mkdirSync(state, { recursive: true, mode: 0o711 });
chmodSync(state, 0o711);

if (process.env.CLUSTER_SKIP_BUILD !== 'true') {
  const build = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@newsroom/cms...', '--filter=@newsroom/web...', '--output-logs=errors-only'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) {
    console.error('start:cluster: the build failed; nothing was started');
    process.exit(build.status ?? 1);
  }
}

const supervisor = new Supervisor({ log: (line) => console.error(`start:cluster: ${line}`) });
const stopExtras = [];
supervisor.onStopped = (code) => {
  for (const stop of stopExtras.reverse()) {
    try {
      stop();
    } catch (error) {
      console.error(`start:cluster: ${error.message}`);
    }
  }
  process.exit(code);
};

// PostgreSQL: a primary and a streaming replica, data kept under .cluster/postgres.
const postgres = await startTemporaryPostgres({ dir: path.join(state, 'postgres'), replica: true, durable: true });
stopExtras.push(() => postgres.stop());
await ensureDatabase(postgres.url, 'newsroom');
const databaseUrl = withDatabase(postgres.url, 'newsroom');
const replicaUrl = withDatabase(postgres.replicaUrl, 'newsroom');

// Redis: Next's shared cache. Nothing to keep: pages re-render from the CMS.
const redisPort = await freePort();
supervisor.start({
  name: 'redis',
  command: 'redis-server',
  args: ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory', '512mb', '--maxmemory-policy', 'allkeys-lru'],
  cwd: state,
});
const redisUrl = `redis://127.0.0.1:${redisPort}`;

const secrets = keptSecrets();
const shared = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  REVALIDATE_SECRET: secrets.revalidate,
  PAYLOAD_SECRET: secrets.payload,
  WEB_URL: publicSite,
  SITE_URL: process.env.SITE_URL ?? publicSite,
  CMS_PUBLIC_URL: publicCms,
};

// CMS instances, one after the other: the first applies migrations and seeds, the second finds them done.
const mediaDir = path.join(state, 'media');
mkdirSync(mediaDir, { recursive: true });
for (const [index, port] of ports.cmsInstances.entries()) {
  const name = `cms-${index + 1}`;
  supervisor.start({
    name,
    command: 'npm',
    args: ['run', 'start', '-w', '@newsroom/cms'],
    cwd: root,
    env: {
      ...shared,
      CMS_PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATABASE_REPLICA_URLS: replicaUrl,
      MEDIA_DIR: mediaDir,
      SEED_DEMO: process.env.SEED_DEMO ?? 'true',
      // Revalidation goes through the edge to any healthy web instance; purges go to the edge.
      WEB_INTERNAL_URL: `http://127.0.0.1:${ports.edge}`,
    },
  });
  if (!(await waitForHttp(`http://127.0.0.1:${port}/api/articles?limit=1&depth=0`, { timeoutMs: 180_000, isAlive: () => !supervisor.stopping }))) {
    console.error(`start:cluster: ${name} did not answer on :${port}`);
    supervisor.stop(1);
    await new Promise(() => {});
  }
}

// nginx: the CMS tier's one address. Passes everything; a request that could not reach an instance goes to the next.
const nginxConf = path.join(state, 'nginx.conf');
writeFileSync(nginxConf, nginxConfig());
supervisor.start({ name: 'nginx', command: 'nginx', args: ['-c', nginxConf, '-p', state, '-g', 'daemon off;'], cwd: state });

// Web instances: plain `next start`, sharing the cache through Redis (under a prefix naming the database the CMS
// serves, so no instance ever reads pages of another database); behind Varnish.
const cacheEnv = { CMS_URL: `http://127.0.0.1:${ports.cms}`, REDIS_URL: 'redis://cluster' };
await matchCacheToDatabase({ webDir, env: cacheEnv });
const nextBin = createRequire(path.join(webDir, 'package.json')).resolve('next/dist/bin/next');
for (const [index, port] of ports.web.entries()) {
  supervisor.start({
    name: `web-${index + 1}`,
    command: process.execPath,
    args: [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    cwd: webDir,
    env: {
      ...shared,
      PORT: String(port),
      CMS_URL: `http://127.0.0.1:${ports.cms}`,
      REDIS_URL: redisUrl,
      CACHE_KEY_PREFIX: cacheEnv.CACHE_KEY_PREFIX ?? 'newsroom',
      // Each instance re-renders on itself what a revalidation names (the result lands in Redis for all).
      WEB_INTERNAL_URL: `http://127.0.0.1:${port}`,
      EDGE_PURGE_URL: `http://127.0.0.1:${ports.edge}/`,
    },
  });
}
for (const port of ports.web) await waitForHttp(`http://127.0.0.1:${port}/robots.txt`, { timeoutMs: 60_000, isAlive: () => !supervisor.stopping });

// Varnish in front of the web tier.
const vcl = path.join(state, 'edge.vcl');
writeFileSync(vcl, varnishConfig());
const varnishAdmin = await freePort();
supervisor.start({
  name: 'varnish',
  command: 'varnishd',
  args: ['-F', '-a', `127.0.0.1:${ports.edge}`, '-T', `127.0.0.1:${varnishAdmin}`, '-f', vcl, '-n', path.join(state, 'varnish'), '-s', 'malloc,256m'],
  cwd: state,
});
await waitForHttp(`http://127.0.0.1:${ports.edge}/robots.txt`, { timeoutMs: 30_000, isAlive: () => !supervisor.stopping });

console.log(`
  Reader site (Varnish):   ${publicSite}            web instances: ${ports.web.map((p) => `:${p}`).join(' ')}
  CMS admin (nginx):       ${publicCms}/admin      CMS instances: ${ports.cmsInstances.map((p) => `:${p}`).join(' ')}
  PostgreSQL:              primary :${postgres.port}, streaming replica :${new URL(postgres.replicaUrl).port} (data in ${path.relative(root, postgres.dir)})
  Redis (Next's cache):    :${redisPort}
  Media (shared folder):   ${path.relative(root, mediaDir)}
  Ctrl-C stops everything.
`);

function nginxConfig() {
  return `worker_processes 1;
pid ${path.join(state, 'nginx.pid')};
error_log ${path.join(state, 'nginx-error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${path.join(state, 'nginx-body')};
  proxy_temp_path ${path.join(state, 'nginx-proxy')};
  fastcgi_temp_path ${path.join(state, 'nginx-fastcgi')};
  uwsgi_temp_path ${path.join(state, 'nginx-uwsgi')};
  scgi_temp_path ${path.join(state, 'nginx-scgi')};
  client_max_body_size 25m;
  upstream cms {
${ports.cmsInstances.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${ports.cms};
    location / {
      proxy_pass http://cms;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      # An instance that refused the connection never saw the request: any method may go to the next one.
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
      proxy_buffering off;
    }
  }
}
`;
}

function varnishConfig() {
  const template = readFileSync(path.join(root, 'scripts', 'cluster', 'varnish.vcl'), 'utf8');
  const backends = ports.web
    .map(
      (port, index) => `backend web${index + 1} {
  .host = "127.0.0.1"; .port = "${port}";
  .connect_timeout = 1s; .first_byte_timeout = 30s; .between_bytes_timeout = 10s;
  .probe = { .url = "/robots.txt"; .interval = 1s; .timeout = 2s; .window = 3; .threshold = 2; .initial = 2; }
}`,
    )
    .join('\n');
  const director = ports.web.map((_, index) => `  web.add_backend(web${index + 1});`).join('\n');
  return template.replace('__BACKENDS__', backends).replace('__DIRECTOR__', director);
}

function keptSecrets() {
  const file = path.join(state, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const made = {
    payload: process.env.PAYLOAD_SECRET ?? randomBytes(32).toString('hex'),
    revalidate: process.env.REVALIDATE_SECRET ?? randomBytes(32).toString('hex'),
  };
  writeFileSync(file, JSON.stringify(made), { mode: 0o600 });
  return made;
}

async function ensureDatabase(url, name) {
  const pg = createRequire(path.join(cmsDir, 'package.json'))('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

function ensureSystemPackages() {
  const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
  const xkey = () => spawnSync('sh', ['-c', 'ls /usr/lib/*/varnish/vmods/libvmod_xkey.so'], { stdio: 'ignore' }).status === 0;
  const missing = [];
  if (!has('varnishd')) missing.push('varnish');
  if (!xkey()) missing.push('varnish-modules');
  if (!has('redis-server')) missing.push('redis-server');
  if (!has('nginx')) missing.push('nginx');
  if (!existsSync('/usr/lib/postgresql')) missing.push('postgresql');
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0 || !has('apt-get')) {
    console.error(`start:cluster needs ${missing.join(', ')}: install with "sudo apt-get install -y ${missing.join(' ')}"`);
    process.exit(1);
  }
  console.log(`start:cluster: installing ${missing.join(', ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0) {
      console.error(`start:cluster: apt-get ${args[0]} failed; install ${missing.join(', ')} by hand`);
      process.exit(1);
    }
  }
}
