// @ts-check
// The front door's cache: an HTTP server that answers readers from memory and asks an upstream origin (Next) only
// when it must. What may be kept, and for how long, is decided by http-cache-semantics as a shared cache would
// (s-maxage, private, no-store, Vary, stale-while-revalidate); memory is bounded in bytes by lru-cache; entries are
// purged by the tags Next puts in `Surrogate-Key` when a revalidation passes through. docs/adr/0013 says why.
import http from 'node:http';

import CachePolicy from 'http-cache-semantics';
import { LRUCache } from 'lru-cache';

import {
  cacheDirectives,
  canonicalHost,
  downstreamHeaders,
  etagMatches,
  hasPreviewCookie,
  MAX_KEY_TARGET,
  negotiateEncoding,
  normalizeTarget,
  readCarriesBody,
  revalidatedTags,
  surrogateKeys,
  upstreamHeaders,
  varySignature,
} from './http-parts.mjs';

const MiB = 1024 * 1024;

/**
 * @typedef {Record<string, string | string[]>} HeaderMap
 *
 * @typedef {object} Entry
 * @property {number} status
 * @property {HeaderMap} headers  Next's headers, without framing, hop-by-hop or Set-Cookie
 * @property {Buffer} body
 * @property {CachePolicy} policy
 * @property {string[]} tags  from Surrogate-Key
 * @property {number} storedAt  Date.now() when Next answered
 * @property {string} varySig  the request headers the variant was fetched with (see varySignature)
 * @property {number} size  bytes counted against the bound
 *
 * @typedef {object} Waiter  a reader waiting for a cache fill
 * @property {http.IncomingMessage} req
 * @property {http.ServerResponse} res
 * @property {HeaderMap} headers  what Next is (or would be) sent for this reader
 * @property {string} path  the normalized request target
 *
 * @typedef {object} EdgeOptions
 * @property {() => { host: string, port: number }} upstream  where the origin listens now (it may move on restart)
 * @property {Set<string>} hosts  canonical Host values that are this site (see siteHosts); others are not cached
 * @property {number} [maxBytes]  bound on everything cached (bodies, headers, keys), default 256 MiB
 * @property {number} [maxEntryBytes]  larger answers are streamed, never cached; default 2 MiB
 * @property {number} [maxBodyBytes]  request bodies (POST …) above this are refused with 413; default 1 MiB
 * @property {number} [freshCapMs]  how long a tagged entry answers before it is refreshed in the background (EDGE_CACHE_TTL_MS)
 * @property {number} [upstreamTimeoutMs]  for the origin's headers, then again for its body (idle, when streamed); default 30 s
 * @property {boolean} [trustProxy]  believe a proxy's X-Forwarded-Proto/-For (only behind one that sets them)
 * @property {string[]} [purgePaths]  POSTs whose 2xx answer purges the tags of their body
 * @property {number} [purgeIntervalMs]  how often expired entries are dropped; default one minute
 */

/**
 * @param {EdgeOptions} options
 */
export function createEdgeCache(options) {
  const {
    upstream,
    hosts,
    maxBytes = 256 * MiB,
    maxEntryBytes = 2 * MiB,
    maxBodyBytes = 1 * MiB,
    freshCapMs = 1000,
    upstreamTimeoutMs = 30_000,
    trustProxy = false,
    purgePaths = ['/api/revalidate'],
    purgeIntervalMs = 60_000,
  } = options;

  /** Surrogate key → cache keys of the entries carrying it. */
  /** @type {Map<string, Set<string>>} */
  const byTag = new Map();
  /** @type {LRUCache<string, Entry>} */
  const cache = new LRUCache({
    maxSize: maxBytes,
    maxEntrySize: Math.min(maxEntryBytes + 64 * 1024, maxBytes),
    sizeCalculation: (entry) => entry.size,
    allowStale: false,
    updateAgeOnGet: false,
    dispose: (entry, key) => {
      for (const tag of entry.tags) {
        const keys = byTag.get(tag);
        keys?.delete(key);
        if (keys?.size === 0) byTag.delete(tag);
      }
    },
  });
  /** Keys whose last answer could not be kept ("hit-for-pass"): readers go straight through, without waiting on each other. */
  /** @type {LRUCache<string, true>} */
  const passMarks = new LRUCache({ max: 10_000, ttl: 10_000 });
  /** @type {Map<string, { waiters: Waiter[], headers: HeaderMap, epoch: number, done: boolean }>} */
  const inFlight = new Map();
  /** Bumped by every purge: a fill that began before one may hold what was purged, so it is served but not kept. */
  let epoch = 0;

  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const sweeper = setInterval(() => cache.purgeStale(), purgeIntervalMs);
  sweeper.unref();

  const server = http.createServer(handle);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  // `Expect: 100-continue`: refuse an oversized body before the client sends it.
  server.on('checkContinue', (req, res) => {
    if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) return refuse(res, 413, 'The request body is too large.\n');
    // A read is answered (or refused for carrying a body) without inviting one.
    if (req.method !== 'GET' && req.method !== 'HEAD') res.writeContinue();
    handle(req, res);
  });

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   */
  function handle(req, res) {
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (read && readCarriesBody(req.headers)) return refuse(res, 400, 'A GET or HEAD request must not carry a body.\n');
    const target = normalizeTarget(req.url);
    if (!target) return refuse(res, 400, 'Bad request target.\n');
    const host = canonicalHost(req.headers.host);
    const cacheable =
      read && hosts.has(host) && !hasPreviewCookie(req.headers.cookie) && req.headers.authorization === undefined && target.path.length <= MAX_KEY_TARGET;
    if (!cacheable) {
      const headers = upstreamHeaders(req, { host: req.headers.host ?? '', fill: false, trustProxy });
      return forward(req, res, target.path, headers, 'BYPASS', !read && purgePaths.includes(target.pathname));
    }

    const encoding = negotiateEncoding(req.headers['accept-encoding']);
    /** @type {Waiter} */
    const waiter = { req, res, headers: upstreamHeaders(req, { host, encoding, fill: true, trustProxy }), path: target.path };
    // The scheme is part of the key: behind a trusted proxy, Next answers HTTPS requests with HSTS.
    const key = `${encoding} ${waiter.headers['x-forwarded-proto']} ${host}${target.path}`;
    const entry = cache.get(key);
    if (entry) {
      const verdict = entry.policy.evaluateRequest({ method: 'GET', url: target.path, headers: waiter.headers });
      if (verdict.response && !verdict.revalidation) {
        // Fresh by Next's headers. A tagged page is still re-checked every freshCapMs, in the background.
        if (entry.tags.length > 0 && Date.now() - entry.storedAt >= freshCapMs) fill(key, waiter.path, waiter.headers, null);
        return serve(waiter, entry, 'HIT');
      }
      if (verdict.response && !verdict.revalidation.synchronous) {
        fill(key, waiter.path, waiter.headers, null);
        return serve(waiter, entry, 'STALE');
      }
    }
    if (passMarks.get(key)) return pass(waiter);
    fill(key, waiter.path, waiter.headers, waiter);
  }

  /**
   * Fetches `path` from the origin for everyone waiting on `key` (a single upstream request however many readers
   * ask at once), keeps the answer when it may be shared, and settles every waiter whatever happens.
   * @param {string} key
   * @param {string} path
   * @param {HeaderMap} headers
   * @param {Waiter | null} waiter  null for a background refresh
   */
  function fill(key, path, headers, waiter) {
    const running = inFlight.get(key);
    if (running) {
      if (waiter) running.waiters.push(waiter);
      return;
    }
    const job = { waiters: waiter ? [waiter] : [], headers, epoch, done: false };
    inFlight.set(key, job);
    const { host, port } = upstream();
    const request = http.request({ host, port, method: 'GET', path, headers, agent });
    let timer = setTimeout(() => fail(504), upstreamTimeoutMs);
    const settle = () => {
      job.done = true;
      clearTimeout(timer);
      if (inFlight.get(key) === job) inFlight.delete(key);
    };
    /** @param {502 | 504} status */
    const fail = (status) => {
      if (job.done) return;
      settle();
      request.destroy();
      // Stale-if-error: with the origin down or hanging, a copy we still hold beats an error page.
      const stale = cache.get(key);
      for (const w of job.waiters) {
        if (stale && sameVariant(stale, w.headers)) serve(w, stale, 'STALE');
        else sendError(w.res, status, 'MISS');
      }
    };
    request.on('error', () => fail(502));
    request.end();

    request.on('response', (response) => {
      if (job.done) return void response.destroy();
      clearTimeout(timer);
      timer = setTimeout(() => fail(504), upstreamTimeoutMs);
      response.on('error', () => fail(502));
      response.on('close', () => {
        if (!response.complete) fail(502);
      });
      const status = response.statusCode ?? 502;
      const kept = downstreamHeaders(response.headers);
      const policy = new CachePolicy({ method: 'GET', url: path, headers }, { status, headers: kept }, { shared: true });

      if (unstorable(status, response.headers, kept, policy)) {
        settle();
        let waiters = job.waiters;
        const stale = status >= 500 ? cache.get(key) : undefined;
        if (stale) {
          // Next is failing: keep the copy and answer from it.
          const [same, other] = partition(waiters, (w) => sameVariant(stale, w.headers));
          for (const w of same) serve(w, stale, 'STALE');
          waiters = other;
        } else {
          cache.delete(key);
          passMarks.set(key, true);
        }
        return handOff(response, headers, waiters, []);
      }

      /** @type {Buffer[]} */
      const chunks = [];
      let bytes = 0;
      response.on('data', (chunk) => {
        if (job.done) return;
        bytes += chunk.length;
        chunks.push(chunk);
        if (bytes <= maxEntryBytes) return;
        // Too big to keep: one reader gets it as it arrives, the others fetch their own.
        settle();
        passMarks.set(key, true);
        handOff(response, headers, job.waiters, chunks);
      });
      response.on('end', () => {
        if (job.done) return;
        settle();
        const body = Buffer.concat(chunks);
        /** @type {Entry} */
        const entry = {
          status,
          headers: kept,
          body,
          policy,
          tags: surrogateKeys(kept['surrogate-key']),
          storedAt: Date.now(),
          varySig: varySignature(kept.vary, headers) ?? '',
          size: body.length + headerBytes(kept) + key.length + 512,
        };
        if (job.epoch === epoch) store(key, entry);
        for (const w of job.waiters) {
          if (sameVariant(entry, w.headers)) serve(w, entry, 'MISS');
          else pass(w);
        }
      });
    });
  }

  /**
   * Gives an answer that is not kept to the first waiter it was fetched for (streamed, after what was already read);
   * every other waiter fetches its own.
   * @param {http.IncomingMessage} response
   * @param {HeaderMap} fetchedWith
   * @param {Waiter[]} waiters
   * @param {Buffer[]} prefix
   */
  function handOff(response, fetchedWith, waiters, prefix) {
    const sig = varySignature(response.headers.vary, fetchedWith);
    const fits = (/** @type {Waiter} */ w) => w.headers === fetchedWith || (sig !== null && varySignature(response.headers.vary, w.headers) === sig);
    const first = waiters.find((w) => !w.res.destroyed && fits(w));
    if (first) stream(response, first, prefix);
    else response.destroy();
    for (const w of waiters) if (w !== first) pass(w);
  }

  /**
   * Why an answer cannot be kept, or null when it can: only 200s that http-cache-semantics calls storable for a shared
   * cache, fresh for a while, without Set-Cookie, small enough, and usable without revalidating each time.
   * @param {number} status
   * @param {http.IncomingHttpHeaders} raw
   * @param {HeaderMap} kept
   * @param {CachePolicy} policy
   * @returns {string | null}
   */
  function unstorable(status, raw, kept, policy) {
    if (status !== 200) return 'status';
    if (raw['set-cookie']) return 'set-cookie';
    if (!policy.storable()) return 'not storable';
    const cc = cacheDirectives(kept['cache-control']);
    if (cc.has('no-cache') || cc.has('must-revalidate') || cc.has('proxy-revalidate')) return 'revalidate every time';
    if (policy.maxAge() <= 0 || policy.timeToLive() <= 0) return 'not fresh';
    if (varySignature(kept.vary, {}) === null) return 'vary *';
    if (Number(raw['content-length'] ?? 0) > maxEntryBytes) return 'too big';
    return null;
  }

  /**
   * @param {string} key
   * @param {Entry} entry
   */
  function store(key, entry) {
    cache.set(key, entry, { ttl: Math.max(1, entry.policy.timeToLive()) });
    if (cache.peek(key) !== entry) return;
    for (const tag of entry.tags) {
      let keys = byTag.get(tag);
      if (!keys) byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  /**
   * @param {Entry} entry
   * @param {HeaderMap} headers
   */
  function sameVariant(entry, headers) {
    return varySignature(entry.headers.vary, headers) === entry.varySig;
  }

  /**
   * Answers a reader from a copy: Age and Date from the policy, never a Set-Cookie, 304 for a matching If-None-Match.
   * @param {Waiter} waiter
   * @param {Entry} entry
   * @param {'HIT' | 'MISS' | 'STALE'} state
   */
  function serve({ req, res }, entry, state) {
    if (res.destroyed || res.headersSent) return;
    const headers = entry.policy.responseHeaders();
    delete headers['set-cookie'];
    headers['x-edge-cache'] = state;
    if (etagMatches(req.headers['if-none-match'], headers.etag)) {
      /** @type {http.OutgoingHttpHeaders} */
      const notModified = {};
      for (const name of ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary', 'age', 'surrogate-key', 'x-edge-cache']) {
        if (headers[name] !== undefined) notModified[name] = headers[name];
      }
      res.writeHead(304, notModified);
      return void res.end();
    }
    headers['content-length'] = String(entry.body.length);
    res.writeHead(entry.status, headers);
    res.end(req.method === 'HEAD' ? undefined : entry.body);
  }

  /**
   * Hands an upstream answer that is not kept to one reader as it arrives (with what was already read).
   * @param {http.IncomingMessage} response
   * @param {Waiter} waiter
   * @param {Buffer[]} prefix
   */
  function stream(response, { req, res }, prefix) {
    res.writeHead(response.statusCode ?? 502, { ...downstreamHeaders(response.headers, { keepLength: true }), 'x-edge-cache': 'MISS' });
    if (req.method === 'HEAD') {
      res.end();
      return void response.destroy();
    }
    for (const chunk of prefix) res.write(chunk);
    pipeWithIdleTimeout(response, res);
  }

  /**
   * A cacheable request that goes straight to the origin (its URL was just found uncacheable, or it is a different
   * variant than the one being fetched): no cookies or conditions, as for a fill.
   * @param {Waiter} waiter
   */
  function pass({ req, res, headers, path }) {
    if (res.destroyed || res.headersSent) return;
    forward(req, res, path, headers, 'MISS', false);
  }

  /**
   * Sends a request to the origin and its answer back, bodies streamed with correct framing and bounded; a 2xx to a
   * purge path purges the tags its body named.
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {string} path
   * @param {HeaderMap} headers
   * @param {'BYPASS' | 'MISS'} state
   * @param {boolean} purges
   */
  function forward(req, res, path, headers, state, purges) {
    const read = req.method === 'GET' || req.method === 'HEAD';
    const declared = req.headers['content-length'];
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (!read && declared !== undefined && Number(declared) > maxBodyBytes) return refuse(res, 413, 'The request body is too large.\n');
    /** @type {HeaderMap} */
    const out = { ...headers };
    if (!read) {
      if (chunked) out['transfer-encoding'] = 'chunked';
      else out['content-length'] = declared ?? '0';
    }
    const { host, port } = upstream();
    const request = http.request({ host, port, method: req.method, path, headers: out, agent });
    let timedOut = false;
    let tooLarge = false;
    let finished = false;
    const timer = setTimeout(() => {
      timedOut = true;
      request.destroy();
    }, upstreamTimeoutMs);
    const touch = () => timer.refresh();

    /** @type {Buffer[] | null} */
    const captured = purges ? [] : null;
    let received = 0;
    if (read) request.end();
    else {
      req.on('data', (chunk) => {
        if (tooLarge) return;
        received += chunk.length;
        if (received > maxBodyBytes) {
          tooLarge = true;
          request.destroy();
          clearTimeout(timer);
          return refuse(res, 413, 'The request body is too large.\n');
        }
        captured?.push(chunk);
        touch();
        if (!request.write(chunk)) {
          req.pause();
          request.once('drain', () => req.resume());
        }
      });
      req.on('end', () => {
        if (!tooLarge) request.end();
      });
      req.on('error', () => request.destroy());
      req.on('close', () => {
        if (!req.complete) request.destroy();
      });
    }

    request.on('response', (response) => {
      touch();
      const status = response.statusCode ?? 502;
      if (captured && status >= 200 && status < 300) purge(revalidatedTags(Buffer.concat(captured)));
      if (res.headersSent || res.destroyed) return void response.destroy();
      res.writeHead(status, { ...downstreamHeaders(response.headers, { keepLength: true }), 'x-edge-cache': state });
      response.on('data', touch);
      response.on('end', () => {
        finished = true;
        clearTimeout(timer);
      });
      response.on('error', () => res.destroy());
      response.on('close', () => {
        if (!response.complete) res.destroy();
      });
      response.pipe(res);
    });
    request.on('error', () => {
      clearTimeout(timer);
      if (tooLarge) return;
      if (!res.headersSent) sendError(res, timedOut ? 504 : 502, state);
      else res.destroy();
    });
    res.on('close', () => {
      if (!finished) {
        clearTimeout(timer);
        request.destroy();
      }
    });
  }

  /**
   * @param {http.IncomingMessage} response
   * @param {http.ServerResponse} res
   */
  function pipeWithIdleTimeout(response, res) {
    const timer = setTimeout(() => {
      response.destroy();
      res.destroy();
    }, upstreamTimeoutMs);
    response.on('data', () => timer.refresh());
    response.on('end', () => clearTimeout(timer));
    response.on('error', () => res.destroy());
    response.on('close', () => {
      if (!response.complete) res.destroy();
    });
    res.on('close', () => {
      clearTimeout(timer);
      if (!response.complete) response.destroy();
    });
    response.pipe(res);
  }

  /**
   * Removes every entry carrying any of `tags`; returns how many went.
   * @param {string[]} tags
   */
  function purge(tags) {
    epoch++;
    let removed = 0;
    for (const tag of tags) {
      for (const key of [...(byTag.get(tag) ?? [])]) if (cache.delete(key)) removed++;
    }
    return removed;
  }

  return {
    server,
    cache,
    purge,
    /** @param {number} port @param {string} [host] @returns {Promise<number>} the port bound */
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    /** Stops listening, drops idle keep-alive connections and, after `graceMs`, every other one. */
    close(graceMs = 5000) {
      clearInterval(sweeper);
      return new Promise((resolve) => {
        if (!server.listening) {
          agent.destroy();
          return resolve(undefined);
        }
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          agent.destroy();
          resolve(undefined);
        });
        server.closeIdleConnections();
      });
    },
  };
}

/**
 * A refusal that also ends the connection: after a request whose framing we do not accept, nothing more on that
 * socket is read.
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string} message
 */
function refuse(res, status, message) {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close', 'x-edge-cache': 'BYPASS' });
  res.end(message);
}

/**
 * @param {http.ServerResponse} res
 * @param {502 | 504} status
 * @param {string} state
 */
function sendError(res, status, state) {
  if (res.destroyed) return;
  if (res.headersSent) return void res.destroy();
  const message = status === 504 ? 'The reader site took too long to answer. Try again in a moment.\n' : 'The reader site is restarting. Try again in a moment.\n';
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '5', 'x-edge-cache': state });
  res.end(message);
}

/** @param {HeaderMap} headers */
function headerBytes(headers) {
  let bytes = 0;
  for (const [name, value] of Object.entries(headers)) bytes += name.length + String(value).length + 4;
  return bytes;
}

/**
 * @template T
 * @param {T[]} items
 * @param {(item: T) => boolean} test
 * @returns {[T[], T[]]}
 */
function partition(items, test) {
  /** @type {T[]} */
  const yes = [];
  /** @type {T[]} */
  const no = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}
