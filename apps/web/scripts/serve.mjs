// Serves the reader site: `next start` on a private loopback port, behind a small in-memory cache for the pages and
// JSON that Next itself marks shareable (`s-maxage`). It is what a CDN does in front of the site, kept in-process so
// one machine serves cached pages without Next's per-request routing: a hit is a buffer written to the socket.
//
// Freshness is Next's: an entry lives at most HIT_TTL_MS (1 s) and every successful revalidation request empties the
// cache, so a publish shows as soon as Next has re-rendered. Drafts, previews and anything private never enter it.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 3000);
const HIT_TTL_MS = Number(process.env.EDGE_CACHE_TTL_MS ?? 1000);
const MAX_ENTRIES = 2000;
const PREVIEW_COOKIES = /(?:^|;\s*)(?:__prerender_bypass|__next_preview_data|payload-token)=/;
const PURGING_PATHS = new Set(['/api/revalidate', '/api/regenerate']);
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

const internalPort = await freePort();
const nextBin = createRequire(path.join(webDir, 'package.json')).resolve('next/dist/bin/next');
const next = spawn(process.execPath, [nextBin, 'start', '--port', String(internalPort), '--hostname', '127.0.0.1'], {
  cwd: webDir,
  env: { ...process.env, NODE_ENV: 'production', PORT: String(internalPort) },
  stdio: 'inherit',
});
next.on('exit', (code) => {
  server.close();
  process.exit(code ?? 1);
});

const upstream = new http.Agent({ keepAlive: true, maxSockets: 64 });
/** @type {Map<string, { status: number, headers: Record<string, string | string[]>, body: Buffer, expires: number }>} */
const cache = new Map();
/** @type {Map<string, Promise<void>>} */
const inFlight = new Map();

const server = http.createServer((req, res) => {
  const cacheable = (req.method === 'GET' || req.method === 'HEAD') && !PREVIEW_COOKIES.test(req.headers.cookie ?? '');
  if (!cacheable) return forward(req, res);
  const key = `${encodingOf(req)} ${req.headers.host ?? ''} ${req.url}`;
  const hit = cache.get(key);
  if (hit && hit.expires > Date.now()) return send(res, req, hit, 'HIT');
  let pending = inFlight.get(key);
  if (!pending) {
    pending = fill(req, key).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  pending.then(
    () => {
      const entry = cache.get(key);
      if (entry) send(res, req, entry, 'MISS');
      else forward(req, res);
    },
    () => forward(req, res),
  );
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`▲ reader site on http://localhost:${port} (Next on 127.0.0.1:${internalPort}, edge cache ${HIT_TTL_MS} ms)`));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    next.kill(signal);
    server.close();
  });
}

/** Fetches from Next and keeps the answer when Next says it may be shared. */
function fill(req, key) {
  return new Promise((resolve, reject) => {
    const upstreamReq = http.request(
      { host: '127.0.0.1', port: internalPort, method: 'GET', path: req.url, headers: upstreamHeaders(req), agent: upstream },
      (upstreamRes) => {
        const chunks = [];
        upstreamRes.on('data', (chunk) => chunks.push(chunk));
        upstreamRes.on('end', () => {
          const headers = responseHeaders(upstreamRes.headers);
          const body = Buffer.concat(chunks);
          if (shareable(upstreamRes.statusCode, upstreamRes.headers)) {
            if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value);
            cache.set(key, { status: upstreamRes.statusCode, headers, body, expires: Date.now() + HIT_TTL_MS });
          }
          resolve();
        });
        upstreamRes.on('error', reject);
      },
    );
    upstreamReq.on('error', reject);
    upstreamReq.end();
  });
}

/** Passes a request through untouched; empties the cache after a successful revalidation. */
function forward(req, res) {
  const upstreamReq = http.request(
    { host: '127.0.0.1', port: internalPort, method: req.method, path: req.url, headers: upstreamHeaders(req), agent: upstream },
    (upstreamRes) => {
      const pathname = (req.url ?? '').split('?')[0];
      if (PURGING_PATHS.has(pathname) && (upstreamRes.statusCode ?? 500) < 300) cache.clear();
      res.writeHead(upstreamRes.statusCode ?? 502, responseHeaders(upstreamRes.headers));
      upstreamRes.pipe(res);
    },
  );
  upstreamReq.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('The reader site is restarting. Try again in a moment.\n');
  });
  req.pipe(upstreamReq);
}

function send(res, req, entry, state) {
  res.writeHead(entry.status, { ...entry.headers, 'content-length': entry.body.length, 'x-edge-cache': state });
  res.end(req.method === 'HEAD' ? undefined : entry.body);
}

function shareable(status, headers) {
  const cacheControl = String(headers['cache-control'] ?? '');
  return status === 200 && /s-maxage=\d+/.test(cacheControl) && !/private|no-store/.test(cacheControl) && !headers['set-cookie'];
}

/** Entries are kept per encoding Next answers with, so each client gets bytes it can read. */
function encodingOf(req) {
  const accept = String(req.headers['accept-encoding'] ?? '');
  return /\bgzip\b/.test(accept) ? 'gzip' : 'identity';
}

function upstreamHeaders(req) {
  const headers = { ...req.headers };
  for (const name of HOP_BY_HOP) delete headers[name];
  if (req.method === 'GET' || req.method === 'HEAD') headers['accept-encoding'] = encodingOf(req);
  headers['x-forwarded-host'] ??= req.headers.host ?? '';
  headers['x-forwarded-proto'] ??= 'http';
  return headers;
}

function responseHeaders(headers) {
  const out = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  delete out['content-length'];
  return out;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
}
