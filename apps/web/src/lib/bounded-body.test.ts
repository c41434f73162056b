import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type BoundedBody, carriesBody, DISCARD_ALLOWANCE, discardIncomingBody, formatBytes, readIncomingText, readRequestText } from './bounded-body';

const KIB = 1024;

/** A body made on demand in 64 KiB chunks of "a", counting how much of it was asked for. */
function countingStream(totalBytes: number) {
  const counter = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= totalBytes) return controller.close();
      counter.pulled += 64 * KIB;
      controller.enqueue(new Uint8Array(64 * KIB).fill(0x61));
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

const post = (body: BodyInit | ReadableStream<Uint8Array> | null, headers: Record<string, string> = {}) =>
  new Request('http://site.test/api/revalidate', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readRequestText', () => {
  it('reads a body up to the limit as UTF-8 text, and a missing body as empty', async () => {
    expect(await readRequestText(post('{"tags":["article:grüße"]}'), 64)).toEqual({ ok: true, text: '{"tags":["article:grüße"]}' });
    expect(await readRequestText(post('x'.repeat(64 * KIB)), 64 * KIB)).toEqual({ ok: true, text: 'x'.repeat(64 * KIB) });
    expect(await readRequestText(post(null), 64)).toEqual({ ok: true, text: '' });
  });

  it('refuses one byte over the limit with 413, naming the limit', async () => {
    expect(await readRequestText(post('x'.repeat(64 * KIB + 1)), 64 * KIB)).toEqual({
      ok: false,
      status: 413,
      error: 'the request body is larger than 64 KiB, the most this endpoint accepts',
    });
  });

  it('refuses a declared Content-Length over the limit at once, keeping none of the body', async () => {
    const { body, counter } = countingStream(64 * 1024 * KIB);
    expect(await readRequestText(post(body, { 'content-length': String(64 * 1024 * KIB) }), 256 * KIB)).toMatchObject({ ok: false, status: 413 });
    // Refused before the body was read; what follows is only thrown away, and only up to the allowance.
    expect(counter.pulled).toBeLessThanOrEqual(2 * 64 * KIB);
    await eventually(() => counter.cancelled);
    expect(counter.pulled).toBeLessThanOrEqual(DISCARD_ALLOWANCE + 4 * 64 * KIB);
  });

  it('refuses a streamed body as soon as it passes the limit, whatever Content-Length claims, and drops it past the allowance', async () => {
    const streamed = countingStream(64 * 1024 * KIB);
    expect(await readRequestText(post(streamed.body), 256 * KIB)).toMatchObject({ ok: false, status: 413 });
    expect(streamed.counter.pulled).toBeLessThanOrEqual(256 * KIB + 4 * 64 * KIB);
    await eventually(() => streamed.counter.cancelled);
    expect(streamed.counter.pulled).toBeLessThanOrEqual(256 * KIB + DISCARD_ALLOWANCE + 4 * 64 * KIB);
    const understated = countingStream(64 * 1024 * KIB);
    expect(await readRequestText(post(understated.body, { 'content-length': '2' }), 256 * KIB)).toMatchObject({ ok: false, status: 413 });
  });

  it('reads the rest of a body a little over the limit to its end, so the stream is not cut off', async () => {
    const { body, counter } = countingStream(320 * KIB);
    expect(await readRequestText(post(body), 256 * KIB)).toMatchObject({ ok: false, status: 413 });
    await eventually(() => counter.pulled >= 320 * KIB);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(counter.cancelled).toBe(false);
  });
});

describe('readIncomingText on a real Node request', () => {
  let url: URL;
  let results: BoundedBody[] = [];
  /** What the server had taken off the socket when it answered: the body it read, and what the socket buffered. */
  let serverRead = 0;
  const server = createServer((req: IncomingMessage, res) => {
    void readIncomingText(req, 256 * KIB).then((result) => {
      results.push(result);
      serverRead = req.socket.bytesRead;
      res.writeHead(result.ok ? 200 : result.status, result.ok ? {} : { Connection: 'close' });
      res.end(result.ok ? `${result.text.length}` : result.error);
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /**
   * Sends `chunks` chunks of 64 KiB (chunked, or with the given Content-Length), stopping as soon as the answer
   * arrives; resolves with the status and how many bytes were written by then.
   */
  function send(chunks: number, headers: Record<string, string> = {}): Promise<{ status: number; written: number }> {
    results = [];
    return new Promise((resolve, reject) => {
      let written = 0;
      let answered = false;
      const req = httpRequest(url, { method: 'POST', headers }, (res) => {
        answered = true;
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, written }));
      });
      // Writing after a refusal may meet a closed connection; the answer already came.
      req.on('error', (error) => (answered ? undefined : reject(error)));
      const chunk = Buffer.alloc(64 * KIB, 0x61);
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

  it('reads a body within the limit', async () => {
    expect(await send(4)).toEqual({ status: 200, written: 4 * 64 * KIB });
    expect(results).toEqual([{ ok: true, text: 'a'.repeat(4 * 64 * KIB) }]);
  });

  it('answers 413 to a streamed body once it passes the limit, not when it ends', async () => {
    const { status } = await send(64);
    expect(status).toBe(413);
    // 4 MiB sent: the server decided a little past 256 KiB (what it had taken off the socket by then).
    expect(serverRead).toBeLessThan(1024 * KIB);
    expect(results).toEqual([{ ok: false, status: 413, error: 'the request body is larger than 256 KiB, the most this endpoint accepts' }]);
  });

  it('answers 413 to a declared Content-Length over the limit before reading the body', async () => {
    const { status } = await send(64, { 'content-length': String(64 * 64 * KIB) });
    expect(status).toBe(413);
    expect(serverRead).toBeLessThan(256 * KIB);
  });

  it('lets a client that sends all of a body a little over the limit read the 413', async () => {
    // The client writes every byte before it reads anything: the refusal must wait for it, not reset the connection.
    expect(await send(6)).toEqual({ status: 413, written: 6 * 64 * KIB });
  });
});

describe('discardIncomingBody', () => {
  it('throws a body away up to the allowance, then drops the connection', async () => {
    let closed: { complete: boolean; discarded: number } | undefined;
    const server = createServer((req, res) => {
      discardIncomingBody(req, 1024 * KIB);
      res.on('close', () => (closed = { complete: req.complete, discarded: req.socket.bytesRead }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = httpRequest(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { method: 'POST', headers: { 'content-length': String(64 * 1024 * KIB) } });
    client.on('error', () => undefined);
    const chunk = Buffer.alloc(64 * KIB);
    const pump = (): void => {
      while (!client.destroyed && closed === undefined) if (!client.write(chunk)) return void client.once('drain', pump);
    };
    pump();
    await eventually(() => closed !== undefined);
    expect(closed?.complete).toBe(false);
    expect(closed?.discarded).toBeLessThan(4 * 1024 * KIB);
    client.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
});

describe('carriesBody', () => {
  it('sees a body in a non-zero Content-Length or any Transfer-Encoding', () => {
    expect(carriesBody({})).toBe(false);
    expect(carriesBody({ 'content-length': '0' })).toBe(false);
    expect(carriesBody({ 'content-length': '12' })).toBe(true);
    expect(carriesBody({ 'transfer-encoding': 'chunked' })).toBe(true);
  });
});

describe('formatBytes', () => {
  it('names sizes the way the limits are written', () => {
    expect([formatBytes(1024 * 1024), formatBytes(256 * 1024), formatBytes(1536), formatBytes(900)]).toEqual(['1 MiB', '256 KiB', '1.5 KiB', '900 bytes']);
  });
});
