import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { purgeEdge } from './edge-purge';

describe('purging the edge by surrogate key', () => {
  const seen: { method?: string; xkey?: string }[] = [];
  let status = 200;
  let url: string;
  const server = createServer((request: IncomingMessage, response) => {
    seen.push({ method: request.method, xkey: request.headers.xkey as string | undefined });
    response.writeHead(status).end();
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('does nothing without an edge to tell', async () => {
    expect(await purgeEdge(['articles'], undefined)).toEqual({ purged: false });
  });

  it('sends PURGE with the keys in xkey, at most 100 keys a request', async () => {
    seen.length = 0;
    const keys = Array.from({ length: 150 }, (_, i) => `article:story-${i}`);
    expect(await purgeEdge(keys, url)).toEqual({ purged: true });
    expect(seen.map((r) => r.method)).toEqual(['PURGE', 'PURGE']);
    expect(seen.flatMap((r) => r.xkey!.split(' '))).toEqual(keys);
  });

  it('says so when the edge refuses', async () => {
    status = 403;
    expect(await purgeEdge(['articles'], url)).toEqual({ purged: false, error: 'edge answered 403' });
    status = 200;
  });
});
