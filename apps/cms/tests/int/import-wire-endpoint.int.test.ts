/**
 * `POST /api/articles/import-wire` through Payload's REST handler (what the admin's import form calls): the body is
 * read only up to its limit, and what the wire parser refuses is refused quickly and by name.
 */
import { handleEndpoints } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DISCARD_ALLOWANCE } from '../../src/lib/bounded-body';
import { openTestPayload, type TestPayload } from '../support/databases';
import { makeUser } from '../support/fixtures';

const KIB = 1024;
const PASSWORD = 'correct horse battery staple';

const STORY = [
  'Lisbon trams return to the hills',
  '',
  'By Rosa Delgado',
  '',
  'LISBON, April 4 (UPI) -- Tram line 28 will run again on Sunday after three months of track repairs, the operator said.',
  '',
  '"We know the neighbourhood missed it," a spokeswoman said.',
].join('\n');

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

describe('the wire import endpoint over REST', () => {
  let t: TestPayload;
  let token: string;

  beforeAll(async () => {
    t = await openTestPayload('sqlite');
    const editor = await makeUser(t.payload, 'editor');
    const login = await t.payload.login({ collection: 'users', data: { email: editor.email, password: PASSWORD } });
    token = login.token!;
  });
  afterAll(async () => t?.close());

  /** POSTs to the endpoint through Payload's REST handler, as the signed-in editor unless `signedIn` is false. */
  async function importWire(body: BodyInit | ReadableStream<Uint8Array>, { headers = {}, signedIn = true }: { headers?: Record<string, string>; signedIn?: boolean } = {}) {
    const request = new Request('http://cms.test/api/articles/import-wire', {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': 'application/json', ...(signedIn ? { authorization: `JWT ${token}` } : {}), ...headers },
    } as RequestInit);
    const started = performance.now();
    const response = await handleEndpoints({ config: t.payload.config, payloadInstanceCacheKey: `test:${t.db.target.url}`, request });
    const ms = performance.now() - started;
    return { status: response.status, json: (await response.json()) as { errors?: { message: string; line?: number | null }[]; doc?: { slug: string; status: string } }, ms };
  }

  const articles = async () => (await t.payload.count({ collection: 'articles', overrideAccess: true })).totalDocs;

  it('imports a pasted story as a draft', async () => {
    const { status, json } = await importWire(JSON.stringify({ text: STORY, year: 2024 }));
    expect(status, JSON.stringify(json)).toBe(201);
    expect(json.doc).toMatchObject({ slug: 'lisbon-trams-return-to-the-hills', status: 'draft' });
  });

  it('refuses a body over 1 MiB with 413, naming the limits, and creates nothing', async () => {
    const before = await articles();
    const { status, json } = await importWire(JSON.stringify({ text: `${STORY}\n\n${'x'.repeat(1024 * KIB)}` }));
    expect(status).toBe(413);
    expect(json.errors).toEqual([
      {
        message:
          'The request body is larger than 1 MiB, the most this endpoint accepts. Wire copy itself is limited to 512 KiB; import one story at a time.',
      },
    ]);
    expect(await articles()).toBe(before);
  });

  it('refuses a declared Content-Length over 1 MiB, keeping none of the body and reading no more than the discard allowance', async () => {
    const { body, counter } = countingStream(64 * 1024 * KIB);
    const { status } = await importWire(body, { headers: { 'content-length': String(64 * 1024 * KIB) } });
    expect(status).toBe(413);
    await eventually(() => counter.cancelled);
    expect(counter.pulled).toBeLessThanOrEqual(DISCARD_ALLOWANCE + 4 * 64 * KIB);
  });

  it('refuses a body sent without Content-Length once it passes 1 MiB, and abandons it past the discard allowance', async () => {
    const { body, counter } = countingStream(64 * 1024 * KIB);
    const { status, json } = await importWire(body);
    expect(status).toBe(413);
    expect(json.errors?.[0]?.message).toMatch(/larger than 1 MiB/);
    await eventually(() => counter.cancelled);
    expect(counter.pulled).toBeLessThanOrEqual(1024 * KIB + DISCARD_ALLOWANCE + 4 * 64 * KIB);
  });

  it('reads no body at all for a request that is not signed in', async () => {
    const { body, counter } = countingStream(8 * 1024 * KIB);
    const { status } = await importWire(body, { signedIn: false });
    expect(status).toBe(401);
    expect(counter.pulled).toBeLessThanOrEqual(64 * KIB);
  });

  it('answers a 1 MB hostile paste inside the body limit with the parser’s size error, at once', async () => {
    // One line of spaces between a name and a bar: the shape that used to hold the parser for minutes.
    const text = `Pass closes\n\nA dog. Photo by Ana${' '.repeat(1_000_000)}|\n\nJan. 3 (UPI) -- The pass closed.`;
    const body = JSON.stringify({ text });
    expect(body.length).toBeLessThan(1024 * KIB);
    const { status, json, ms } = await importWire(body);
    expect(status).toBe(400);
    expect(json.errors?.[0]?.message).toMatch(/^pasted text: the input is too large: over 512 KiB; wire copy is limited to 512 KiB/);
    expect(ms).toBeLessThan(1000);
  });

  it('answers a 500 KB hostile paste inside both limits with the parser’s own error, quickly', async () => {
    const text = `Pass closes\n\nA dog. Photo by Ana${' '.repeat(500_000)}|\n\nJan. 3 (UPI) -- The pass closed.`;
    const { status, json, ms } = await importWire(JSON.stringify({ text }));
    expect(status).toBe(400);
    expect(json.errors).toEqual([
      {
        line: 3,
        message: expect.stringMatching(/^pasted text: line 3: unexpected text "A dog\. Photo by Ana {38}…" before the dateline paragraph on line 5/),
      },
    ]);
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a body that is not JSON', async () => {
    const { status, json } = await importWire('{"text": ');
    expect(status).toBe(400);
    expect(json.errors).toEqual([{ message: 'The request body is not JSON.' }]);
  });
});
