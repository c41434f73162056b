import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { chunkTags, compactTags, MAX_TAGS_PER_REQUEST, postRevalidation, revalidationTarget } from './revalidate';

describe('compactTags', () => {
  it('keeps each tag once, broadest first: collections, then listings, then articles', () => {
    expect(compactTags(['article:b', 'section:world', 'articles', 'article:a', 'author:x', 'article:b', 'headlines'])).toEqual([
      'articles',
      'headlines',
      'section:world',
      'author:x',
      'article:b',
      'article:a',
    ]);
  });

  it('drops what the site would refuse (one bad tag fails a whole request there)', () => {
    expect(compactTags(['article:Bad Slug', 'article:../x', 'everything', '', 42, 'article:ok'])).toEqual(['article:ok']);
  });
});

describe('chunkTags', () => {
  const tags = (n: number, prefix = 'article:story-') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it('splits 600 tags into requests of at most 200, in order, losing none', () => {
    const chunks = chunkTags(tags(600));
    expect(chunks.map((chunk) => chunk.length)).toEqual([200, 200, 200]);
    expect(chunks.flat()).toEqual(tags(600));
    expect(MAX_TAGS_PER_REQUEST).toBeLessThan(500);
  });

  it('keeps each request body under the byte limit too', () => {
    const long = tags(100, `article:${'x'.repeat(300)}-`);
    const chunks = chunkTags(long, { maxBytes: 4096 });
    for (const chunk of chunks) expect(Buffer.byteLength(JSON.stringify({ tags: chunk }))).toBeLessThanOrEqual(4096);
    expect(chunks.flat()).toEqual(long);
  });

  it('gives nothing for nothing', () => {
    expect(chunkTags([])).toEqual([]);
  });
});

describe('revalidationTarget', () => {
  it('posts to WEB_INTERNAL_URL, else WEB_URL, with REVALIDATE_SECRET', () => {
    expect(revalidationTarget({ REVALIDATE_SECRET: 'x', WEB_URL: 'http://localhost:3000/' }, { localInstall: false })).toEqual({
      url: 'http://localhost:3000/api/revalidate',
      secret: 'x',
    });
    expect(revalidationTarget({ REVALIDATE_SECRET: 'x', WEB_URL: 'http://a', WEB_INTERNAL_URL: 'http://b:1' }, { localInstall: false })?.url).toBe(
      'http://b:1/api/revalidate',
    );
  });

  it('outside the CMS server and the import CLI, goes nowhere unless both the secret and the site are named', () => {
    expect(revalidationTarget({}, { localInstall: false })).toBeUndefined();
    expect(revalidationTarget({ REVALIDATE_SECRET: 'x' }, { localInstall: false })).toBeUndefined();
    expect(revalidationTarget({ WEB_INTERNAL_URL: 'http://127.0.0.1:4000' }, { localInstall: false })).toBeUndefined();
  });

  it('in this test process, by default, never falls back to the local install’s secret file or port 3000', () => {
    expect(revalidationTarget({ PORT: '3000' })).toBeUndefined();
  });

  it('for the local install, defaults the site to this machine’s PORT', () => {
    expect(revalidationTarget({ REVALIDATE_SECRET: 'x', PORT: '4123' }, { localInstall: true })?.url).toBe('http://127.0.0.1:4123/api/revalidate');
  });
});

describe('postRevalidation', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.close();
    server?.closeAllConnections();
    server = undefined;
  });

  /** A real HTTP server standing in for the site: records requests and answers `status`. */
  async function site(status: number, delayMs = 0) {
    const requests: { headers: IncomingMessage['headers']; body: unknown }[] = [];
    server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      requests.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end('{}'), delayMs);
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    return { requests, target: { url: `http://127.0.0.1:${port}/api/revalidate`, secret: 's3cret' } };
  }

  it('sends the tags with the secret header and reports success', async () => {
    const { requests, target } = await site(200);
    await expect(postRevalidation(['articles', 'article:a'], target)).resolves.toMatchObject({ ok: true });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers['x-revalidate-secret']).toBe('s3cret');
    expect(requests[0]!.body).toEqual({ tags: ['articles', 'article:a'] });
  });

  it('reports a refusal with its status, and a site that is down, without throwing', async () => {
    const { target } = await site(401);
    await expect(postRevalidation(['articles'], target)).resolves.toMatchObject({ ok: false, status: 401 });
    server!.close();
    await once(server!, 'close');
    await expect(postRevalidation(['articles'], target)).resolves.toMatchObject({ ok: false, error: expect.stringMatching(/fetch failed/) });
  });

  it('gives up on a hung site after its timeout', async () => {
    const { target } = await site(200, 5_000);
    const started = Date.now();
    await expect(postRevalidation(['articles'], target, { timeoutMs: 100 })).resolves.toMatchObject({ ok: false });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
