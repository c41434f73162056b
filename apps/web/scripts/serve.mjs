// Serves the reader site: `next start` on a private loopback port (kept running by edge/supervisor.mjs), behind the
// front door's in-memory cache (edge/edge-cache.mjs) for what Next marks shareable. It is what a CDN does in front of
// the site, kept in-process so one machine serves cached pages without Next's per-request cost (docs/adr/0013).
//
// Environment:
//   PORT                        the public port (3000)
//   EDGE_CACHE_TTL_MS           how long a tagged page (one with a Surrogate-Key) is answered from memory before
//                               Next is asked again, in the background; readers never wait for it (1000)
//   EDGE_CACHE_MAX_BYTES        everything cached, bodies and headers (268435456 = 256 MiB)
//   EDGE_CACHE_MAX_ENTRY_BYTES  larger answers (big photos) are streamed and never cached (2097152 = 2 MiB)
//   EDGE_MAX_BODY_BYTES         larger request bodies are refused with 413 (1048576 = 1 MiB)
//   EDGE_UPSTREAM_TIMEOUT_MS    Next's headers, then its body, must arrive within this (30000)
//   EDGE_TRUST_PROXY            `true` behind a proxy that sets X-Forwarded-Proto/-For itself (default: ours win)
//   EDGE_HOSTS                  more Host names served as this site, besides SITE_URL's, WEB_URL's and localhost
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { matchCacheToDatabase } from './cache-identity.mjs';
import { askCmsToRedeliver } from './catch-up.mjs';
import { createEdgeCache } from './edge/edge-cache.mjs';
import { siteHosts } from './edge/http-parts.mjs';
import { supervise } from './edge/supervisor.mjs';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 3000);
const HIT_TTL_MS = number('EDGE_CACHE_TTL_MS', 1000);
const nextBin = createRequire(path.join(webDir, 'package.json')).resolve('next/dist/bin/next');

// Pages cached from another database are never served: Next's caches are kept only for the database the CMS serves.
await matchCacheToDatabase({ webDir });

let edge;
const next = await supervise({
  command: process.execPath,
  args: (internalPort) => [nextBin, 'start', '--port', String(internalPort), '--hostname', '127.0.0.1'],
  env: (internalPort) => ({ ...process.env, NODE_ENV: 'production', PORT: String(internalPort) }),
  cwd: webDir,
  onPort: (internalPort) => console.log(`▲ Next restarted on 127.0.0.1:${internalPort}`),
  // Revalidations sent while Next was down failed; the CMS delivers them again now rather than at its next retry.
  onReady: (_internalPort, restarts) => {
    if (restarts > 0) void askCmsToRedeliver();
  },
  onGiveUp: async (code) => {
    await edge?.close(1000);
    process.exit(code || 1);
  },
});

edge = createEdgeCache({
  upstream: () => ({ host: '127.0.0.1', port: next.port }),
  hosts: siteHosts(process.env, port),
  freshCapMs: HIT_TTL_MS,
  maxBytes: number('EDGE_CACHE_MAX_BYTES', 256 * 1024 * 1024),
  maxEntryBytes: number('EDGE_CACHE_MAX_ENTRY_BYTES', 2 * 1024 * 1024),
  maxBodyBytes: number('EDGE_MAX_BODY_BYTES', 1024 * 1024),
  upstreamTimeoutMs: number('EDGE_UPSTREAM_TIMEOUT_MS', 30_000),
  trustProxy: process.env.EDGE_TRUST_PROXY === 'true' || process.env.EDGE_TRUST_PROXY === '1',
});

try {
  await edge.listen(port);
} catch (error) {
  console.error(`reader site: cannot listen on port ${port}: ${error.message}`);
  await next.stop('SIGTERM');
  process.exit(1);
}
console.log(`▲ reader site on http://localhost:${port} (Next on 127.0.0.1:${next.port}, edge cache ${HIT_TTL_MS} ms)`);
// What changed while the site was not running reaches it now (catch-up.mjs).
void next.ready.then(() => askCmsToRedeliver());

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all([edge.close(5000), next.stop(signal)]);
    process.exit(0);
  });
}

function number(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`${name}=${raw} is not a number of the right kind; using ${fallback}`);
    return fallback;
  }
  return value;
}
