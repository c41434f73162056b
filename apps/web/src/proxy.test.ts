// The proxy in front of article pages, asking a real HTTP server on a loopback port — as it asks Next's own port —
// whether a slug was killed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { config, proxy } from './proxy';

let server: Server;
const asked: string[] = [];
const before = process.env.PORT;

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(req.url ?? '');
    const killed = req.url === '/api/gone/pulled-story';
    res.writeHead(killed ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(killed ? { slug: 'pulled-story', killedAt: '2026-12-01T09:30:00.000Z' } : { gone: false }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.PORT = String((server.address() as AddressInfo).port);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  if (before === undefined) delete process.env.PORT;
  else process.env.PORT = before;
});

const request = (path: string, init: { method?: string; cookie?: string } = {}) =>
  new NextRequest(`http://news.example${path}`, { method: init.method ?? 'GET', headers: init.cookie ? { cookie: init.cookie } : {} });
const passesOn = (response: Response) => response.headers.get('x-middleware-next') === '1';

describe('proxy', () => {
  it('runs for article URLs only', () => {
    expect(config.matcher).toBe('/news/:slug');
  });

  it('answers 410 with the notice for a killed story', async () => {
    const response = await proxy(request('/news/pulled-story'));
    expect(response.status).toBe(410);
    expect(passesOn(response)).toBe(false);
    expect(response.headers.get('cache-control')).toContain('s-maxage=60');
    expect(await response.text()).toContain('<h1>This story has been removed</h1>');
    expect(asked.at(-1)).toBe('/api/gone/pulled-story');
  });

  it('lets a live story through to its page', async () => {
    const response = await proxy(request('/news/live-story'));
    expect(passesOn(response)).toBe(true);
    expect(asked.at(-1)).toBe('/api/gone/live-story');
  });

  it('asks nothing for a malformed slug or an editor’s preview', async () => {
    const count = asked.length;
    expect(passesOn(await proxy(request('/news/Not_A_Slug')))).toBe(true);
    expect(passesOn(await proxy(request('/news/pulled-story', { cookie: '__prerender_bypass=1; __next_preview_data=x' })))).toBe(true);
    expect(asked).toHaveLength(count);
  });

  it('answers HEAD with the status and no body', async () => {
    const response = await proxy(request('/news/pulled-story', { method: 'HEAD' }));
    expect(response.status).toBe(410);
    expect(await response.text()).toBe('');
  });
});
