// `npm run bench` (apps/web): the reader site against its budgets, side by side in one run, on a fresh SQLite
// database with the wire seed imported. Prints a Markdown report (paste it into BENCHMARKS.md) and writes the raw
// figures to bench/last-run.json.
//
//   1. Lighthouse 12.2.3, mobile, on the seed article (median of 3 runs by performance)        budget 100/100/100/100,
//                                                                                             CLS 0, LCP ≤ 1.2 s, TBT ≤ 50 ms
//   2. JavaScript the seed article page loads, every script Lighthouse saw it fetch
//      (gzip -9 and brotli, as a browser downloads it)                                         budget ≤ 30 KB gzip
//   3. Requests/s at 50 connections (wrk), the cached article page vs nginx serving the same bytes   aim ≥ 0.07 of nginx
//   4. Publish-to-visible latency over 20 publishes (article URL and front page)               budget p95 ≤ 1 s
//
// Needs nginx and wrk: installed with apt-get when missing and running as root, else it stops with one line.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(webDir, '..', '..');
const seedFile = path.resolve(root, '..', 'shared', 'seed', 'upi-inter-korea-liaison-office.txt');
const SEED_SLUG = 'beijing-inter-korea-liaison-office-a-sign-of-progress';
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 20);

ensureTools();
if (!existsSync(path.join(webDir, '.next', 'BUILD_ID'))) fail('apps/web is not built: run `npx turbo run build` first (turbo run bench does).');
if (!existsSync(chromePath)) fail(`Chromium not found at ${chromePath}: install it (apt-get install chromium) or set CHROME_PATH.`);

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'));
chmodSync(dir, 0o755);
const children = [];
process.on('exit', () => {
  for (const child of children) killGroup(child);
  rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const [cmsPort, webPort, nginxPort] = [await freePort(), await freePort(), await freePort()];
const cms = `http://127.0.0.1:${cmsPort}`;
const web = `http://localhost:${webPort}`;
const password = randomBytes(8).toString('hex');
const env = {
  ...process.env,
  DATABASE_URL: `file:${path.join(dir, 'newsroom.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  CMS_PORT: String(cmsPort),
  CMS_URL: cms,
  CMS_PUBLIC_URL: cms,
  PORT: String(webPort),
  WEB_URL: web,
  SITE_URL: web,
  REVALIDATE_SECRET: randomBytes(16).toString('hex'),
  DEMO_PASSWORD: password,
  CMS_RUN_JOBS: 'false',
  NEXT_TELEMETRY_DISABLED: '1',
};

log('starting the CMS on a fresh SQLite database …');
start('npm', ['run', 'start', '-w', '@newsroom/cms'], root, env);
await waitFor(`${cms}/api/articles?limit=1`, 180_000);
const imported = spawnSync('npm', ['run', 'import', '--', '--publish', seedFile], { cwd: root, env, encoding: 'utf8' });
if (imported.status !== 0) fail(`seed import failed: ${imported.stderr}`);
for (const cache of ['.next/server/route-cache', '.next/cache/fetch-cache']) rmSync(path.join(webDir, cache), { recursive: true, force: true });
log('starting the site …');
start(process.execPath, [path.join(webDir, 'scripts', 'serve.mjs')], webDir, { ...env, NODE_ENV: 'production' });
await waitFor(`${web}/robots.txt`, 60_000);

const articleUrl = `${web}/news/${SEED_SLUG}`;
for (let i = 0; i < 3; i++) await fetch(articleUrl).then((r) => r.text());
const results = { date: new Date().toISOString(), machine: machine() };

// 1. Lighthouse (its network log also names every script the page loads, static or imported later).
log(`Lighthouse, mobile, ${LIGHTHOUSE_RUNS} runs …`);
results.lighthouse = await lighthouseRuns(articleUrl, LIGHTHOUSE_RUNS);

// 2. JavaScript on the article page: every script the browser fetched, compressed as a browser downloads it.
log('measuring the JavaScript the article page loads …');
const html = await (await fetch(articleUrl)).text();
const scripts = results.lighthouse.median.scripts;
const js = [];
for (const src of scripts) {
  const body = Buffer.from(await (await fetch(new URL(src, web))).arrayBuffer());
  js.push({ src: new URL(src, web).pathname, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli: brotli(body) });
}
const htmlBytes = Buffer.from(html);
results.javascript = {
  scripts: js,
  totalGzip: sum(js.map((s) => s.gzip)),
  totalBrotli: sum(js.map((s) => s.brotli)),
  transferred: results.lighthouse.median.scriptTransferBytes,
  frameworkScripts: scripts.filter((src) => src.includes('/_next/')).length,
  scriptTags: [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].length,
  html: { bytes: htmlBytes.length, gzip: gzipSync(htmlBytes, { level: 9 }).length },
};

// 3. Throughput against nginx serving the same bytes.
log(`wrk, 50 connections, ${seconds} s per run, nginx and Next alternately …`);
const www = path.join(dir, 'www', 'news');
mkdirSync(www, { recursive: true });
const cachedBody = Buffer.from(await (await fetch(articleUrl, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
writeFileSync(path.join(www, SEED_SLUG), cachedBody);
startNginx(nginxPort, path.join(dir, 'www'));
const nginxUrl = `http://127.0.0.1:${nginxPort}/news/${SEED_SLUG}`;
await waitFor(nginxUrl, 10_000);
const nginxBody = Buffer.from(await (await fetch(nginxUrl)).arrayBuffer());
if (!nginxBody.equals(cachedBody)) fail('nginx does not serve the same bytes as the site');
const nextUrl = `http://127.0.0.1:${webPort}/news/${SEED_SLUG}`;
wrk(nginxUrl, 3);
wrk(nextUrl, 3);
const rounds = [];
for (let round = 0; round < 2; round++) rounds.push({ nginx: wrk(nginxUrl, seconds), next: wrk(nextUrl, seconds) });
const best = (key) => rounds.map((r) => r[key]).sort((a, b) => b.rps - a.rps)[0];
results.throughput = {
  bytes: cachedBody.length,
  cacheControl: (await fetch(nextUrl)).headers.get('cache-control'),
  rounds,
  nginx: best('nginx'),
  next: best('next'),
};
results.throughput.ratio = results.throughput.next.rps / results.throughput.nginx.rps;

// 4. Publish to visible.
log(`publish-to-visible, ${PUBLISHES} publishes …`);
results.publish = await publishLatency(PUBLISHES);

mkdirSync(path.join(webDir, 'bench'), { recursive: true });
writeFileSync(path.join(webDir, 'bench', 'last-run.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${report(results)}`);
process.exit(0);

// ---------------------------------------------------------------------------------------------------------------

async function lighthouseRuns(url, runs) {
  const require = createRequire(path.join(webDir, 'package.json'));
  const { default: lighthouse } = await import(require.resolve('lighthouse'));
  const chromeLauncher = await import(createRequire(require.resolve('lighthouse')).resolve('chrome-launcher'));
  const all = [];
  for (let run = 0; run < runs; run++) {
    const chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
      const audit = (id) => lhr.audits[id]?.numericValue;
      const requests = lhr.audits['network-requests']?.details?.items ?? [];
      const scriptRequests = requests.filter((item) => item.resourceType === 'Script');
      all.push({
        performance: Math.round(lhr.categories.performance.score * 100),
        accessibility: Math.round(lhr.categories.accessibility.score * 100),
        bestPractices: Math.round(lhr.categories['best-practices'].score * 100),
        seo: Math.round(lhr.categories.seo.score * 100),
        lcpMs: Math.round(audit('largest-contentful-paint')),
        fcpMs: Math.round(audit('first-contentful-paint')),
        tbtMs: Math.round(audit('total-blocking-time')),
        cls: Number(audit('cumulative-layout-shift').toFixed(3)),
        siMs: Math.round(audit('speed-index')),
        totalBytes: audit('total-byte-weight'),
        failed: Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
          .map((a) => a.id),
        scripts: scriptRequests.map((item) => item.url),
        scriptTransferBytes: sum(scriptRequests.map((item) => item.transferSize ?? 0)),
        formFactor: lhr.configSettings.formFactor,
        lighthouseVersion: lhr.lighthouseVersion,
      });
    } finally {
      await chrome.kill();
    }
  }
  const sorted = [...all].sort((a, b) => a.performance - b.performance || b.lcpMs - a.lcpMs);
  return { runs: all, median: sorted[Math.floor(sorted.length / 2)] };
}

async function publishLatency(count) {
  const login = await (await fetch(`${cms}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@example.com', password }),
  })).json();
  const auth = { Authorization: `JWT ${login.token}`, 'content-type': 'application/json' };
  const samples = [];
  for (let i = 1; i <= count; i++) {
    const headline = `Bench story ${i} ${randomBytes(3).toString('hex')}`;
    const created = await (await fetch(`${cms}/api/articles?depth=0&draft=true`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ headline, _status: 'draft', body: lexical([`${headline} first paragraph.`, 'Second paragraph.']) }),
    })).json();
    const { id, slug } = created.doc;
    // Cache what the publish must replace: the story's 404 and the front page.
    await fetch(`${web}/news/${slug}`).then((r) => r.text());
    await fetch(`${web}/`).then((r) => r.text());
    const started = performance.now();
    const patched = await fetch(`${cms}/api/articles/${id}?depth=0`, { method: 'PATCH', headers: auth, body: JSON.stringify({ _status: 'published' }) });
    if (!patched.ok) fail(`publishing failed: ${patched.status} ${await patched.text()}`);
    const saved = performance.now() - started;
    let article = 0;
    let front = 0;
    while (performance.now() - started < 15_000 && (!article || !front)) {
      const [a, f] = await Promise.all([fetch(`${web}/news/${slug}`).then((r) => r.text()), fetch(`${web}/`).then((r) => r.text())]);
      const now = performance.now() - started;
      if (!article && a.includes(`<h1>${headline}</h1>`)) article = now;
      if (!front && f.includes(`headline="${headline}"`)) front = now;
      if (!article || !front) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (!article || !front) fail(`story ${i} was not visible after 15 s`);
    samples.push({ saveMs: Math.round(saved), articleMs: Math.round(article), frontMs: Math.round(front), visibleMs: Math.round(Math.max(article, front)) });
  }
  const visible = samples.map((s) => s.visibleMs).sort((a, b) => a - b);
  return { samples, p50: percentile(visible, 0.5), p95: percentile(visible, 0.95), max: visible.at(-1), saveP50: percentile(samples.map((s) => s.saveMs).sort((a, b) => a - b), 0.5) };
}

function wrk(url, duration) {
  const out = execFileSync('wrk', ['-t2', '-c50', `-d${duration}s`, '--latency', url], { encoding: 'utf8' });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = non2xx + (socket ? sum(socket.slice(1).map(Number)) : 0);
  const p99 = /\s99%\s+([\d.]+\w+)/.exec(out)?.[1];
  return { rps: Math.round(rps), errors, p99 };
}

/** nginx as Debian ships it (/etc/nginx/nginx.conf: access log on, sendfile, gzip), serving one file as text/html. */
function startNginx(port, rootDir) {
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log;
events { worker_connections 768; }
http {
  sendfile on;
  tcp_nopush on;
  types_hash_max_size 2048;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/nginx-access.log;
  gzip on;
  client_body_temp_path ${dir}/nginx-body;
  proxy_temp_path ${dir}/nginx-proxy;
  fastcgi_temp_path ${dir}/nginx-fastcgi;
  uwsgi_temp_path ${dir}/nginx-uwsgi;
  scgi_temp_path ${dir}/nginx-scgi;
  server {
    listen 127.0.0.1:${port};
    root ${rootDir};
    location /news/ { default_type text/html; }
  }
}
`,
  );
  start('nginx', ['-c', conf, '-e', path.join(dir, 'nginx-error.log')], dir, process.env);
}

function report(r) {
  const lh = r.lighthouse.median;
  const pass = (ok) => (ok ? 'yes' : '**no**');
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  return `### Reader site — ${r.date.slice(0, 10)} (${r.machine.cpus} cores, Node ${r.machine.node}, load ${r.machine.load} at start)

| measure | budget | measured | met |
|---|---|---|---|
| JavaScript on the article page (gzip -9, every script loaded) | ≤ 30 KB | ${kb(r.javascript.totalGzip)} in ${r.javascript.scripts.length} file(s) from ${r.javascript.scriptTags} script tag(s), ${r.javascript.frameworkScripts} framework scripts (brotli ${kb(r.javascript.totalBrotli)}; ${kb(r.javascript.transferred)} transferred) | ${pass(r.javascript.totalGzip <= 30 * 1024 && r.javascript.frameworkScripts === 0)} |
| Lighthouse mobile: performance / accessibility / best practices / SEO | 100 each | ${lh.performance} / ${lh.accessibility} / ${lh.bestPractices} / ${lh.seo} | ${pass(lh.performance === 100 && lh.accessibility === 100 && lh.bestPractices === 100 && lh.seo === 100)} |
| LCP / TBT / CLS | ≤ 1.2 s / ≤ 50 ms / 0 | ${(lh.lcpMs / 1000).toFixed(2)} s / ${lh.tbtMs} ms / ${lh.cls.toFixed(3)} | ${pass(lh.lcpMs <= 1200 && lh.tbtMs <= 50 && lh.cls === 0)} |
| cached article page, 50 connections (wrk -t2 -c50, best of 2 × ${seconds} s each) | ≥ 0.07 × nginx (Debian config), 0 errors | ${r.throughput.next.rps} req/s vs nginx ${r.throughput.nginx.rps} req/s = **${r.throughput.ratio.toFixed(3)}**, errors ${r.throughput.next.errors} | ${pass(r.throughput.ratio >= 0.07 && r.throughput.next.errors === 0)} |
| publish → visible (article URL and front page), ${r.publish.samples.length} publishes | p95 ≤ 1 s | p50 ${r.publish.p50} ms, p95 **${r.publish.p95} ms**, max ${r.publish.max} ms (the CMS save itself: p50 ${r.publish.saveP50} ms) | ${pass(r.publish.p95 <= 1000)} |

Lighthouse runs (performance, LCP, TBT, CLS): ${r.lighthouse.runs.map((x) => `${x.performance} · ${(x.lcpMs / 1000).toFixed(2)} s · ${x.tbtMs} ms · ${x.cls}`).join('; ')}; page weight ${kb(lh.totalBytes)}; failing audits: ${lh.failed.length ? lh.failed.join(', ') : 'none'}.
HTML ${kb(r.javascript.html.bytes)} (${kb(r.javascript.html.gzip)} gzip); wrk rounds (nginx / Next req/s): ${r.throughput.rounds.map((x) => `${x.nginx.rps} / ${x.next.rps}`).join(', ')}; p99 nginx ${r.throughput.nginx.p99}, Next ${r.throughput.next.p99}; \`Cache-Control: ${r.throughput.cacheControl}\`.`;
}

// ---------------------------------------------------------------------------------------------------------------

function ensureTools() {
  const missing = ['nginx', 'wrk'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0 || spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0) {
    fail(`npm run bench needs ${missing.join(' and ')}: install with "sudo apt-get install -y ${missing.join(' ')}", then run it again.`);
  }
  log(`installing ${missing.join(', ')} with apt-get …`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: aptEnv });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env: aptEnv });
}

function start(command, args, cwd, childEnv) {
  const child = spawn(command, args, { cwd, env: childEnv, detached: true, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  return child;
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* gone */
  }
}

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  fail(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function lexical(paragraphs) {
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

function machine() {
  const chromium = spawnSync(chromePath, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  return { cpus: os.cpus().length, node: process.versions.node, load: os.loadavg()[0].toFixed(2), chromium };
}

function brotli(buffer) {
  return brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

function sum(values) {
  return values.reduce((a, b) => a + b, 0);
}

function log(message) {
  console.error(`bench: ${message}`);
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}
