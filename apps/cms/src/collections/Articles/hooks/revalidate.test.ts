import type { PayloadRequest } from 'payload';
import { describe, expect, it, vi } from 'vitest';

import { afterCommit, articleChangeTags, postRevalidation, revalidationTarget } from './revalidate';

const target = { url: 'http://web.test/api/revalidate', secret: 's3cret' };

/** A request whose Local API answers slug lookups from small tables, and whose main-table row says `rowStatus`. */
function fakeReq(rowStatus: string | null = 'published') {
  const tables: Record<string, { id: number; slug: string }[]> = {
    sections: [{ id: 1, slug: 'world' }],
    authors: [
      { id: 3, slug: 'elizabeth-shim' },
      { id: 4, slug: 'ana-ruiz' },
    ],
  };
  return {
    payload: {
      find: vi.fn(async ({ collection, where }: { collection: string; where: { id: { in: number[] } } }) => ({
        docs: (tables[collection] ?? []).filter((doc) => where.id.in.includes(doc.id)),
      })),
      db: { findOne: vi.fn(async () => (rowStatus ? { _status: rowStatus } : null)) },
      logger: { warn: vi.fn() },
      destroy: vi.fn(async () => undefined),
    },
  } as unknown as PayloadRequest;
}

describe('revalidationTarget', () => {
  it('posts to the site named by WEB_INTERNAL_URL or WEB_URL, with REVALIDATE_SECRET', () => {
    expect(revalidationTarget({ REVALIDATE_SECRET: 'x', WEB_URL: 'http://localhost:3000/' })).toEqual({ url: 'http://localhost:3000/api/revalidate', secret: 'x' });
    expect(revalidationTarget({ REVALIDATE_SECRET: 'x', WEB_URL: 'http://a', WEB_INTERNAL_URL: 'http://b:1' })?.url).toBe('http://b:1/api/revalidate');
  });
});

describe('postRevalidation', () => {
  it('sends the tags with the secret header', async () => {
    const fetchImpl = vi.fn(async () => new Response('{}', { status: 200 }));
    await expect(postRevalidation(['articles', 'article:a'], { target, fetchImpl: fetchImpl as unknown as typeof fetch })).resolves.toBe(true);
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(target.url);
    expect(new Headers(init.headers).get('x-revalidate-secret')).toBe('s3cret');
    expect(JSON.parse(String(init.body))).toEqual({ tags: ['articles', 'article:a'] });
  });

  it('never throws: a site that is down or refuses gives false and a warning', async () => {
    const logger = { warn: vi.fn() };
    const down = vi.fn(async () => Promise.reject(new TypeError('fetch failed')));
    await expect(postRevalidation(['articles'], { target, fetchImpl: down as unknown as typeof fetch, logger })).resolves.toBe(false);
    const refused = vi.fn(async () => new Response('{}', { status: 401 }));
    await expect(postRevalidation(['articles'], { target, fetchImpl: refused as unknown as typeof fetch, logger })).resolves.toBe(false);
    expect(logger.warn).toHaveBeenCalled();
  });

  it('gives up on a hung site after its timeout', async () => {
    const hung = vi.fn(
      (_url: string, init: RequestInit) => new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason))),
    );
    const started = Date.now();
    await expect(postRevalidation(['articles'], { target, fetchImpl: hung as unknown as typeof fetch, timeoutMs: 50 })).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('afterCommit', () => {
  it('waits for the transaction to commit, and payload.destroy() waits for the request', async () => {
    const req = fakeReq();
    req.transactionID = 'tx-1';
    const destroy = req.payload.destroy as ReturnType<typeof vi.fn>;
    const events: string[] = [];
    const sent = afterCommit(req, async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      events.push('sent');
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(events).toEqual([]);
    delete req.transactionID;
    await req.payload.destroy();
    events.push('destroyed');
    expect(events).toEqual(['sent', 'destroyed']);
    expect(destroy).toHaveBeenCalledOnce();
    await sent;
  });
});

describe('articleChangeTags', () => {
  const live = { id: 7, slug: 'a-story', _status: 'published', section: 1, authors: [3] };

  it('names the article, the lists, its section and authors when a story goes live or changes', async () => {
    expect(await articleChangeTags(fakeReq(), live, { ...live, _status: 'draft', slug: 'old-slug', authors: [4] })).toEqual([
      'article:a-story',
      'article:old-slug',
      'articles',
      'section:world',
      'author:elizabeth-shim',
      'author:ana-ruiz',
    ]);
  });

  it('names nothing for a draft that was never live', async () => {
    expect(await articleChangeTags(fakeReq(null), { ...live, _status: 'draft' }, { ...live, _status: 'draft' })).toEqual([]);
  });

  it('names nothing for a draft saved over a live story (the live version is untouched)', async () => {
    expect(await articleChangeTags(fakeReq('published'), { ...live, _status: 'draft' }, live)).toEqual([]);
  });

  it('names the story when it is unpublished', async () => {
    expect(await articleChangeTags(fakeReq('draft'), { ...live, _status: 'draft' }, live)).toContain('article:a-story');
  });

  it('reads populated relationships without looking them up', async () => {
    const req = fakeReq();
    const tags = await articleChangeTags(req, { ...live, section: { id: 9, slug: 'science' }, authors: [{ id: 8, slug: 'x-y' }] });
    expect(tags).toEqual(['article:a-story', 'articles', 'section:science', 'author:x-y']);
    expect(req.payload.find).not.toHaveBeenCalled();
  });
});
