import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DISCARD_ALLOWANCE } from '../../../lib/bounded-body';
import { POST } from './route';

const KIB = 1024;
const SECRET = 'revalidate-test-secret';

/** A body made on demand in 64 KiB chunks, counting how much of it was asked for and whether it was abandoned. */
function countingStream(totalBytes: number) {
  const counter = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= totalBytes) return controller.close();
      counter.pulled += 64 * KIB;
      controller.enqueue(new Uint8Array(64 * KIB).fill(0x20));
    },
    cancel() {
      counter.cancelled = true;
    },
  });
  return { body, counter };
}

/** Resolves once `check` holds, or fails after a few seconds. */
async function eventually(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 5000) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function revalidate(body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string> = { 'x-revalidate-secret': SECRET }) {
  return POST(
    new NextRequest('http://site.test/api/revalidate', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
      duplex: 'half',
    } as ConstructorParameters<typeof NextRequest>[1]),
  );
}

describe('POST /api/revalidate body limit', () => {
  const before = process.env.REVALIDATE_SECRET;
  beforeAll(() => {
    process.env.REVALIDATE_SECRET = SECRET;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.REVALIDATE_SECRET;
    else process.env.REVALIDATE_SECRET = before;
  });

  it('refuses a body over 256 KiB with 413 and says why', async () => {
    // Every tag valid, so only the size can be the problem.
    const tags = Array.from({ length: 400 }, (_, i) => `article:${'a'.repeat(700)}-${i}`);
    const response = await revalidate(JSON.stringify({ tags }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'the request body is larger than 256 KiB, the most this endpoint accepts' });
  });

  it('refuses a streamed body without Content-Length once it passes 256 KiB, and reads no more than the discard allowance', async () => {
    const { body, counter } = countingStream(64 * 1024 * KIB);
    const response = await revalidate(body);
    expect(response.status).toBe(413);
    // 64 MiB on offer: what follows the refusal is thrown away, and past the allowance the body is abandoned.
    await eventually(() => counter.cancelled);
    expect(counter.pulled).toBeLessThanOrEqual(256 * KIB + DISCARD_ALLOWANCE + 4 * 64 * KIB);
  });

  it('reads no body at all without the secret', async () => {
    const { body, counter } = countingStream(64 * 1024 * KIB);
    const response = await revalidate(body, { 'x-revalidate-secret': 'wrong' });
    expect(response.status).toBe(401);
    expect(counter.pulled).toBeLessThanOrEqual(64 * KIB);
  });

  it('still tells a malformed body within the limit apart, with 400', async () => {
    const response = await revalidate('{"tags": [');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'body must be {"tags": [ … ]} with at least one tag' });
  });

  it('reads the largest body the tag cap allows — 500 tags for 300-character headlines — past the size check', async () => {
    const tags = Array.from({ length: 500 }, (_, i) => `article:${'a'.repeat(300)}-${i}`);
    const body = JSON.stringify({ tags: [...tags, 'not a tag'] });
    expect(body.length).toBeGreaterThan(150 * KIB);
    const response = await revalidate(body);
    // Refused for its content (one tag too many), which is only looked at once the body has been read whole.
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'at most 500 tags at once' });
  });
});
