// The reader site's Markdown report (what BENCHMARKS.md shows), from the figures `bench.mjs` gathers.

export function report(r, seconds) {
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
