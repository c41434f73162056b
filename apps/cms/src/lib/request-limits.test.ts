import { describe, expect, it } from 'vitest';

import { bodyLimitFor, limitingBodies, MAX_JSON_BODY_BYTES, MAX_UPLOAD_BODY_BYTES } from './request-limits';

const context = { params: Promise.resolve({ slug: [] }) };
/** A stand-in for Payload's handler that reads the whole body, as its JSON parsing does. */
const reader = limitingBodies(async (request) => Response.json({ bytes: (await request.arrayBuffer()).byteLength }));

function streamOf(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const chunk = new Uint8Array(Math.min(64 * 1024, bytes - sent));
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

describe('request body limits on Payload’s own routes', () => {
  it('uploads may be larger than JSON', () => {
    expect(bodyLimitFor('/api/media')).toBe(MAX_UPLOAD_BODY_BYTES);
    expect(bodyLimitFor('/api/articles/1')).toBe(MAX_JSON_BODY_BYTES);
    expect(bodyLimitFor('/api/graphql')).toBe(MAX_JSON_BODY_BYTES);
  });

  it('refuses a declared Content-Length over the limit without reading it', async () => {
    const request = new Request('http://cms.test/api/articles', {
      method: 'POST',
      headers: { 'content-length': String(MAX_JSON_BODY_BYTES + 1) },
      body: 'x',
    });
    const response = await reader(request, context);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/larger than the 2 MiB/);
  });

  it('cuts off a streamed body with no length once it passes the limit', async () => {
    const request = new Request('http://cms.test/api/articles', { method: 'POST', body: streamOf(MAX_JSON_BODY_BYTES + 10), duplex: 'half' } as RequestInit);
    expect((await reader(request, context)).status).toBe(413);
  });

  it('passes bodies within the limit through untouched', async () => {
    const request = new Request('http://cms.test/api/articles', { method: 'POST', body: streamOf(1000), duplex: 'half' } as RequestInit);
    const response = await reader(request, context);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ bytes: 1000 });
  });
});
