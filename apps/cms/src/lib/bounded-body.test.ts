import { describe, expect, it } from 'vitest';

import { DISCARD_ALLOWANCE, formatBytes, readBoundedText } from './bounded-body';

const KIB = 1024;

/** A body of `chunks` chunks of `size` bytes, made on demand, that counts how many bytes were asked of it. */
function countingStream(chunks: number, size: number, byte = 0x61) {
  const stream = {
    pulled: 0,
    cancelled: false,
    body: undefined as unknown as ReadableStream<Uint8Array>,
  };
  let sent = 0;
  stream.body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks) return controller.close();
      sent += 1;
      stream.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(byte));
    },
    cancel() {
      stream.cancelled = true;
    },
  });
  return stream;
}

/** Resolves once `check` holds, or fails after a few seconds. */
async function eventually(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 5000) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const post = (body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request('http://cms.test/api/articles/import-wire', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readBoundedText', () => {
  it('reads a body up to the limit as UTF-8 text', async () => {
    expect(await readBoundedText(post('{"text":"Grüße"}'), 64)).toEqual({ ok: true, text: '{"text":"Grüße"}' });
    expect(await readBoundedText(post('x'.repeat(64 * KIB)), 64 * KIB)).toEqual({ ok: true, text: 'x'.repeat(64 * KIB) });
  });

  it('reads a request without a body as empty text', async () => {
    expect(await readBoundedText(new Request('http://cms.test/', { method: 'POST' }), 10)).toEqual({ ok: true, text: '' });
  });

  it('refuses one byte over the limit with 413 and a message naming the limit', async () => {
    expect(await readBoundedText(post('x'.repeat(64 * KIB + 1)), 64 * KIB)).toEqual({
      ok: false,
      status: 413,
      message: 'The request body is larger than 64 KiB, the most this endpoint accepts.',
    });
  });

  it('refuses a declared Content-Length over the limit before reading the body, and keeps none of it', async () => {
    const stream = countingStream(1000, 64 * KIB);
    const result = await readBoundedText(post(stream.body, { 'content-length': String(1000 * 64 * KIB) }), 1024 * KIB);
    expect(result).toMatchObject({ ok: false, status: 413 });
    // Refused with at most the first chunk asked for; what follows is only thrown away, up to the allowance.
    expect(stream.pulled).toBeLessThanOrEqual(2 * 64 * KIB);
    await eventually(() => stream.cancelled);
    expect(stream.pulled).toBeLessThanOrEqual(DISCARD_ALLOWANCE + 4 * 64 * KIB);
  });

  it('refuses a streamed body without Content-Length as soon as it passes the limit, and drops it past the allowance', async () => {
    const stream = countingStream(1000, 64 * KIB);
    const result = await readBoundedText(post(stream.body), 1024 * KIB);
    expect(result).toMatchObject({ ok: false, status: 413, message: 'The request body is larger than 1 MiB, the most this endpoint accepts.' });
    // 1 MiB and one chunk past it when refused, plus what the stream had queued ahead.
    expect(stream.pulled).toBeLessThanOrEqual(1024 * KIB + 4 * 64 * KIB);
    // Then thrown away up to the allowance and abandoned — far from the 62.5 MiB on offer.
    await eventually(() => stream.cancelled);
    expect(stream.pulled).toBeLessThanOrEqual(1024 * KIB + DISCARD_ALLOWANCE + 4 * 64 * KIB);
  });

  it('reads a body a little over the limit to its end after refusing it, so the client is not cut off', async () => {
    const stream = countingStream(20, 64 * KIB);
    expect(await readBoundedText(post(stream.body), 1024 * KIB)).toMatchObject({ ok: false, status: 413 });
    await eventually(() => stream.pulled >= 20 * 64 * KIB);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stream.cancelled).toBe(false);
  });

  it('does not trust a small Content-Length over a longer streamed body', async () => {
    const stream = countingStream(40, 64 * KIB);
    expect(await readBoundedText(post(stream.body, { 'content-length': '10' }), 1024 * KIB)).toMatchObject({ ok: false, status: 413 });
  });
});

describe('formatBytes', () => {
  it('names sizes the way the limits are written', () => {
    expect([formatBytes(1024 * 1024), formatBytes(512 * 1024), formatBytes(64 * 1024), formatBytes(1536 * 1024), formatBytes(900)]).toEqual([
      '1 MiB',
      '512 KiB',
      '64 KiB',
      '1.5 MiB',
      '900 bytes',
    ]);
  });
});
