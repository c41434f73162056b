import type { PayloadRequest } from 'payload';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { redeliverEndpoint } from './redeliver';

const saved = { REVALIDATE_SECRET: process.env.REVALIDATE_SECRET, WEB_INTERNAL_URL: process.env.WEB_INTERNAL_URL, WEB_URL: process.env.WEB_URL };

/** A request that must be refused before anything reaches the database: its payload throws if touched. */
function refusedRequest(headers: Record<string, string>): PayloadRequest {
  const payload = new Proxy({}, { get: () => { throw new Error('the database was reached'); } });
  return { headers: new Headers(headers), payload } as unknown as PayloadRequest;
}

async function answer(headers: Record<string, string>) {
  const response = await redeliverEndpoint.handler(refusedRequest(headers));
  return { status: response.status, body: (await response.json()) as { error?: string }, cache: response.headers.get('cache-control') };
}

describe('POST /api/revalidation/redeliver refuses, before any work', () => {
  beforeEach(() => {
    process.env.REVALIDATE_SECRET = 'the-shared-secret';
    process.env.WEB_INTERNAL_URL = 'http://127.0.0.1:9';
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('a caller without the secret, or with another one (401)', async () => {
    for (const headers of [{} as Record<string, string>, { 'x-revalidate-secret': 'guess' }, { 'x-revalidate-secret': 'the-shared-secre' }]) {
      const { status, body, cache } = await answer(headers);
      expect(status).toBe(401);
      expect(body.error).toContain('x-revalidate-secret');
      expect(cache).toBe('no-store');
    }
  });

  it('a request with a body (413)', async () => {
    for (const extra of [{ 'content-length': '5' }, { 'transfer-encoding': 'chunked' }] as Record<string, string>[]) {
      const { status, body } = await answer({ 'x-revalidate-secret': 'the-shared-secret', ...extra });
      expect(status).toBe(413);
      expect(body.error).toContain('no body');
    }
  });

  it('anything, in a CMS that knows no reader site (503)', async () => {
    delete process.env.WEB_INTERNAL_URL;
    delete process.env.WEB_URL;
    const { status, body } = await answer({ 'x-revalidate-secret': 'the-shared-secret' });
    expect(status).toBe(503);
    expect(body.error).toContain('REVALIDATE_SECRET');
  });
});
