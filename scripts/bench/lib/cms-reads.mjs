// CMS read latency over REST, the two reads every page render starts with — an article by its slug, and the latest
// 10 of a section — by `connections` clients at once, keep-alive, each answer read to the end. Exact per-request
// times, so exact percentiles. The lookups are the site's (apps/web/src/lib/cms-client.ts: the same where, sort,
// limit and depth, with the page count Payload adds), but they ask for whole documents, where the site names the
// fields it reads (`select`, `populate`): the figures are an upper bound of what the site's own reads cost.
import http from 'node:http';

import { ascending, percentile } from '../../../apps/web/scripts/bench/lib/stats.mjs';

const q = (params) =>
  Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');

export const articleBySlug = (slug) => `/api/articles?${q({ 'where[slug][equals]': slug, limit: 1, depth: 1 })}`;
export const latestOfSection = (sectionId) =>
  `/api/articles?${q({ 'where[and][0][section][equals]': sectionId, sort: '-publishedAt', limit: 10, depth: 1, 'select[body]': 'false' })}`;

/** `paths`: the requests, used round robin; `warmup` more go first, unmeasured. */
export async function readLatency(cms, paths, { requests = 2000, connections = 10, warmup = 200 } = {}) {
  const { hostname, port } = new URL(cms);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const get = (path) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.get({ hostname, port, path, agent, headers: { accept: 'application/json' } }, (res) => {
        let bytes = 0;
        res.on('data', (chunk) => (bytes += chunk.length));
        res.on('end', () => (res.statusCode === 200 ? resolve({ ms: performance.now() - started, bytes }) : reject(new Error(`${path} answered ${res.statusCode}`))));
        res.on('error', reject);
      });
      req.on('error', reject);
    });
  const run = async (count, record) => {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const { ms, bytes } = await get(paths[i % paths.length]);
        record?.(ms, bytes);
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
  };
  await run(warmup);
  const times = [];
  let bytes = 0;
  const started = performance.now();
  await run(requests, (ms, b) => {
    times.push(ms);
    bytes += b;
  });
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = ascending(times);
  return {
    requests,
    connections,
    rps: Math.round(requests / seconds),
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.at(-1)),
    meanBytes: Math.round(bytes / requests),
  };
}

function round(ms) {
  return Math.round(ms * 100) / 100;
}
