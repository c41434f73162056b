/**
 * Request bodies at the site's Pages API endpoints (src/pages/api, where a test file would itself become a route),
 * run by Next's own API resolver on a real HTTP server — the code that reads a body for a route unless the route's
 * `config` says not to.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { apiResolver } from 'next/dist/server/api-utils/node/api-resolver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import * as draft from './pages/api/draft/index';
import * as draftExit from './pages/api/draft/exit';
import * as regenerate from './pages/api/regenerate';

const KIB = 1024;
const SECRET = 'regenerate-test-secret';
const PREVIEW = { previewModeId: 'test', previewModeEncryptionKey: 'test-encryption-key', previewModeSigningKey: 'test-signing-key', dev: false };

type Answer = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

/** A server that hands every request to `route` through Next's API resolver, as `next start` does. */
async function serve(route: unknown, page: string): Promise<{ url: URL; server: Server }> {
  const server = createServer((req, res) => {
    const query = Object.fromEntries(new URL(req.url ?? '/', 'http://site.test').searchParams);
    void apiResolver(req, res, query, route, PREVIEW, false, false, page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}${page}`), server };
}

/**
 * Sends `body` (or `chunks` × 64 KiB of spaces, streamed) and stops sending as soon as the answer arrives.
 */
function send(url: URL, { method = 'POST', headers = {}, body, chunks = 0, path = '' }: { method?: string; headers?: Record<string, string>; body?: string; chunks?: number; path?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = httpRequest(new URL(path, url), { method, headers }, (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (part: string) => (text += part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    // Writing after a refusal may meet a closed connection; the answer already came.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    if (body !== undefined) {
      req.end(body);
      return;
    }
    const chunk = Buffer.alloc(64 * KIB, 0x20);
    const pump = (): void => {
      while (!answered && written < chunks * chunk.length) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('POST /api/regenerate', () => {
  let site: Awaited<ReturnType<typeof serve>>;
  const before = process.env.REVALIDATE_SECRET;
  const withSecret = { 'x-revalidate-secret': SECRET, 'content-type': 'application/json' };
  beforeAll(async () => {
    process.env.REVALIDATE_SECRET = SECRET;
    site = await serve(regenerate, '/api/regenerate');
  });
  afterAll(async () => {
    if (before === undefined) delete process.env.REVALIDATE_SECRET;
    else process.env.REVALIDATE_SECRET = before;
    await new Promise((resolve) => site.server.close(resolve));
  });

  it('tells Next not to read the body for it', () => {
    expect(regenerate.config).toEqual({ api: { bodyParser: false } });
  });

  it('reads a page plan and answers with its report', async () => {
    const answer = await send(site.url, { headers: withSecret, body: JSON.stringify({ paths: [], allArticles: false, allListings: false }) });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ failed: [] });
  });

  it('refuses a streamed body over 256 KiB with 413 in JSON', async () => {
    const answer = await send(site.url, { headers: withSecret, chunks: 16 });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: 'the request body is larger than 256 KiB, the most this endpoint accepts' });
  });

  it('refuses a declared Content-Length over 256 KiB', async () => {
    const answer = await send(site.url, { headers: { ...withSecret, 'content-length': String(16 * 64 * KIB) }, chunks: 16 });
    expect(answer.status).toBe(413);
  });

  it('still reads a body just within 256 KiB', async () => {
    const plan = JSON.stringify({ paths: [], allArticles: false, allListings: false });
    const answer = await send(site.url, { headers: withSecret, body: plan.padEnd(256 * KIB, ' ') });
    expect(answer.status).toBe(200);
  });

  it('answers a plan that is not JSON with 400', async () => {
    const answer = await send(site.url, { headers: withSecret, body: '{"paths": [' });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: 'expected a page plan' });
  });

  it('reads no body without the secret', async () => {
    const answer = await send(site.url, { headers: { 'content-type': 'application/json' }, chunks: 16 });
    expect(answer.status).toBe(401);
  });
});

describe.each([
  ['/api/draft', draft],
  ['/api/draft/exit', draftExit],
])('GET %s', (page, route) => {
  let site: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    site = await serve(route, page);
  });
  afterAll(() => new Promise((resolve) => site.server.close(resolve)));

  it('tells Next not to read a body for it', () => {
    expect(route.config).toEqual({ api: { bodyParser: false } });
  });

  it('refuses a request that carries a body with 413', async () => {
    const answer = await send(site.url, { method: 'GET', headers: { 'content-type': 'application/json', 'content-length': '7' }, body: '{"a":1}' });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: 'this endpoint takes no request body' });
  });

  it('refuses a streamed body with 413', async () => {
    const answer = await send(site.url, { method: 'GET', headers: { 'transfer-encoding': 'chunked' }, chunks: 16 });
    expect(answer.status).toBe(413);
  });

  it('answers a request without a body as before', async () => {
    const answer = await send(site.url, { method: 'GET', path: '?path=https://evil.example/' });
    // No preview for a path off the site: /api/draft refuses it, /api/draft/exit goes home instead.
    if (page === '/api/draft') expect(answer.status).toBe(400);
    else expect([answer.status, answer.headers.location]).toEqual([307, '/']);
  });
});
