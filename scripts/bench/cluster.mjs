// `npm run bench:cluster`: one run, three ways of serving the same article page to readers, and what the cluster does
// for them when things change or break:
//
//   1. `npm run start:cluster` (Varnish → two `next start` sharing Redis; nginx → two CMS on PostgreSQL with a
//      replica), on free ports with a temp CLUSTER_DIR and CLUSTER_SKIP_BUILD=true:
//        - publish → visible on the edge and on every web instance (article URL and front page), p95 of --publishes
//        - reader requests/s through Varnish, wrk -t2 -c200 -d30s
//        - reader requests failed while each web instance in turn is SIGKILLed under the same load through the edge
//   2. `npm start`'s two processes (the CMS, then the site's front door `serve.mjs` with `next start`) on a temp
//      SQLite, started as scripts/start.mjs starts them but without its build step: requests/s, same wrk
//   3. nginx serving the edge's bytes of that page from a file (Debian's stock settings): requests/s, same wrk
//
// One stack at a time; everything is stopped and every port freed at the end. Prints a Markdown table.
//
//   npm run bench:cluster [-- --seconds 30 --connections 200 --publishes 20 --kill-seconds 45]
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { freePort, waitForHttp } from '../../apps/web/scripts/bench/lib/http.mjs';
import { logger } from '../../apps/web/scripts/bench/lib/log.mjs';
import { startNginx } from '../../apps/web/scripts/bench/lib/nginx.mjs';
import { lexical, newsroomEnv, scratchDir, signIn, startCms, startSite } from '../../apps/web/scripts/bench/lib/newsroom.mjs';
import { groupAlive, sleep, startProcess, stopAll, stopProcess } from '../../apps/web/scripts/bench/lib/processes.mjs';
import { ensureTools, machine } from '../../apps/web/scripts/bench/lib/tools.mjs';
import { wrk, wrkAsync } from '../../apps/web/scripts/bench/lib/wrk.mjs';
import { publishLatency } from '../../apps/web/scripts/bench/publish-latency.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { log, fail } = logger('bench:cluster');
const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    connections: { type: 'string', default: '200' },
    publishes: { type: 'string', default: '20' },
    'kill-seconds': { type: 'string', default: '45' },
    json: { type: 'string' },
  },
});
const config = {
  seconds: Number(opts.seconds),
  connections: Number(opts.connections),
  publishes: Number(opts.publishes),
  killSeconds: Number(opts['kill-seconds']),
};
for (const [key, value] of Object.entries(config)) if (!Number.isInteger(value) || value <= 0) fail(`--${key} must be a whole number above 0`);
ensureTools(['nginx', 'wrk', ['varnishd', 'varnish'], 'redis-server'], { what: 'npm run bench:cluster', log, fail });
for (const app of ['web', 'cms']) {
  if (!existsSync(path.join(root, 'apps', app, '.next', 'BUILD_ID'))) fail(`apps/${app} is not built: run \`npx turbo run build\` first.`);
}

const dir = scratchDir('newsroom-cluster-bench-');
const load = { threads: 2, connections: config.connections, seconds: config.seconds, timeoutSeconds: 10 };
const results = { date: new Date().toISOString(), machine: machine(), config };
let boundPorts = [];
/** The article page as the edge sent it: what nginx then serves. */
let edgePage;

try {
  results.cluster = await clusterPhase();
  results.single = await singlePhase();
  results.nginx = await nginxPhase(results.cluster.page.slug, edgePage);
} catch (error) {
  await stopAll();
  await leftoverPorts();
  fail(error.stack ?? error.message);
}
await stopAll();
const left = await leftoverPorts();
if (opts.json) writeFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), opts.json), `${JSON.stringify(results, null, 2)}\n`);
console.log(report(results));
if (left.length) fail(`ports still bound after stopping: ${left.join(', ')}`);
process.exit(0);

async function clusterPhase() {
  const ports = { edge: await freePort(), cms: await freePort(), web: [await freePort(), await freePort()], cmsInstances: [await freePort(), await freePort()] };
  boundPorts = [ports.edge, ports.cms, ...ports.web, ...ports.cmsInstances];
  const edge = `http://127.0.0.1:${ports.edge}`;
  const cmsTier = `http://127.0.0.1:${ports.cms}`;
  const instances = ports.web.map((port) => `http://127.0.0.1:${port}`);
  const password = randomBytes(8).toString('hex');
  log('starting the cluster (npm run start:cluster, CLUSTER_SKIP_BUILD=true) …');
  const cluster = startProcess(process.execPath, [path.join(root, 'scripts', 'start-cluster.mjs')], {
    cwd: root,
    logFile: path.join(dir, 'cluster.log'),
    env: {
      ...process.env,
      PORT: String(ports.edge),
      CMS_PORT: String(ports.cms),
      CLUSTER_WEB_PORTS: ports.web.join(','),
      CLUSTER_CMS_PORTS: ports.cmsInstances.join(','),
      CLUSTER_DIR: path.join(dir, 'cluster'),
      CLUSTER_SKIP_BUILD: 'true',
      DEMO_PASSWORD: password,
      SEED_DEMO: 'true',
      WEB_URL: edge,
      CMS_PUBLIC_URL: cmsTier,
      REVALIDATE_SECRET: randomBytes(32).toString('hex'),
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    },
  });
  try {
    if (!(await waitForHttp(`${edge}/robots.txt`, 360_000, () => groupAlive(cluster.pid)))) throw new Error(`the cluster did not answer ${edge} within 6 minutes (log: ${dir}/cluster.log)`);
    const out = {};
    const { slug, page } = await publishStory(cmsTier, edge, password);
    out.page = { slug, bytes: page.length };
    edgePage = page;

    log(`publish → visible on the edge and both web instances, ${config.publishes} publishes …`);
    out.publish = await attempt(async () => summarize(await publishLatency({ cms: cmsTier, sites: [edge, ...instances], password, count: config.publishes })));

    const url = `${edge}/news/${slug}`;
    log(`wrk through Varnish, ${config.connections} connections, ${config.seconds} s …`);
    wrk(url, { ...load, seconds: 3 });
    out.throughput = await attempt(() => pick(wrk(url, load)));

    log(`killing each web instance in turn (SIGKILL) under ${config.connections} connections through the edge, ${config.killSeconds} s …`);
    out.kills = await attempt(() => killInstances(url, ports.web));
    return out;
  } finally {
    log('stopping the cluster …');
    // start-cluster.mjs stops its services (each in a process group of its own) and PostgreSQL on SIGTERM.
    await stopProcess(cluster, 60_000);
  }
}

async function singlePhase() {
  const stackDir = path.join(dir, 'single');
  mkdirSync(stackDir, { recursive: true });
  const { env, cms, web, webPort, cmsPort, password } = await newsroomEnv({ dir: stackDir });
  boundPorts = [webPort, cmsPort];
  log('starting npm start’s CMS and site on a fresh SQLite database …');
  const cmsChild = await startCms(env, { logFile: path.join(stackDir, 'cms.log') });
  const site = await startSite(env, { logFile: path.join(stackDir, 'site.log') });
  try {
    const { slug, page } = await publishStory(cms, web, password);
    const url = `http://127.0.0.1:${webPort}/news/${slug}`;
    log(`wrk on the single site, ${config.connections} connections, ${config.seconds} s …`);
    wrk(url, { ...load, seconds: 3 });
    return { page: { slug, bytes: page.length }, throughput: pick(wrk(url, load)) };
  } finally {
    await stopProcess(site);
    await stopProcess(cmsChild);
  }
}

async function nginxPhase(slug, body) {
  const nginxDir = path.join(dir, 'nginx');
  mkdirSync(path.join(nginxDir, 'www', 'news'), { recursive: true });
  writeFileSync(path.join(nginxDir, 'www', 'news', slug), body);
  const port = await freePort();
  boundPorts = [port];
  const nginx = startNginx(nginxDir, port, path.join(nginxDir, 'www'));
  try {
    const url = `http://127.0.0.1:${port}/news/${slug}`;
    if (!(await waitForHttp(url, 10_000))) throw new Error(`nginx did not answer ${url}`);
    log(`wrk on nginx serving the same bytes, ${config.connections} connections, ${config.seconds} s …`);
    wrk(url, { ...load, seconds: 3 });
    return { throughput: pick(wrk(url, load)) };
  } finally {
    await stopProcess(nginx);
  }
}

/** Publishes a story as the editor and waits until `site` serves it; returns its slug and the page's bytes. */
async function publishStory(cms, site, password) {
  const auth = await signIn(cms, password);
  const headline = `Readers at scale ${randomBytes(3).toString('hex')}`;
  const paragraphs = Array.from({ length: 8 }, (_, i) => `Paragraph ${i + 1} of the story readers load, with enough words to weigh what an article weighs.`);
  const response = await fetch(`${cms}/api/articles?depth=0`, { method: 'POST', headers: auth, body: JSON.stringify({ headline, _status: 'published', body: lexical(paragraphs) }) });
  if (!response.ok) throw new Error(`publishing failed: ${response.status} ${await response.text()}`);
  const { slug } = (await response.json()).doc;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const page = await fetch(`${site}/news/${slug}`, { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await page.arrayBuffer());
    if (page.status === 200 && body.includes(headline)) {
      // Once more, so what is saved is the cached answer readers get.
      const again = await fetch(`${site}/news/${slug}`, { headers: { 'accept-encoding': 'identity' } });
      return { slug, page: Buffer.from(await again.arrayBuffer()) };
    }
    await sleep(200);
  }
  throw new Error(`${site}/news/${slug} did not show the story within 30 s`);
}

/** wrk through the edge while each web instance is SIGKILLed in turn, once the one before is serving again. */
async function killInstances(url, webPorts) {
  const running = wrkAsync(url, { ...load, seconds: config.killSeconds });
  const started = performance.now();
  await sleep(5000);
  const kills = [];
  for (const port of webPorts) {
    const pid = listeningPid(port);
    const at = (performance.now() - started) / 1000;
    process.kill(pid, 'SIGKILL');
    const killedAt = performance.now();
    const back = await waitForHttp(`http://127.0.0.1:${port}/robots.txt`, 60_000);
    kills.push({ port, atSeconds: round(at), backAfterSeconds: back ? round((performance.now() - killedAt) / 1000) : null });
    // Varnish's probe (every second, 2 good of the last 3) takes the instance back before the next one goes.
    await sleep(3000);
  }
  const endedKillsAt = (performance.now() - started) / 1000;
  const result = pick(await running);
  return { ...result, kills, killsDoneWithinLoad: endedKillsAt < config.killSeconds };
}

/** One measurement: its figures, or `{ error }` — reported in its cell, and the run goes on with the others. */
async function attempt(measure) {
  try {
    return await measure();
  } catch (error) {
    log(`  failed: ${error.message}`);
    return { error: error.message.split('\n')[0] };
  }
}

function pick({ rps, requests, errors, non2xx, socketErrors, p99 }) {
  return { rps, requests, errors, non2xx, socketErrors, p99 };
}

function summarize(p) {
  return { count: p.samples.length, p50: p.p50, p95: p.p95, max: p.max, saveP50: p.saveP50 };
}

/** The pid of the process listening on a loopback TCP port (the server itself, not its parent). */
function listeningPid(port) {
  const out = execFileSync('ss', ['-Htlnp', `sport = :${port}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`nothing listens on :${port}`);
  return Number(pid);
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Ports of the last phase still bound after everything was stopped (waits up to 15 s for them to free). */
async function leftoverPorts() {
  const deadline = Date.now() + 15_000;
  let bound = boundPorts;
  while (Date.now() < deadline) {
    const free = await Promise.all(bound.map(portIsFree));
    bound = bound.filter((_, i) => !free[i]);
    if (bound.length === 0) return [];
    await sleep(250);
  }
  return bound;
}

function report(r) {
  const c = r.cluster;
  const nginxRps = r.nginx.throughput.rps;
  const row = (label, t, bytes) =>
    t.error
      ? `| ${label} | failed: ${t.error} | | | ${bytes.toLocaleString('en-US')} B | |`
      : `| ${label} | ${t.rps} | ${t.p99 ?? '—'} | ${t.socketErrors} / ${t.non2xx} | ${bytes.toLocaleString('en-US')} B | ${(t.rps / nginxRps).toFixed(3)} |`;
  const publish = c.publish.error
    ? `failed: ${c.publish.error}`
    : `p50 ${c.publish.p50} ms, p95 **${c.publish.p95} ms**, max ${c.publish.max} ms (the save itself: p50 ${c.publish.saveP50} ms)`;
  const k = c.kills;
  const kills = k.error
    ? `failed: ${k.error}`
    : `**${k.socketErrors + k.non2xx} failed** of ${k.requests.toLocaleString('en-US')} (${k.socketErrors} socket errors, ${k.non2xx} non-2xx), ${k.rps} req/s; ` +
      k.kills.map((x, i) => `web-${i + 1} killed at ${x.atSeconds} s, serving again after ${x.backAfterSeconds ?? '> 60'} s`).join('; ') +
      (k.killsDoneWithinLoad ? '' : ' (the kills outlasted the load)');
  return `### Cluster — ${r.date.slice(0, 10)} (${r.machine.cpus} cores, ${r.machine.cpuModel}, Node ${r.machine.node}, load ${r.machine.load} at start; one run)

| article page, wrk -t2 -c${r.config.connections} -d${r.config.seconds}s | req/s | p99 | errors (socket / non-2xx) | page | ÷ nginx |
| --- | ---: | ---: | ---: | ---: | ---: |
${row('`npm run start:cluster`: Varnish → 2 × `next start` (Redis-shared cache)', c.throughput, c.page.bytes)}
${row('`npm start`: the front door (`serve.mjs`) → `next start`, SQLite', r.single.throughput, r.single.page.bytes)}
${row('nginx, the edge’s bytes from a file (Debian config)', r.nginx.throughput, c.page.bytes)}

| cluster | figures |
| --- | --- |
| publish → visible on the edge and both web instances (article URL and front page), ${r.config.publishes} publishes | ${publish} |
| each web instance SIGKILLed in turn under wrk -c${r.config.connections} -d${r.config.killSeconds}s through the edge | ${kills} |`;
}

function round(n) {
  return Math.round(n * 10) / 10;
}
