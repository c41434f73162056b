// Lighthouse 12.2.3, mobile (default settings: simulated slow 4G, 4× CPU slowdown), on the seed article: scores,
// LCP/TBT/CLS, and — from its network log — every script the page fetched. `runs` runs; the median by performance.
//
//   node scripts/bench/lighthouse.mjs      # alone, on a fresh stack; prints the figures as JSON
import { createRequire } from 'node:module';
import path from 'node:path';

import { webDir } from './lib/newsroom.mjs';
import { runStandalone } from './lib/seeded-site.mjs';
import { sum } from './lib/stats.mjs';

export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export async function lighthouseRuns(url, runs) {
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
        images: requests
          .filter((item) => item.resourceType === 'Image')
          .map((item) => ({ url: item.url, transferSize: item.transferSize, resourceSize: item.resourceSize, mimeType: item.mimeType })),
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

await runStandalone(import.meta.url, 'lighthouse', ({ articleUrl }) => lighthouseRuns(articleUrl, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3)));
