// `npm run bench` (apps/web): the reader site against its budgets, side by side in one run, on a fresh SQLite
// database with the wire seed imported. Prints a Markdown report (paste it into BENCHMARKS.md) and writes the raw
// figures to bench/last-run.json.
//
//   1. Lighthouse 12.2.3, mobile, on the seed article (median of 3 runs by performance)        budget 100/100/100/100,
//      scripts/bench/lighthouse.mjs                                                            CLS 0, LCP ≤ 1.2 s, TBT ≤ 50 ms
//   2. JavaScript the seed article page loads, every script Lighthouse saw it fetch
//      (gzip -9 and brotli, as a browser downloads it) — scripts/bench/js-budget.mjs           budget ≤ 30 KB gzip
//   3. Requests/s at 50 connections (wrk), the cached article page vs nginx serving the same bytes   aim ≥ 0.07 of nginx
//      scripts/bench/throughput.mjs
//   4. Publish-to-visible latency over 20 publishes (article URL and front page)               budget p95 ≤ 1 s
//      scripts/bench/publish-latency.mjs
//
// Each of them also runs alone on a fresh stack (`node scripts/bench/<name>.mjs`, printing JSON).
// Needs nginx and wrk: installed with apt-get when missing and running as root, else it stops with one line.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { javascriptBudget } from './bench/js-budget.mjs';
import { chromePath, lighthouseRuns } from './bench/lighthouse.mjs';
import { logger } from './bench/lib/log.mjs';
import { scratchDir, webDir } from './bench/lib/newsroom.mjs';
import { stopAll } from './bench/lib/processes.mjs';
import { startSeededSite } from './bench/lib/seeded-site.mjs';
import { ensureTools, machine } from './bench/lib/tools.mjs';
import { publishLatency } from './bench/publish-latency.mjs';
import { report } from './bench/report.mjs';
import { throughputVsNginx } from './bench/throughput.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 20);
const { log, fail } = logger('bench');

ensureTools(['nginx', 'wrk'], { what: 'npm run bench', log, fail });
if (!existsSync(path.join(webDir, '.next', 'BUILD_ID'))) fail('apps/web is not built: run `npx turbo run build` first (turbo run bench does).');
if (!existsSync(chromePath)) fail(`Chromium not found at ${chromePath}: install it (apt-get install chromium) or set CHROME_PATH.`);

let results;
try {
  results = await run();
} catch (error) {
  await stopAll();
  fail(error.message);
}
await stopAll();
mkdirSync(path.join(webDir, 'bench'), { recursive: true });
writeFileSync(path.join(webDir, 'bench', 'last-run.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${report(results, seconds)}`);
process.exit(0);

async function run() {
  const dir = scratchDir('newsroom-bench-');
  const { cms, web, webPort, password, articleUrl } = await startSeededSite({ dir, log });
  const r = { date: new Date().toISOString(), machine: machine(chromePath) };

  // 1. Lighthouse (its network log also names every script the page loads, static or imported later).
  log(`Lighthouse, mobile, ${LIGHTHOUSE_RUNS} runs …`);
  r.lighthouse = await lighthouseRuns(articleUrl, LIGHTHOUSE_RUNS);

  // 2. JavaScript on the article page: every script the browser fetched, compressed as a browser downloads it.
  log('measuring the JavaScript the article page loads …');
  r.javascript = await javascriptBudget({ web, articleUrl, scripts: r.lighthouse.median.scripts, transferred: r.lighthouse.median.scriptTransferBytes });

  // 3. Throughput against nginx serving the same bytes.
  log(`wrk, 50 connections, ${seconds} s per run, nginx and Next alternately …`);
  r.throughput = await throughputVsNginx({ dir, articleUrl, webPort, seconds });

  // 4. Publish to visible.
  log(`publish-to-visible, ${PUBLISHES} publishes …`);
  r.publish = await publishLatency({ cms, web, password, count: PUBLISHES });
  return r;
}
