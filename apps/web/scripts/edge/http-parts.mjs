// @ts-check
// The small, pure pieces of the front door: which requests may be cached, under which key, with which headers sent to
// Next, and which tags a response or a revalidation names. No I/O here, so each piece is tested on its own.

/** Framing and per-connection headers: never copied from one hop to the next (RFC 9110 §7.6.1, RFC 9112 §6). */
export const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
  'content-length',
]);

/** Who-asked headers: a client's say is never believed, the front door writes its own. */
const FORWARDING = new Set(['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-forwarded-server', 'x-real-ip']);

/**
 * Headers Next reads as instructions from its own infrastructure (router state, middleware recursion, on-demand
 * revalidation, route matches). Readers of zero-JavaScript pages never send them; an attacker would, to make Next
 * answer a shared URL with something else.
 */
const NEXT_INTERNAL = new Set([
  'rsc',
  'next-action',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-hmr-refresh',
  'next-url',
  'x-middleware-subrequest',
  'x-middleware-prefetch',
  'x-middleware-invoke',
  'x-invoke-path',
  'x-invoke-query',
  'x-invoke-output',
  'x-invoke-status',
  'x-invoke-error',
  'x-matched-path',
  'x-now-route-matches',
  'x-nextjs-data',
  'x-next-revalidated-tags',
  'x-next-revalidate-tag-token',
  'x-prerender-revalidate',
  'x-prerender-revalidate-if-generated',
]);

/**
 * What a cache fill must not depend on: the reader's identity and conditions. A shared answer is fetched as nobody in
 * particular; conditional and range requests are answered by the front door from the full copy.
 */
const PER_READER = new Set(['cookie', 'authorization', 'cache-control', 'pragma', 'if-none-match', 'if-modified-since', 'if-match', 'if-unmodified-since', 'if-range', 'range', 'accept-encoding']);

/** The cookies that mean "show me drafts" or "I am a CMS user": such requests never touch the cache. */
const PREVIEW_COOKIES = new Set(['__prerender_bypass', '__next_preview_data', 'payload-token']);

/** Query parameters that only analytics read: dropped from the key and from what Next is asked. */
const TRACKING_PARAM = /^(?:utm_[a-z0-9_]*|fbclid|gclid|gbraid|wbraid|dclid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl)$/i;

/** A path made only of characters a URL keeps as they are (RFC 3986 pchar, no `%`). */
const PLAIN_PATH = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

/** Longest normalized path and query that is cached; longer ones pass through. */
export const MAX_KEY_TARGET = 2048;

/**
 * The names of a `Cookie` header's pairs (`name=value; name2=value2`, RFC 6265 §4.2.1). Node joins repeated Cookie
 * headers with `; `, so one string covers them all. Values are not needed, so they are not decoded.
 * @param {string | undefined} header
 * @returns {string[]}
 */
export function cookieNames(header) {
  if (!header) return [];
  const names = [];
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    const name = (eq === -1 ? pair : pair.slice(0, eq)).trim();
    if (name) names.push(name);
  }
  return names;
}

/** @param {string | undefined} header */
export function hasPreviewCookie(header) {
  return cookieNames(header).some((name) => PREVIEW_COOKIES.has(name));
}

/**
 * `gzip` when the client accepts it (RFC 9110 §12.5.3: `gzip`/`x-gzip` or `*` with a non-zero q), else `identity`.
 * Entries are kept per answer, so each reader gets bytes it can read.
 * @param {string | string[] | undefined} header
 * @returns {'gzip' | 'identity'}
 */
export function negotiateEncoding(header) {
  if (!header) return 'identity';
  /** @type {Map<string, number>} */
  const q = new Map();
  for (const part of String(header).toLowerCase().split(',')) {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim());
    if (!coding) continue;
    let weight = 1;
    for (const param of params) {
      const match = /^q=([0-9.]+)$/.exec(param);
      if (match) weight = Number(match[1]);
    }
    q.set(coding === 'x-gzip' ? 'gzip' : coding, Number.isFinite(weight) ? weight : 0);
  }
  const gzip = q.get('gzip') ?? (q.has('*') ? q.get('*') : 0) ?? 0;
  return gzip > 0 ? 'gzip' : 'identity';
}

/**
 * A Host header in one spelling: lower case, no default port (80), only the characters a host may have; `''` for
 * anything else (such a request is not ours and is never cached).
 * @param {string | undefined} host
 */
export function canonicalHost(host) {
  if (!host) return '';
  const value = host.trim().toLowerCase();
  if (!/^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/.test(value)) return '';
  return value.replace(/\.(?=:|$)/, '').replace(/:80$/, '');
}

/**
 * The Host values this site answers as itself: `SITE_URL`'s and `WEB_URL`'s, `localhost`, `127.0.0.1` and `[::1]`
 * on `PORT`, and any listed in `EDGE_HOSTS` (comma-separated, e.g. `news.example.com,www.news.example.com`).
 * @param {Record<string, string | undefined>} env
 * @param {number} port
 * @returns {Set<string>}
 */
export function siteHosts(env, port) {
  const hosts = new Set();
  for (const url of [env.SITE_URL, env.WEB_URL]) {
    if (!url) continue;
    try {
      const parsed = new URL(url);
      // Behind a TLS terminator the Host is the public one, without the scheme's default port.
      hosts.add(canonicalHost(parsed.host));
    } catch {
      /* not a URL: nothing to add */
    }
  }
  for (const name of ['localhost', '127.0.0.1', '[::1]']) hosts.add(canonicalHost(`${name}:${port}`));
  for (const name of (env.EDGE_HOSTS ?? '').split(',')) if (name.trim()) hosts.add(canonicalHost(name));
  hosts.delete('');
  return hosts;
}

/**
 * The request target in one spelling, or null when it is not an origin-form path (`*`, `http://…`, garbage).
 * Dot segments are resolved, percent-escapes of unreserved characters decoded (RFC 3986 §6.2.2), the query sorted
 * by name and stripped of analytics parameters. Next is asked for exactly this target, so the key and the answer
 * always agree.
 * @param {string | undefined} raw
 * @returns {{ path: string, pathname: string } | null}
 */
export function normalizeTarget(raw) {
  if (typeof raw !== 'string' || raw[0] !== '/') return null;
  // Most requests are a plain path already in its one spelling: no query, escapes or dot segments.
  if (PLAIN_PATH.test(raw) && !DOT_SEGMENT.test(raw)) return { path: raw, pathname: raw };
  const decoded = raw.replace(/%[0-9a-fA-F]{2}/g, (escape) => {
    const char = String.fromCharCode(Number.parseInt(escape.slice(1), 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : escape.toUpperCase();
  });
  let url;
  try {
    // Prefixing keeps `//host/x` a path instead of a scheme-relative URL.
    url = new URL(`http://front-door.invalid${decoded}`);
  } catch {
    return null;
  }
  if (url.host !== 'front-door.invalid') return null;
  const params = new URLSearchParams(url.search);
  for (const name of [...params.keys()]) if (TRACKING_PARAM.test(name)) params.delete(name);
  params.sort();
  const query = params.toString();
  return { path: query ? `${url.pathname}?${query}` : url.pathname, pathname: url.pathname };
}

/**
 * Whether a GET or HEAD carries a body. Such a request is refused: a body on a read is never meaningful here and is
 * how a request is smuggled past a cache.
 * @param {import('node:http').IncomingHttpHeaders} headers
 */
export function readCarriesBody(headers) {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && length.trim() !== '0';
}

/**
 * The headers sent to Next: the client's, minus framing and hop-by-hop headers (and any the Connection header
 * names), minus forwarding headers and Next's internal ones, plus our own `x-forwarded-*` (`x-forwarded-host` is
 * `host`: the request's Host, in its canonical spelling for a fill). For a cache fill (`fill: true`) the reader's
 * cookies, credentials and conditions go too, and `accept-encoding` is the negotiated one.
 * @param {import('node:http').IncomingMessage} req
 * @param {{ host: string, encoding?: 'gzip' | 'identity', fill: boolean, trustProxy: boolean }} options
 * @returns {Record<string, string | string[]>}
 */
export function upstreamHeaders(req, { host, encoding, fill, trustProxy }) {
  const connectionNamed = new Set(
    String(req.headers.connection ?? '')
      .toLowerCase()
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  /** @type {Record<string, string | string[]>} */
  const out = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || connectionNamed.has(name) || FORWARDING.has(name) || NEXT_INTERNAL.has(name)) continue;
    if (name.startsWith('proxy-')) continue;
    if (fill && PER_READER.has(name)) continue;
    out[name] = value;
  }
  out.host = host;
  if (fill && encoding) out['accept-encoding'] = encoding;
  const peer = req.socket.remoteAddress ?? '';
  const claimedProto = String(req.headers['x-forwarded-proto'] ?? '').trim().toLowerCase();
  const claimedFor = String(req.headers['x-forwarded-for'] ?? '').trim();
  out['x-forwarded-host'] = host;
  out['x-forwarded-proto'] = trustProxy && (claimedProto === 'https' || claimedProto === 'http') ? claimedProto : 'http';
  out['x-forwarded-for'] = trustProxy && claimedFor ? `${claimedFor}, ${peer}` : peer;
  return out;
}

/**
 * Next's response headers as they may be passed on: no hop-by-hop or framing headers (and none the Connection header
 * names). Content-Length is kept only when `keepLength` (a body piped through unchanged).
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {{ keepLength?: boolean }} [options]
 * @returns {Record<string, string | string[]>}
 */
export function downstreamHeaders(headers, { keepLength = false } = {}) {
  const connectionNamed = new Set(
    String(headers.connection ?? '')
      .toLowerCase()
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  /** @type {Record<string, string | string[]>} */
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || connectionNamed.has(name)) continue;
    if (HOP_BY_HOP.has(name) && !(keepLength && name === 'content-length')) continue;
    out[name] = value;
  }
  return out;
}

/**
 * The tags a response carries in `Surrogate-Key` (space-separated, as Fastly and Varnish xkey read it).
 * @param {string | string[] | undefined} header
 * @returns {string[]}
 */
export function surrogateKeys(header) {
  if (!header) return [];
  const keys = new Set();
  for (const token of String(header).split(/\s+/)) if (/^[\x21-\x7e]{1,1024}$/.test(token)) keys.add(token);
  return [...keys].slice(0, 100);
}

/**
 * The tags of a revalidation request body (`{"tags": [...]}`), or none when it is not one. Next has already judged
 * the body (it answered 2xx); this only reads it.
 * @param {Buffer} body
 * @returns {string[]}
 */
export function revalidatedTags(body) {
  try {
    const tags = JSON.parse(body.toString('utf8'))?.tags;
    if (!Array.isArray(tags)) return [];
    return tags.filter((tag) => typeof tag === 'string' && tag.length > 0 && tag.length <= 1024).slice(0, 1000);
  } catch {
    return [];
  }
}

/**
 * Cache-Control directives by name (lower case), values unquoted.
 * @param {string | string[] | undefined} header
 * @returns {Map<string, string | true>}
 */
export function cacheDirectives(header) {
  /** @type {Map<string, string | true>} */
  const out = new Map();
  if (!header) return out;
  for (const part of String(header).split(',')) {
    const [name = '', value] = part.split('=', 2).map((s) => s.trim());
    if (name) out.set(name.toLowerCase(), value === undefined ? true : value.replace(/^"|"$/g, ''));
  }
  return out;
}

/**
 * The values of the request headers a response's `Vary` names, as one string: two requests get the same variant
 * exactly when their signatures are equal. `null` for `Vary: *` (no request matches).
 * @param {string | string[] | undefined} vary
 * @param {Record<string, string | string[] | undefined>} headers
 * @returns {string | null}
 */
export function varySignature(vary, headers) {
  if (!vary) return '';
  const names = String(vary)
    .toLowerCase()
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.includes('*')) return null;
  return names
    .sort()
    .map((name) => `${name}:${String(headers[name] ?? '')}`)
    .join('\n');
}

/**
 * Whether `If-None-Match` names the entry's ETag (weak comparison, RFC 9110 §13.1.2).
 * @param {string | undefined} ifNoneMatch
 * @param {string | string[] | undefined} etag
 */
export function etagMatches(ifNoneMatch, etag) {
  if (!ifNoneMatch || typeof etag !== 'string') return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (/** @type {string} */ tag) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}
