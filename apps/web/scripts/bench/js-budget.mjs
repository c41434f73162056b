// The JavaScript the article page loads: every script the browser fetched (Lighthouse's network log names them —
// the module tag and the chunks it imports later), each compressed as a browser downloads it (gzip -9, brotli 11).
//
//   node scripts/bench/js-budget.mjs      # alone, on a fresh stack (one Lighthouse run finds the scripts); JSON
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { lighthouseRuns } from './lighthouse.mjs';
import { runStandalone } from './lib/seeded-site.mjs';
import { sum } from './lib/stats.mjs';

/** `scripts`: the URLs Lighthouse saw the page fetch; `transferred`: their bytes on the wire, as Lighthouse counted. */
export async function javascriptBudget({ web, articleUrl, scripts, transferred }) {
  const html = await (await fetch(articleUrl)).text();
  const js = [];
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, web))).arrayBuffer());
    js.push({ src: new URL(src, web).pathname, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli: brotli(body) });
  }
  const htmlBytes = Buffer.from(html);
  return {
    scripts: js,
    totalGzip: sum(js.map((s) => s.gzip)),
    totalBrotli: sum(js.map((s) => s.brotli)),
    transferred,
    frameworkScripts: scripts.filter((src) => src.includes('/_next/')).length,
    scriptTags: [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].length,
    html: { bytes: htmlBytes.length, gzip: gzipSync(htmlBytes, { level: 9 }).length },
  };
}

function brotli(buffer) {
  return brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

await runStandalone(import.meta.url, 'js-budget', async ({ web, articleUrl }) => {
  const { median } = await lighthouseRuns(articleUrl, 1);
  return javascriptBudget({ web, articleUrl, scripts: median.scripts, transferred: median.scriptTransferBytes });
});
