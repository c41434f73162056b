// The reader site's front door (apps/web/scripts/serve.mjs) in front of the real Next: a GET carrying a body is refused
// with 400 on raw sockets, so neither of the two request-smuggling sequences can make a reader get another page, and a
// GET that declares a body it never sends stalls nobody. Pages carry their Surrogate-Key, a revalidation purges
// exactly the pages it names, and preview readers and other Host names never touch the cache.
import { connect } from 'node:net';

import { expect, test } from '@playwright/test';

import { fetchText, type Newsroom, SEED_HEADLINE, SEED_SLUG, startNewsroom } from '../support/newsroom';

/** Writes exact bytes on a raw socket and reads until the server closes it, or `waitMs` passes. */
function raw(base: string, bytes: string, waitMs = 10_000): Promise<{ text: string; closedByServer: boolean; ms: number }> {
  const { hostname, port } = new URL(base);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closedByServer: false, ms: performance.now() - started });
    }, waitMs);
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('end', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closedByServer: true, ms: performance.now() - started });
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.write(bytes, 'latin1');
  });
}

const statusLines = (text: string) => [...text.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
const header = (text: string, name: string) => new RegExp(`^${name}: *(.*)$`, 'im').exec(text)?.[1]?.trim();

test.describe.serial('the front door refuses smuggling and stalls, and purges by tag', () => {
  let newsroom: Newsroom;
  let host: string;
  const web = () => newsroom.webBase;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    newsroom = await startNewsroom();
    host = new URL(newsroom.webBase).host;
  });
  test.afterAll(async () => newsroom?.stop());

  test('a GET carrying a body is refused, and no reader of /?x=1 is ever given the sitemap', async () => {
    // If the first request's Content-Length reached Next without its body, Next would read the start of the next
    // request on that socket as the body and answer "GET /news-sitemap.xml" to the front door's fetch of /?x=1.
    const prefix = 'GET /?x=1 HTTP/1.1\r\nx-pad: ';
    const smuggler = `GET /feed.xml HTTP/1.1\r\nHost: ${host}\r\nContent-Length: ${prefix.length}\r\n\r\n${'A'.repeat(prefix.length)}`;
    const carrier = `GET /?x=1 HTTP/1.1\r\nX-Pad: GET /news-sitemap.xml HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`;

    const pipelined = await raw(web(), smuggler + carrier);
    expect(statusLines(pipelined.text)[0]).toBe(400);
    expect(pipelined.closedByServer).toBe(true);

    for (let round = 0; round < 3; round++) {
      expect(statusLines((await raw(web(), smuggler)).text)).toEqual([400]);
      const carried = await raw(web(), carrier);
      expect(statusLines(carried.text)).toEqual([200]);
      expect(header(carried.text, 'content-type')).toContain('text/html');
      expect(carried.text).not.toContain('<urlset');
    }

    for (let i = 0; i < 3; i++) {
      const reader = await fetchText(`${web()}/?x=1`);
      expect(reader.status).toBe(200);
      expect(reader.headers.get('content-type')).toContain('text/html');
      expect(reader.text).toContain(SEED_HEADLINE);
      expect(reader.text).not.toContain('<urlset');
      const plain = await raw(web(), `GET /?x=1 HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(statusLines(plain.text)).toEqual([200]);
      expect(header(plain.text, 'x-edge-cache')).toBe('HIT');
      expect(plain.text).not.toContain('<urlset');
    }
    // The feed itself is still the feed.
    const feed = await fetchText(`${web()}/feed.xml`);
    expect(feed.text).toContain('<rss');
  });

  test('a chunked GET is refused too', async () => {
    const chunked = await raw(web(), `GET /feed.xml HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`);
    expect(statusLines(chunked.text)).toEqual([400]);
    expect(chunked.closedByServer).toBe(true);
  });

  test('a GET that declares 100000 body bytes and sends none gets 400 at once, and other readers are served meanwhile', async () => {
    await fetch(`${web()}/news/${SEED_SLUG}`);
    const stalled = raw(web(), `GET /?x=3 HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 100000\r\n\r\n`);
    const started = performance.now();
    const readers = await Promise.all([`/news/${SEED_SLUG}`, '/', '/feed.xml', '/?x=1'].map((path) => fetchText(`${web()}${path}`)));
    for (const reader of readers) expect(reader.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(5000);
    const answer = await stalled;
    expect(statusLines(answer.text)).toEqual([400]);
    expect(answer.closedByServer).toBe(true);
    expect(answer.ms).toBeLessThan(3000);
    // And the stalled URL itself is answered normally afterwards.
    expect((await fetchText(`${web()}/?x=3`)).text).toContain(SEED_HEADLINE);
  });

  test('pages carry their Surrogate-Key and a revalidation purges exactly the pages it names', async () => {
    const article = `${web()}/news/${SEED_SLUG}`;
    await fetch(article);
    await fetch(`${web()}/feed.xml`);
    const hit = await fetchText(article);
    expect(hit.headers.get('x-edge-cache')).toBe('HIT');
    expect(hit.headers.get('surrogate-key')?.split(' ')).toEqual(expect.arrayContaining([`article:${SEED_SLUG}`, 'ad-slots', 'sections']));
    // A publish does not purge every article page: their rail refreshes itself from the widget JSON (docs/adr/0014).
    expect(hit.headers.get('surrogate-key')?.split(' ')).not.toContain('articles');
    expect(Number(hit.headers.get('age'))).toBeGreaterThanOrEqual(0);
    const feed = await fetchText(`${web()}/feed.xml`);
    expect(feed.headers.get('x-edge-cache')).toBe('HIT');
    expect(feed.headers.get('surrogate-key')).toBe('articles');

    const revalidated = await fetch(`${web()}/api/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-revalidate-secret': newsroom.env.REVALIDATE_SECRET! },
      body: JSON.stringify({ tags: [`article:${SEED_SLUG}`] }),
    });
    expect(revalidated.status).toBe(200);
    const after = await fetchText(article);
    expect(after.status).toBe(200);
    expect(after.headers.get('x-edge-cache')).toBe('MISS');
    expect(after.text).toContain(`<h1>${SEED_HEADLINE}</h1>`);
    expect((await fetchText(`${web()}/feed.xml`)).headers.get('x-edge-cache')).toBe('HIT');
  });

  test('a reader with a preview cookie, or asking for another host, is never served from the cache', async () => {
    const article = `${web()}/news/${SEED_SLUG}`;
    await fetch(article);
    expect((await fetchText(article)).headers.get('x-edge-cache')).toBe('HIT');
    const preview = await fetch(article, { headers: { cookie: 'theme=dark; __prerender_bypass=not-a-real-one' }, redirect: 'manual' });
    expect(preview.headers.get('x-edge-cache')).toBe('BYPASS');
    const session = await fetch(article, { headers: { cookie: 'payload-token=not-a-real-one' }, redirect: 'manual' });
    expect(session.headers.get('x-edge-cache')).toBe('BYPASS');

    const other = await raw(web(), `GET /news/${SEED_SLUG} HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`);
    expect(statusLines(other.text)).toHaveLength(1);
    expect(header(other.text, 'x-edge-cache')).toBe('BYPASS');
  });
});
