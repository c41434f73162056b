// CMS read latency over REST, the two reads every page render starts with — an article by its slug, and the latest
// 10 of a section — by `connections` clients at once, keep-alive, each answer read to the end. Exact per-request
// times, so exact percentiles. They are the site's own requests (apps/web/src/lib/cms-client.ts): the same where,
// sort, limit, depth and pagination, and the same fields (`select`, `populate` from @newsroom/schema's
// reader-fields), in the bracket syntax Payload parses (qs-esm, the library Payload reads it with).
import http from 'node:http';

import { ARTICLE_POPULATE, ARTICLE_SELECT, LIST_SELECT } from '@newsroom/schema';
import { stringify } from 'qs-esm';

import { ascending, percentile } from '../../../apps/web/scripts/bench/lib/stats.mjs';

const query = (params) => stringify(params, { addQueryPrefix: true });

/** The article page's read: one story by slug, no page count. */
export const articleBySlug = (slug) =>
  `/api/articles${query({ where: { slug: { equals: slug } }, limit: 1, pagination: false, depth: 1, select: ARTICLE_SELECT, populate: ARTICLE_POPULATE })}`;
/** A section page's read: its latest 10, as cards (no body). */
export const latestOfSection = (sectionId) =>
  `/api/articles${query({ where: { and: [{ section: { equals: sectionId } }] }, sort: '-publishedAt', limit: 10, depth: 1, select: LIST_SELECT, populate: ARTICLE_POPULATE })}`;

/**
 * A REST request that reads no collection: Next's routing, Payload's request set-up and the JSON answer (the database
 * identity is kept in memory once read). What any read pays before its queries.
 */
export const floorRequest = '/api/database-identity';

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
