// The front door against a real origin: an http.Server that answers like Next (responds to a GET at once, never
// reading a body it was not expecting, on keep-alive sockets) and records everything it was sent.
import http from 'node:http';
import { connect } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';

import { afterEach, describe, expect, it } from 'vitest';

import { createEdgeCache } from './edge-cache.mjs';

type Answer = { status?: number; headers?: Record<string, string | string[]>; body?: string | Buffer; delayMs?: number } | 'hang' | 'half';
type Route = (req: http.IncomingMessage, seen: Seen) => Answer | Promise<Answer>;
type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer };

const SHARED = 'public, max-age=60, s-maxage=60';

async function startOrigin(routes: Record<string, Route>) {
  const seen: Seen[] = [];
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer(async (req, res) => {
    const record: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.alloc(0) };
    seen.push(record);
    req.on('data', (chunk: Buffer) => (record.body = Buffer.concat([record.body, chunk])));
    const pathname = new URL(req.url ?? '/', 'http://origin').pathname;
    const route = routes[pathname] ?? routes['*'];
    const respond = async () => {
      const answer = route ? await route(req, record) : { status: 404, body: 'no route' };
      if (answer === 'hang') return void hanging.push(res);
      if (answer === 'half') {
        // Headers and part of the body, then nothing.
        res.writeHead(200, { 'cache-control': SHARED, 'content-length': '100' });
        res.write('only part of it');
        return void hanging.push(res);
      }
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      res.writeHead(answer.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...answer.headers });
      res.end(answer.body ?? '');
    };
    // Like Next: a POST is answered once its body is in, a GET at once.
    if (req.method === 'POST') req.on('end', respond);
    else void respond();
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    seen,
    count: (url: string) => seen.filter((s) => s.url === url).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Edge = ReturnType<typeof createEdgeCache> & { port: number; host: string };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(routes: Record<string, Route>, options: Partial<Parameters<typeof createEdgeCache>[0]> = {}) {
  const origin = await startOrigin(routes);
  cleanups.push(() => origin.close());
  const hosts = new Set<string>();
  const edge = createEdgeCache({ upstream: () => ({ host: '127.0.0.1', port: origin.port }), hosts, freshCapMs: 60_000, ...options });
  const port = await edge.listen(0, '127.0.0.1');
  hosts.add(`127.0.0.1:${port}`);
  cleanups.push(() => edge.close(100));
  return { origin, edge: Object.assign(edge, { port, host: `127.0.0.1:${port}` }) as Edge };
}

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; text: string; ms: number };

/** One request on its own connection, like a new reader. */
function request(edge: Edge, path: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string | Buffer | string[] } = {}): Promise<Reply> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: edge.port, method, path, headers: { host: edge.host, ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const all = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: all, text: all.toString('utf8'), ms: performance.now() - started });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (Array.isArray(body)) {
      for (const part of body) req.write(part);
      req.end();
    } else req.end(body);
  });
}

/** Writes exact bytes on a raw socket and reads until the server closes it (or `waitMs` passes). */
function raw(edge: Edge, bytes: string, waitMs = 3000): Promise<{ text: string; closedByServer: boolean; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: edge.port });
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closedByServer: false, ms: performance.now() - started });
    }, waitMs);
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('end', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closedByServer: true, ms: performance.now() - started });
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.write(bytes, 'latin1');
  });
}

const statusLines = (text: string) => [...text.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));

/** The site's routes as the smuggling attempts need them: each answer says what it is. */
const siteRoutes: Record<string, Route> = {
  '/': (req) => ({ headers: { 'cache-control': SHARED }, body: `<html>FRONT PAGE for ${req.url}</html>` }),
  '/feed.xml': () => ({ headers: { 'content-type': 'application/rss+xml', 'cache-control': SHARED, 'surrogate-key': 'articles' }, body: '<rss>FEED</rss>' }),
  '/news-sitemap.xml': () => ({ headers: { 'content-type': 'application/xml', 'cache-control': SHARED, 'surrogate-key': 'articles' }, body: '<urlset>SITEMAP</urlset>' }),
};

describe('request smuggling and stalls', () => {
  it('refuses a GET carrying a body, so its bytes never reach Next and nobody is served the smuggled page', async () => {
    const { origin, edge } = await setup(siteRoutes);
    // What a pooled upstream socket would carry next if the first request's Content-Length were passed on without
    // its body: Next would read these bytes as that body and then parse "GET /news-sitemap.xml" (with the Host that
    // follows) as the request, answering the sitemap to the fill for /?x=1.
    const prefix = 'GET /?x=1 HTTP/1.1\r\nx-pad: ';
    const smuggler = `GET /feed.xml HTTP/1.1\r\nHost: ${edge.host}\r\nContent-Length: ${prefix.length}\r\n\r\n${'A'.repeat(prefix.length)}`;
    const carrier = `GET /?x=1 HTTP/1.1\r\nX-Pad: GET /news-sitemap.xml HTTP/1.1\r\nHost: ${edge.host}\r\n\r\n`;

    const pipelined = await raw(edge, smuggler + carrier);
    expect(statusLines(pipelined.text)[0]).toBe(400);
    expect(pipelined.text.toLowerCase()).toContain('connection: close');
    expect(pipelined.closedByServer).toBe(true);
    // And the two as separate connections, the way the attack spreads them over pooled sockets.
    expect(statusLines((await raw(edge, smuggler)).text)[0]).toBe(400);
    const carried = await raw(edge, carrier.replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n'));
    expect(statusLines(carried.text)).toEqual([200]);
    expect(carried.text).toContain('FRONT PAGE for /?x=1');

    for (let i = 0; i < 3; i++) {
      const reader = await request(edge, '/?x=1');
      expect(reader.status).toBe(200);
      expect(reader.text).toBe('<html>FRONT PAGE for /?x=1</html>');
      expect(reader.text).not.toContain('SITEMAP');
    }
    const feed = await request(edge, '/feed.xml');
    expect(feed.text).toBe('<rss>FEED</rss>');
    // Next never saw a body on a read, nor a request it was not meant to get.
    expect(origin.seen.filter((s) => s.url === '/news-sitemap.xml')).toEqual([]);
    for (const s of origin.seen) {
      expect(s.headers['content-length'], s.url).toBeUndefined();
      expect(s.headers['transfer-encoding'], s.url).toBeUndefined();
      expect(s.body.length, s.url).toBe(0);
    }
  });

  it('refuses a chunked GET and a HEAD with a body', async () => {
    const { origin, edge } = await setup(siteRoutes);
    const chunked = await raw(edge, `GET /feed.xml HTTP/1.1\r\nHost: ${edge.host}\r\nTransfer-Encoding: chunked\r\n\r\n2f\r\nGET /news-sitemap.xml HTTP/1.1\r\nHost: x\r\nX: y\r\n\r\n0\r\n\r\n`);
    expect(statusLines(chunked.text)).toEqual([400]);
    const head = await raw(edge, `HEAD / HTTP/1.1\r\nHost: ${edge.host}\r\nContent-Length: 5\r\n\r\nhello`);
    expect(statusLines(head.text)).toEqual([400]);
    expect(origin.seen).toEqual([]);
  });

  it('answers a GET that declares a body it never sends with 400 at once, and keeps serving everyone else', async () => {
    const { edge } = await setup(siteRoutes);
    await request(edge, '/');
    const stalled = raw(edge, `GET / HTTP/1.1\r\nHost: ${edge.host}\r\nContent-Length: 100000\r\n\r\n`, 5000);
    const readers = await Promise.all([request(edge, '/'), request(edge, '/'), request(edge, '/feed.xml'), request(edge, '/?x=2')]);
    for (const reader of readers) {
      expect(reader.status).toBe(200);
      expect(reader.ms).toBeLessThan(1000);
    }
    const answer = await stalled;
    expect(statusLines(answer.text)).toEqual([400]);
    expect(answer.closedByServer).toBe(true);
    expect(answer.ms).toBeLessThan(1000);
  });

  it('never passes framing, hop-by-hop or Next-internal headers on a fill', async () => {
    const { origin, edge } = await setup(siteRoutes);
    await request(edge, '/', {
      headers: {
        connection: 'keep-alive, x-drop-me',
        'x-drop-me': '1',
        'keep-alive': 'timeout=5',
        te: 'trailers',
        'proxy-authorization': 'Basic eA==',
        'x-middleware-subrequest': 'middleware',
        'x-now-route-matches': 'slug=x',
        rsc: '1',
        'x-prerender-revalidate': 'guess',
      },
    });
    const headers = origin.seen[0]!.headers;
    for (const name of ['x-drop-me', 'keep-alive', 'te', 'proxy-authorization', 'x-middleware-subrequest', 'x-now-route-matches', 'rsc', 'x-prerender-revalidate', 'content-length', 'transfer-encoding']) {
      expect(headers[name], name).toBeUndefined();
    }
  });
});

describe('forwarded requests', () => {
  const echo: Record<string, Route> = {
    '/api/echo': (_req, seen) => ({ headers: { 'content-type': 'text/plain' }, body: `got ${seen.body.length}` }),
  };

  it('streams a POST body to Next with its length', async () => {
    const { origin, edge } = await setup(echo);
    const reply = await request(edge, '/api/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(reply.text).toBe('got 7');
    expect(reply.headers['x-edge-cache']).toBe('BYPASS');
    expect(origin.seen[0]!.headers['content-length']).toBe('7');
    expect(origin.seen[0]!.body.toString()).toBe('{"a":1}');
  });

  it('passes a chunked POST body on chunked', async () => {
    const { origin, edge } = await setup(echo);
    const reply = await request(edge, '/api/echo', { method: 'POST', headers: { 'transfer-encoding': 'chunked' }, body: ['abc', 'defg'] });
    expect(reply.text).toBe('got 7');
    expect(origin.seen[0]!.headers['transfer-encoding']).toBe('chunked');
    expect(origin.seen[0]!.body.toString()).toBe('abcdefg');
  });

  it('refuses bodies over the limit with 413, declared or streamed, before Next reads them', async () => {
    const { origin, edge } = await setup(echo, { maxBodyBytes: 1000 });
    const declared = await raw(edge, `POST /api/echo HTTP/1.1\r\nHost: ${edge.host}\r\nContent-Length: 5000\r\n\r\n`);
    expect(statusLines(declared.text)).toEqual([413]);
    expect(declared.closedByServer).toBe(true);
    expect(origin.seen).toEqual([]);

    const streamed = await raw(edge, `POST /api/echo HTTP/1.1\r\nHost: ${edge.host}\r\nTransfer-Encoding: chunked\r\n\r\n${'400\r\n' + 'x'.repeat(0x400) + '\r\n'}${'400\r\n' + 'x'.repeat(0x400)}\r\n`);
    expect(statusLines(streamed.text)).toEqual([413]);
    expect(origin.seen.every((s) => s.body.length <= 1000)).toBe(true);
  });

  it('answers Expect: 100-continue by the same rules: an oversized body is refused before it is sent', async () => {
    const { origin, edge } = await setup(echo, { maxBodyBytes: 1000 });
    const big = await raw(edge, `POST /api/echo HTTP/1.1\r\nHost: ${edge.host}\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n`);
    expect(statusLines(big.text)).toEqual([413]);
    const small = await raw(edge, `POST /api/echo HTTP/1.1\r\nHost: ${edge.host}\r\nContent-Length: 3\r\nExpect: 100-continue\r\nConnection: close\r\n\r\nabc`);
    expect(small.text).toContain('got 3');
    expect(origin.seen.map((s) => s.headers.expect)).toEqual([undefined]);
  });

  it('replaces the client’s forwarding headers with its own', async () => {
    const { origin, edge } = await setup(siteRoutes);
    const spoof = { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', forwarded: 'for=203.0.113.9;host=evil.example', 'x-real-ip': '203.0.113.9' };
    await request(edge, '/', { headers: spoof });
    await request(edge, '/api/echo', { method: 'POST', headers: spoof, body: 'x' });
    for (const seen of origin.seen) {
      expect(seen.headers['x-forwarded-host']).toBe(edge.host);
      expect(seen.headers['x-forwarded-proto']).toBe('http');
      expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
      expect(seen.headers.forwarded).toBeUndefined();
      expect(seen.headers['x-real-ip']).toBeUndefined();
    }
  });

  it('believes a trusted proxy’s scheme and appends to its X-Forwarded-For, keeping http and https apart', async () => {
    let n = 0;
    const { origin, edge } = await setup({ '/': (req) => ({ headers: { 'cache-control': SHARED }, body: `${req.headers['x-forwarded-proto']} ${++n}` }) }, { trustProxy: true });
    const https = await request(edge, '/', { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' } });
    expect(origin.seen[0]!.headers['x-forwarded-proto']).toBe('https');
    expect(origin.seen[0]!.headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    const http1 = await request(edge, '/');
    expect(https.text).toBe('https 1');
    expect(http1.text).toBe('http 2');
    expect((await request(edge, '/', { headers: { 'x-forwarded-proto': 'https' } })).text).toBe('https 1');
  });
});

describe('what is kept, and for how long', () => {
  it('keeps a shareable answer: one upstream request, then hits with Age, HEAD included', async () => {
    const { origin, edge } = await setup({ '/a': () => ({ headers: { 'cache-control': SHARED, age: '5', etag: '"v1"' }, body: 'page a' }) });
    const first = await request(edge, '/a');
    expect(first.headers['x-edge-cache']).toBe('MISS');
    const second = await request(edge, '/a');
    expect(second.headers['x-edge-cache']).toBe('HIT');
    expect(second.text).toBe('page a');
    expect(Number(second.headers.age)).toBeGreaterThanOrEqual(5);
    expect(second.headers['content-length']).toBe('6');
    const head = await request(edge, '/a', { method: 'HEAD' });
    expect(head.headers['x-edge-cache']).toBe('HIT');
    expect(head.headers['content-length']).toBe('6');
    expect(head.body.length).toBe(0);
    const conditional = await request(edge, '/a', { headers: { 'if-none-match': 'W/"v1"' } });
    expect(conditional.status).toBe(304);
    expect(conditional.body.length).toBe(0);
    expect(origin.count('/a')).toBe(1);
  });

  it('coalesces concurrent misses into one upstream request', async () => {
    const { origin, edge } = await setup({ '/slow': () => ({ headers: { 'cache-control': SHARED }, body: 'slow page', delayMs: 150 }) });
    const replies = await Promise.all(Array.from({ length: 6 }, () => request(edge, '/slow')));
    expect(replies.map((r) => r.text)).toEqual(Array(6).fill('slow page'));
    expect(origin.count('/slow')).toBe(1);
  });

  it('honours s-maxage over max-age, and its end', async () => {
    const { origin, edge } = await setup({
      '/shared-only': () => ({ headers: { 'cache-control': 'public, max-age=0, s-maxage=60' }, body: 'x' }),
      '/one-second': () => ({ headers: { 'cache-control': 'public, max-age=60, s-maxage=1' }, body: 'y' }),
    });
    await request(edge, '/shared-only');
    expect((await request(edge, '/shared-only')).headers['x-edge-cache']).toBe('HIT');
    await request(edge, '/one-second');
    expect((await request(edge, '/one-second')).headers['x-edge-cache']).toBe('HIT');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await request(edge, '/one-second')).headers['x-edge-cache']).toBe('MISS');
    expect(origin.count('/one-second')).toBe(2);
  });

  it.each([
    ['private', { 'cache-control': 'private, max-age=60' }],
    ['no-store', { 'cache-control': 'no-store' }],
    ['no-cache', { 'cache-control': 'public, no-cache, s-maxage=60' }],
    ['Set-Cookie', { 'cache-control': SHARED, 'set-cookie': 'session=abc; HttpOnly' }],
    ['no freshness', {}],
    ['Vary: *', { 'cache-control': SHARED, vary: '*' }],
  ])('never keeps an answer marked %s', async (_label, headers) => {
    const { origin, edge } = await setup({ '/p': () => ({ headers, body: 'personal' }) });
    const replies = [await request(edge, '/p'), await request(edge, '/p'), await request(edge, '/p')];
    expect(replies.map((r) => r.headers['x-edge-cache'])).toEqual(['MISS', 'MISS', 'MISS']);
    expect(replies.map((r) => r.text)).toEqual(['personal', 'personal', 'personal']);
    expect(origin.count('/p')).toBe(3);
  });

  it('never keeps a non-200', async () => {
    const { origin, edge } = await setup({ '/gone': () => ({ status: 404, headers: { 'cache-control': SHARED }, body: 'not here' }) });
    await request(edge, '/gone');
    expect((await request(edge, '/gone')).status).toBe(404);
    expect(origin.count('/gone')).toBe(2);
  });

  it('sends readers of a URL that just answered uncacheable straight through, without waiting on each other', async () => {
    const { origin, edge } = await setup({ '/live': () => ({ headers: { 'cache-control': 'no-store' }, body: 'live', delayMs: 500 }) });
    await request(edge, '/live');
    const started = performance.now();
    const replies = await Promise.all([request(edge, '/live'), request(edge, '/live'), request(edge, '/live')]);
    expect(replies.map((r) => r.text)).toEqual(['live', 'live', 'live']);
    // Waiting on one fill and then fetching again would take two upstream round trips (≥ 1000 ms).
    expect(performance.now() - started).toBeLessThan(900);
    expect(origin.count('/live')).toBe(4);
  });

  it('honours Vary: each reader gets the variant for their headers, never another’s', async () => {
    const { edge } = await setup({
      '/lang': (req) => ({ headers: { 'cache-control': SHARED, vary: 'Accept-Language' }, body: `lang=${req.headers['accept-language'] ?? ''}`, delayMs: 50 }),
    });
    const [en, fr] = await Promise.all([request(edge, '/lang', { headers: { 'accept-language': 'en' } }), request(edge, '/lang', { headers: { 'accept-language': 'fr' } })]);
    expect(en.text).toBe('lang=en');
    expect(fr.text).toBe('lang=fr');
    const again = await request(edge, '/lang', { headers: { 'accept-language': 'en' } });
    const other = await request(edge, '/lang', { headers: { 'accept-language': 'de' } });
    expect(again.text).toBe('lang=en');
    expect(other.text).toBe('lang=de');
    expect(other.headers['x-edge-cache']).toBe('MISS');
  });

  it('keeps gzip and identity answers apart and asks Next for exactly the negotiated one', async () => {
    const { origin, edge } = await setup({
      '/z': (req): Answer =>
        req.headers['accept-encoding'] === 'gzip'
          ? { headers: { 'cache-control': SHARED, vary: 'Accept-Encoding', 'content-encoding': 'gzip' }, body: gzipSync('compressed page') }
          : { headers: { 'cache-control': SHARED, vary: 'Accept-Encoding' }, body: 'plain page' },
    });
    const gz = await request(edge, '/z', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const plain = await request(edge, '/z', { headers: { 'accept-encoding': 'gzip;q=0, br' } });
    const gzHit = await request(edge, '/z', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(gunzipSync(gz.body).toString()).toBe('compressed page');
    expect(plain.text).toBe('plain page');
    expect(gzHit.headers['x-edge-cache']).toBe('HIT');
    expect(gunzipSync(gzHit.body).toString()).toBe('compressed page');
    expect(origin.seen.map((s) => s.headers['accept-encoding'])).toEqual(['gzip', 'identity']);
  });

  it('serves stale while it revalidates, then the new answer', async () => {
    let version = 0;
    const { origin, edge } = await setup({ '/swr': () => ({ headers: { 'cache-control': 'public, s-maxage=1, stale-while-revalidate=60' }, body: `v${++version}` }) });
    await request(edge, '/swr');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const stale = await request(edge, '/swr');
    expect(stale.headers['x-edge-cache']).toBe('STALE');
    expect(stale.text).toBe('v1');
    await expect.poll(() => origin.count('/swr')).toBe(2);
    await expect.poll(async () => (await request(edge, '/swr')).text).toBe('v2');
  });

  it('re-checks a tagged page every freshCapMs in the background, and leaves untagged files alone', async () => {
    let version = 0;
    const { origin, edge } = await setup(
      {
        '/tagged': () => ({ headers: { 'cache-control': SHARED, 'surrogate-key': 'articles' }, body: `v${++version}` }),
        '/photo.jpg': () => ({ headers: { 'cache-control': 'public, max-age=86400, s-maxage=31536000', 'content-type': 'image/jpeg' }, body: 'jpeg' }),
      },
      { freshCapMs: 200 },
    );
    await request(edge, '/tagged');
    await request(edge, '/photo.jpg');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const hit = await request(edge, '/tagged');
    expect(hit.headers['x-edge-cache']).toBe('HIT');
    expect(hit.text).toBe('v1');
    await expect.poll(() => origin.count('/tagged')).toBe(2);
    await expect.poll(async () => (await request(edge, '/tagged')).text).toBe('v2');
    expect((await request(edge, '/photo.jpg')).headers['x-edge-cache']).toBe('HIT');
    expect(origin.count('/photo.jpg')).toBe(1);
  });

  it('keys on one spelling of the URL, and asks Next for that spelling', async () => {
    const { origin, edge } = await setup({ '/api/list': (req) => ({ headers: { 'cache-control': SHARED }, body: `list ${req.url}` }) });
    await request(edge, '/api/list?b=2&a=1&utm_source=news&fbclid=x');
    const same = await request(edge, '/api/%6Cist?a=1&b=2');
    expect(same.headers['x-edge-cache']).toBe('HIT');
    expect(origin.seen.map((s) => s.url)).toEqual(['/api/list?a=1&b=2']);
  });

  it('refuses request targets that are not paths', async () => {
    const { origin, edge } = await setup(siteRoutes);
    expect(statusLines((await raw(edge, `GET http://evil.example/ HTTP/1.1\r\nHost: ${edge.host}\r\n\r\n`)).text)).toEqual([400]);
    expect(origin.seen).toEqual([]);
  });
});

describe('bounds', () => {
  it('holds everything it keeps within maxBytes, dropping the least recently used', async () => {
    const body = 'x'.repeat(10_000);
    const { edge } = await setup({ '/p': () => ({ headers: { 'cache-control': SHARED }, body }) }, { maxBytes: 100_000 });
    for (let i = 0; i < 40; i++) {
      expect((await request(edge, `/p?i=${i}`)).text).toBe(body);
      expect(edge.cache.calculatedSize).toBeLessThanOrEqual(100_000);
    }
    expect(edge.cache.size).toBeGreaterThan(0);
    expect(edge.cache.size).toBeLessThan(10);
    expect((await request(edge, '/p?i=39')).headers['x-edge-cache']).toBe('HIT');
    expect((await request(edge, '/p?i=0')).headers['x-edge-cache']).toBe('MISS');
  });

  it.each([
    ['with a Content-Length', true],
    ['streamed without one', false],
  ])('streams answers over maxEntryBytes whole (%s) and never keeps them', async (_label, withLength) => {
    const big = Buffer.alloc(50_000, 'b');
    const { origin, edge } = await setup(
      { '/big.jpg': () => ({ headers: { 'cache-control': SHARED, 'content-type': 'image/jpeg', ...(withLength ? { 'content-length': String(big.length) } : {}) }, body: big }) },
      { maxEntryBytes: 16_384 },
    );
    const replies = await Promise.all([request(edge, '/big.jpg'), request(edge, '/big.jpg'), request(edge, '/big.jpg')]);
    for (const reply of replies) {
      expect(reply.status).toBe(200);
      expect(reply.body.equals(big)).toBe(true);
    }
    expect((await request(edge, '/big.jpg')).body.equals(big)).toBe(true);
    expect(edge.cache.size).toBe(0);
    expect(origin.count('/big.jpg')).toBeGreaterThanOrEqual(2);
  });

  it('drops expired entries on its sweep', async () => {
    const { edge } = await setup({ '/short': () => ({ headers: { 'cache-control': 'public, s-maxage=1' }, body: 'short' }) }, { purgeIntervalMs: 200 });
    await request(edge, '/short');
    expect(edge.cache.size).toBe(1);
    await expect.poll(() => edge.cache.size, { timeout: 3000 }).toBe(0);
  });
});

describe('when Next is slow or down', () => {
  it('settles every coalesced waiter with 504 when Next does not answer in time', async () => {
    const { edge } = await setup({ '/hang': () => 'hang' }, { upstreamTimeoutMs: 300 });
    const started = performance.now();
    const replies = await Promise.all(Array.from({ length: 4 }, () => request(edge, '/hang')));
    expect(replies.map((r) => r.status)).toEqual([504, 504, 504, 504]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('times out a body that stops arriving', async () => {
    const { edge } = await setup({ '/half': () => 'half' }, { upstreamTimeoutMs: 300 });
    const replies = await Promise.all([request(edge, '/half'), request(edge, '/half')]);
    expect(replies.map((r) => r.status)).toEqual([504, 504]);
  });

  it('answers 502 when nothing listens upstream', async () => {
    const { origin, edge } = await setup(siteRoutes);
    await origin.close();
    const reply = await request(edge, '/feed.xml');
    expect(reply.status).toBe(502);
    expect(reply.text).toContain('restarting');
  });

  it('serves a copy past its freshness when Next is down or failing (stale-if-error)', async () => {
    let failing = false;
    const { origin, edge } = await setup({
      '/sie': () => (failing ? { status: 500, headers: { 'cache-control': 'no-store' }, body: 'error page' } : { headers: { 'cache-control': 'public, s-maxage=1, stale-if-error=60' }, body: 'good copy' }),
      '/down': () => ({ headers: { 'cache-control': 'public, s-maxage=1, stale-if-error=60' }, body: 'kept through the outage' }),
    });
    await request(edge, '/sie');
    await request(edge, '/down');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    failing = true;
    const failed = await request(edge, '/sie');
    expect(failed.status).toBe(200);
    expect(failed.headers['x-edge-cache']).toBe('STALE');
    expect(failed.text).toBe('good copy');
    await origin.close();
    const down = await request(edge, '/down');
    expect(down.status).toBe(200);
    expect(down.headers['x-edge-cache']).toBe('STALE');
    expect(down.text).toBe('kept through the outage');
  });
});

describe('purging by tag', () => {
  const tagged = (tags: string) => () => ({ headers: { 'cache-control': SHARED, 'surrogate-key': tags }, body: tags });
  let revalidateStatus = 200;
  const routes: Record<string, Route> = {
    '/news/a': tagged('article:a articles ad-slots'),
    '/news/b': tagged('article:b articles ad-slots'),
    '/section/world': tagged('section:world sections'),
    '/feed.xml': tagged('articles'),
    '/race': () => ({ headers: { 'cache-control': SHARED, 'surrogate-key': 'article:race' }, body: 'old', delayMs: 300 }),
    '/api/revalidate': (_req, seen) => ({ status: revalidateStatus, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ revalidated: true, tags: JSON.parse(seen.body.toString()).tags }) }),
  };
  const revalidate = (edge: Edge, tags: string[]) => request(edge, '/api/revalidate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tags }) });
  const states = async (edge: Edge, paths: string[]) => Object.fromEntries(await Promise.all(paths.map(async (p) => [p, (await request(edge, p)).headers['x-edge-cache']])));
  const pages = ['/news/a', '/news/b', '/section/world', '/feed.xml'];

  it('removes exactly the entries carrying a revalidated tag', async () => {
    revalidateStatus = 200;
    const { edge } = await setup(routes);
    await states(edge, pages);
    expect((await revalidate(edge, ['article:a'])).status).toBe(200);
    expect(await states(edge, pages)).toEqual({ '/news/a': 'MISS', '/news/b': 'HIT', '/section/world': 'HIT', '/feed.xml': 'HIT' });
    await revalidate(edge, ['ad-slots', 'sections']);
    expect(await states(edge, pages)).toEqual({ '/news/a': 'MISS', '/news/b': 'MISS', '/section/world': 'MISS', '/feed.xml': 'HIT' });
    await revalidate(edge, ['articles']);
    expect(await states(edge, pages)).toEqual({ '/news/a': 'MISS', '/news/b': 'MISS', '/section/world': 'HIT', '/feed.xml': 'MISS' });
  });

  it('purges nothing when Next refuses the revalidation', async () => {
    revalidateStatus = 401;
    const { edge } = await setup(routes);
    await states(edge, pages);
    expect((await revalidate(edge, ['articles'])).status).toBe(401);
    expect(Object.values(await states(edge, pages))).toEqual(['HIT', 'HIT', 'HIT', 'HIT']);
  });

  it('does not keep an answer fetched before a purge that lands while it is in flight', async () => {
    revalidateStatus = 200;
    const { origin, edge } = await setup(routes);
    const inFlight = request(edge, '/race');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await revalidate(edge, ['article:race']);
    expect((await inFlight).text).toBe('old');
    expect((await request(edge, '/race')).headers['x-edge-cache']).toBe('MISS');
    expect(origin.count('/race')).toBe(2);
  });
});

describe('who is never served from the cache', () => {
  it.each(['__prerender_bypass=1', 'theme=dark; __next_preview_data=abc', 'payload-token=jwt'])('a reader with %s goes to Next with the cookie', async (cookie) => {
    const { origin, edge } = await setup(siteRoutes);
    await request(edge, '/');
    const preview = await request(edge, '/', { headers: { cookie } });
    expect(preview.headers['x-edge-cache']).toBe('BYPASS');
    expect(origin.seen.at(-1)!.headers.cookie).toBe(cookie);
    expect(origin.count('/')).toBe(2);
  });

  it('a look-alike cookie is just a cookie: cached, and not sent to Next on a fill', async () => {
    const { origin, edge } = await setup(siteRoutes);
    await request(edge, '/', { headers: { cookie: 'x__prerender_bypass=1; a=payload-token=2' } });
    expect((await request(edge, '/', { headers: { cookie: 'x__prerender_bypass=1' } })).headers['x-edge-cache']).toBe('HIT');
    expect(origin.seen[0]!.headers.cookie).toBeUndefined();
  });

  it('a request for another Host is passed through and never kept', async () => {
    const { origin, edge } = await setup(siteRoutes);
    const other = [await request(edge, '/', { headers: { host: 'evil.example' } }), await request(edge, '/', { headers: { host: 'evil.example' } })];
    expect(other.map((r) => r.headers['x-edge-cache'])).toEqual(['BYPASS', 'BYPASS']);
    expect(origin.count('/')).toBe(2);
    expect(edge.cache.size).toBe(0);
  });

  it('a request with credentials', async () => {
    const { edge } = await setup(siteRoutes);
    await request(edge, '/');
    expect((await request(edge, '/', { headers: { authorization: 'Bearer x' } })).headers['x-edge-cache']).toBe('BYPASS');
  });
});
