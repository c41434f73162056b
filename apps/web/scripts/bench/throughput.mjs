// Requests/s for the cached article page vs nginx serving the same bytes: the page's exact bytes (as the site sends
// them to wrk, uncompressed) written to a file nginx serves with Debian's stock settings; nginx and the site
// alternate, `seconds` each after a 3 s warm-up, `wrk -t2 -c50`, best of 2 rounds each.
//
//   node scripts/bench/throughput.mjs      # alone, on a fresh stack; prints the figures as JSON
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { freePort, waitForHttp } from './lib/http.mjs';
import { startNginx } from './lib/nginx.mjs';
import { SEED_SLUG } from './lib/newsroom.mjs';
import { stopProcess } from './lib/processes.mjs';
import { runStandalone } from './lib/seeded-site.mjs';
import { wrk } from './lib/wrk.mjs';

export async function throughputVsNginx({ dir, articleUrl, webPort, slug = SEED_SLUG, seconds, rounds: roundCount = 2 }) {
  const www = path.join(dir, 'www', 'news');
  mkdirSync(www, { recursive: true });
  const cachedBody = Buffer.from(await (await fetch(articleUrl, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
  writeFileSync(path.join(www, slug), cachedBody);
  const nginxPort = await freePort();
  const nginx = startNginx(dir, nginxPort, path.join(dir, 'www'));
  try {
    const nginxUrl = `http://127.0.0.1:${nginxPort}/news/${slug}`;
    if (!(await waitForHttp(nginxUrl, 10_000))) throw new Error(`nginx did not answer ${nginxUrl} within 10 s`);
    const nginxBody = Buffer.from(await (await fetch(nginxUrl)).arrayBuffer());
    if (!nginxBody.equals(cachedBody)) throw new Error('nginx does not serve the same bytes as the site');
    const nextUrl = `http://127.0.0.1:${webPort}/news/${slug}`;
    const run = (url, duration) => {
      const { rps, errors, p99 } = wrk(url, { threads: 2, connections: 50, seconds: duration });
      return { rps, errors, p99 };
    };
    run(nginxUrl, 3);
    run(nextUrl, 3);
    const rounds = [];
    for (let round = 0; round < roundCount; round++) rounds.push({ nginx: run(nginxUrl, seconds), next: run(nextUrl, seconds) });
    const best = (key) => rounds.map((r) => r[key]).sort((a, b) => b.rps - a.rps)[0];
    const result = {
      bytes: cachedBody.length,
      cacheControl: (await fetch(nextUrl)).headers.get('cache-control'),
      rounds,
      nginx: best('nginx'),
      next: best('next'),
    };
    result.ratio = result.next.rps / result.nginx.rps;
    return result;
  } finally {
    await stopProcess(nginx);
  }
}

await runStandalone(import.meta.url, 'throughput', ({ dir, articleUrl, webPort }) =>
  throughputVsNginx({ dir, articleUrl, webPort, seconds: Number(process.env.BENCH_SECONDS ?? 10) }),
);
