import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { askCmsToRedeliver, REDELIVER_PATH } from './catch-up.mjs';

/** A CMS answering POST /api/revalidation/redeliver as the real one does: the secret, then `{ waiting }`. */
const calls: { method?: string; url?: string; secret?: string; length?: string }[] = [];
let server: Server;
let cmsUrl: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    calls.push({ method: req.method, url: req.url, secret: req.headers['x-revalidate-secret'] as string | undefined, length: req.headers['content-length'] });
    if (req.method !== 'POST' || req.url !== REDELIVER_PATH) return void res.writeHead(404).end();
    if (req.headers['x-revalidate-secret'] !== 'shared') {
      return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"x-revalidate-secret is missing or wrong"}');
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"waiting":0}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('askCmsToRedeliver', () => {
  it('POSTs to the CMS with the shared secret and no body, and says what is still waiting', async () => {
    calls.length = 0;
    const lines: string[] = [];
    expect(await askCmsToRedeliver({ cmsUrl, secret: 'shared', log: (line) => lines.push(line) })).toEqual({ ok: true, waiting: 0 });
    expect(calls).toEqual([{ method: 'POST', url: REDELIVER_PATH, secret: 'shared', length: '0' }]);
    expect(lines).toEqual([]);
  });

  it('logs one line naming the refusal', async () => {
    const lines: string[] = [];
    const result = await askCmsToRedeliver({ cmsUrl, secret: 'wrong', log: (line) => lines.push(line) });
    expect(result.ok).toBe(false);
    expect(lines).toEqual(['revalidation catch-up: the CMS answered 401: x-revalidate-secret is missing or wrong']);
  });

  it('asks nothing without a secret, and never throws when the CMS is down', async () => {
    calls.length = 0;
    expect(await askCmsToRedeliver({ cmsUrl, secret: '', log: () => {} })).toEqual({ ok: false, error: 'no REVALIDATE_SECRET' });
    expect(calls).toEqual([]);
    const lines: string[] = [];
    const down = await askCmsToRedeliver({ cmsUrl: 'http://127.0.0.1:9', secret: 'shared', timeoutMs: 2000, log: (line) => lines.push(line) });
    expect(down.ok).toBe(false);
    expect(lines[0]).toMatch(/^revalidation catch-up: the CMS did not answer: .*127\.0\.0\.1:9/);
  });
});
