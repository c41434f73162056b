import { describe, expect, it, vi } from 'vitest';

import { CmsRequestError, CmsUnavailableError, createCmsClient } from './cms-client';

function fakeFetch(handler: (url: URL, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: URL; init: RequestInit }[] = [];
  const fn = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push({ url, init: init ?? {} });
    return handler(url, init ?? {});
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const list = (docs: unknown[]) => json({ docs, totalDocs: docs.length, limit: 10, totalPages: 1, hasNextPage: false });

describe('createCmsClient', () => {
  it('asks Payload for a live article by slug at depth 1', async () => {
    const { fetch, calls } = fakeFetch(() => list([{ id: 1, headline: 'A', slug: 'a' }]));
    const client = createCmsClient({ baseUrl: 'http://cms.test/', fetch });
    expect(await client.article('a')).toMatchObject({ id: 1 });
    const url = calls[0]!.url;
    expect(url.pathname).toBe('/api/articles');
    expect(url.searchParams.get('where[slug][equals]')).toBe('a');
    expect(url.searchParams.get('depth')).toBe('1');
    expect(url.searchParams.has('draft')).toBe(false);
    expect(new Headers(calls[0]!.init.headers).has('authorization')).toBe(false);
  });

  it('reads the whole live article but the desk’s fields: only exclusions, so an edit like a new correction is on the page', async () => {
    const { fetch, calls } = fakeFetch(() => list([{ id: 1, headline: 'A', slug: 'a', corrections: [{ kind: 'update', text: 'New.', at: '2018-09-18T10:00:00.000Z' }] }]));
    expect((await createCmsClient({ baseUrl: 'http://cms.test', fetch }).article('a'))?.corrections).toHaveLength(1);
    const params = calls[0]!.url.searchParams;
    const select = [...params.entries()].filter(([key]) => key.startsWith('select['));
    expect(select.length).toBeGreaterThan(0);
    expect(select.every(([, value]) => value === 'false')).toBe(true);
    // Who wrote it in the CMS, and its audit trail, are never read for a page.
    expect(params.get('select[createdBy]')).toBe('false');
    expect(params.get('select[auditTrail]')).toBe('false');
    expect(params.has('select[body]')).toBe(false);
    expect(params.has('select[corrections]')).toBe(false);
  });

  it('names what related documents bring to an article page: bylines, section, photo, ad slot ids', async () => {
    const { fetch, calls } = fakeFetch(() => list([{ id: 1, headline: 'A', slug: 'a' }]));
    await createCmsClient({ baseUrl: 'http://cms.test', fetch }).article('a');
    const populated = [...calls[0]!.url.searchParams.keys()].filter((key) => key.startsWith('populate['));
    const collections = new Set(populated.map((key) => key.slice('populate['.length, key.indexOf(']'))));
    expect([...collections].sort()).toEqual(['ad-slots', 'authors', 'media', 'sections']);
    const params = calls[0]!.url.searchParams;
    expect(params.get('populate[authors][name]')).toBe('true');
    expect(params.get('populate[sections][slug]')).toBe('true');
    expect(params.get('populate[media][sizes]')).toBe('true');
    // Users are never populated into a page.
    expect(populated.some((key) => key.startsWith('populate[users]'))).toBe(false);
  });

  it('gives every query it sends the CMS an explicit depth and field selection', async () => {
    const { fetch, calls } = fakeFetch(() => list([]));
    const client = createCmsClient({ baseUrl: 'http://cms.test', fetch });
    await Promise.all([
      client.article('a'),
      client.articles({ limit: 10, withoutBody: true }),
      client.articleRefs({ limit: 10, order: 'oldest', fields: ['slug'] }),
      client.headlines(10),
      client.adSlots(),
      client.author('a'),
      client.section('a'),
      client.sections(),
      client.authors(),
      client.authorPage({ limit: 10, page: 1 }),
    ]);
    expect(calls).toHaveLength(10);
    for (const call of calls) {
      const keys = [...call.url.searchParams.keys()];
      expect(keys, call.url.toString()).toContain('depth');
      expect(keys.some((key) => key.startsWith('select[')), call.url.toString()).toBe(true);
    }
  });

  it('asks the CMS whether a slug was killed, anonymously: a tombstone, or undefined when it never was', async () => {
    const { fetch, calls } = fakeFetch((url) =>
      url.pathname === '/api/articles/gone/pulled-story' ? json({ slug: 'pulled-story', killedAt: '2026-12-01T09:30:00.000Z' }) : json({ errors: [] }, 404),
    );
    const client = createCmsClient({ baseUrl: 'http://cms.test', fetch });
    expect(await client.goneArticle('pulled-story')).toEqual({ slug: 'pulled-story', killedAt: '2026-12-01T09:30:00.000Z' });
    expect(await client.goneArticle('live-story')).toBeUndefined();
    expect(calls.map((call) => `${call.url.pathname}${call.url.search}`)).toEqual(['/api/articles/gone/pulled-story', '/api/articles/gone/live-story']);
    expect(calls.every((call) => !new Headers(call.init.headers).has('authorization'))).toBe(true);
  });

  it('takes a tombstone without a readable kill time, and calls a failing CMS unavailable rather than "not killed"', async () => {
    const odd = fakeFetch(() => json({ slug: 'x', killedAt: 'soon' }));
    expect(await createCmsClient({ baseUrl: 'http://cms.test', fetch: odd.fetch }).goneArticle('x')).toEqual({ slug: 'x' });
    const down = fakeFetch(() => new Response('oops', { status: 502 }));
    await expect(createCmsClient({ baseUrl: 'http://cms.test', fetch: down.fetch }).goneArticle('x')).rejects.toBeInstanceOf(CmsUnavailableError);
  });

  it('returns undefined for an unknown slug', async () => {
    const { fetch } = fakeFetch(() => list([]));
    expect(await createCmsClient({ baseUrl: 'http://cms.test', fetch }).article('nope')).toBeUndefined();
  });

  it('reads drafts only with an editor’s token, and never memoizes them', async () => {
    const { fetch, calls } = fakeFetch(() => list([{ id: 1, headline: 'Draft', slug: 'a', _status: 'draft' }]));
    const client = createCmsClient({ baseUrl: 'http://cms.test', fetch, memoMs: 10_000 });
    await client.article('a', { draftToken: 'tok' });
    await client.article('a', { draftToken: 'tok' });
    expect(calls).toHaveLength(2);
    expect(calls[0]!.url.searchParams.get('draft')).toBe('true');
    expect(new Headers(calls[0]!.init.headers).get('authorization')).toBe('JWT tok');
  });

  it('filters article lists by section, author and time, newest first, without bodies when asked', async () => {
    const { fetch, calls } = fakeFetch(() => list([]));
    await createCmsClient({ baseUrl: 'http://cms.test', fetch }).articles({ limit: 5, sectionId: 2, authorId: 3, since: '2024-01-01T00:00:00.000Z', withoutBody: true });
    const params = calls[0]!.url.searchParams;
    expect(params.get('where[and][0][section][equals]')).toBe('2');
    expect(params.get('where[and][1][authors][in][0]')).toBe('3');
    expect(params.get('where[and][2][publishedAt][greater_than_equal]')).toBe('2024-01-01T00:00:00.000Z');
    expect(params.get('sort')).toBe('-publishedAt');
    // Cards and feeds: the fields they print, never the body.
    expect(params.has('select[body]')).toBe(false);
    for (const field of ['headline', 'dek', 'slug', 'authors', 'section', 'hero', 'publishedAt']) expect(params.get(`select[${field}]`), field).toBe('true');
  });

  it('asks for one section’s stories by the section’s slug', async () => {
    const { fetch, calls } = fakeFetch(() => list([]));
    await createCmsClient({ baseUrl: 'http://cms.test', fetch }).articles({ limit: 51, sectionSlug: 'world', withoutBody: true });
    const params = calls[0]!.url.searchParams;
    expect(params.get('where[and][0][section.slug][equals]')).toBe('world');
    expect(params.get('limit')).toBe('51');
  });

  it('reads bare article references for sitemaps: depth 0, only the fields asked for, a time window, a stable order', async () => {
    const { fetch, calls } = fakeFetch(() => list([{ id: 1, slug: 'a', publishedAt: '2026-12-01T08:00:00.000Z' }]));
    const client = createCmsClient({ baseUrl: 'http://cms.test', fetch });
    const result = await client.articleRefs({
      limit: 1000,
      page: 3,
      from: '2026-12-01T00:00:00.000Z',
      before: '2026-12-02T00:00:00.000Z',
      order: 'oldest',
      fields: ['slug', 'publishedAt', 'updatedAt'],
    });
    expect(result.docs).toEqual([{ id: 1, slug: 'a', publishedAt: '2026-12-01T08:00:00.000Z' }]);
    const params = calls[0]!.url.searchParams;
    expect(calls[0]!.url.pathname).toBe('/api/articles');
    expect(params.get('depth')).toBe('0');
    expect(params.get('limit')).toBe('1000');
    expect(params.get('page')).toBe('3');
    expect(params.get('sort')).toBe('publishedAt,id');
    expect(params.get('where[and][0][publishedAt][greater_than_equal]')).toBe('2026-12-01T00:00:00.000Z');
    expect(params.get('where[and][1][publishedAt][less_than]')).toBe('2026-12-02T00:00:00.000Z');
    expect([...params.keys()].filter((key) => key.startsWith('select')).sort()).toEqual(['select[publishedAt]', 'select[slug]', 'select[updatedAt]']);
    expect(params.get('select[slug]')).toBe('true');

    await client.articleRefs({ limit: 250, page: 1, from: '2026-12-13T10:00:00.000Z', order: 'newest', fields: ['slug', 'headline', 'publishedAt'] });
    expect(calls[1]!.url.searchParams.get('sort')).toBe('-publishedAt,-id');
    expect(calls[1]!.url.searchParams.get('select[headline]')).toBe('true');
    await client.articleRefs({ limit: 1, page: 1, order: 'updated', fields: ['updatedAt'] });
    expect(calls[2]!.url.searchParams.get('sort')).toBe('-updatedAt,-id');
    expect(calls[2]!.url.searchParams.has('where[and][0][publishedAt][greater_than_equal]')).toBe(false);
  });

  it('pages through authors with an explicit size', async () => {
    const { fetch, calls } = fakeFetch(() => list([]));
    await createCmsClient({ baseUrl: 'http://cms.test', fetch }).authorPage({ limit: 1000, page: 2 });
    const params = calls[0]!.url.searchParams;
    expect(calls[0]!.url.pathname).toBe('/api/authors');
    expect([params.get('limit'), params.get('page'), params.get('depth')]).toEqual(['1000', '2', '0']);
  });

  it('calls an unreachable, failing or garbled CMS unavailable — never "not found"', async () => {
    const down = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    await expect(createCmsClient({ baseUrl: 'http://cms.test', fetch: down.fetch }).article('a')).rejects.toBeInstanceOf(CmsUnavailableError);
    const failing = fakeFetch(() => json({ errors: [] }, 503));
    await expect(createCmsClient({ baseUrl: 'http://cms.test', fetch: failing.fetch }).headlines(5)).rejects.toBeInstanceOf(CmsUnavailableError);
    const garbled = fakeFetch(() => new Response('<html>proxy error</html>', { status: 200 }));
    await expect(createCmsClient({ baseUrl: 'http://cms.test', fetch: garbled.fetch }).adSlots()).rejects.toBeInstanceOf(CmsUnavailableError);
    const refused = fakeFetch(() => json({ errors: [] }, 400));
    await expect(createCmsClient({ baseUrl: 'http://cms.test', fetch: refused.fetch }).adSlots()).rejects.toBeInstanceOf(CmsRequestError);
  });

  it('gives up on a hung CMS after its timeout', async () => {
    const hung = fakeFetch((_, init) => new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason))));
    const started = Date.now();
    await expect(createCmsClient({ baseUrl: 'http://cms.test', fetch: hung.fetch, timeoutMs: 50 }).adSlots()).rejects.toBeInstanceOf(CmsUnavailableError);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('shares one request among identical anonymous reads within the memo window, and forgets on clearMemo()', async () => {
    const { fetch, calls } = fakeFetch(() => list([]));
    const client = createCmsClient({ baseUrl: 'http://cms.test', fetch, memoMs: 10_000 });
    await Promise.all([client.headlines(5), client.headlines(5), client.headlines(5)]);
    expect(calls).toHaveLength(1);
    client.clearMemo();
    await client.headlines(5);
    expect(calls).toHaveLength(2);
  });

  it('does not remember a failure', async () => {
    let fail = true;
    const { fetch, calls } = fakeFetch(() => (fail ? json({}, 500) : list([])));
    const client = createCmsClient({ baseUrl: 'http://cms.test', fetch, memoMs: 10_000 });
    await expect(client.adSlots()).rejects.toThrow();
    fail = false;
    await expect(client.adSlots()).resolves.toEqual([]);
    expect(calls).toHaveLength(2);
  });

  it('checks an editor token against /api/users/me', async () => {
    const { fetch, calls } = fakeFetch((url, init) =>
      new Headers(init.headers).get('authorization') === 'JWT good' ? json({ user: { id: 1, email: 'e@x', role: 'editor' } }) : json({ user: null }),
    );
    const client = createCmsClient({ baseUrl: 'http://cms.test', fetch });
    expect(await client.currentUser('good')).toMatchObject({ role: 'editor' });
    expect(await client.currentUser('bad')).toBeUndefined();
    expect(calls[0]!.url.pathname).toBe('/api/users/me');
  });
});

describe('search and tag pages', () => {
  it('asks /api/search for the words and the page, and keeps only well-formed hits', async () => {
    const { fetch, calls } = fakeFetch(() =>
      json({ docs: [{ id: 1, slug: 'a', headline: 'A', snippet: [{ text: 'word', mark: true }] }, { id: 2, slug: 'Bad Slug', headline: 'B' }], page: 1, totalDocs: 2, totalPages: 1 }),
    );
    const results = await createCmsClient({ baseUrl: 'http://cms.test', fetch }).search({ q: 'a "word"', page: 2, limit: 10 });
    expect(calls[0]!.url.pathname).toBe('/api/search');
    expect(Object.fromEntries(calls[0]!.url.searchParams)).toEqual({ q: 'a "word"', page: '2', limit: '10' });
    expect(results.docs.map((doc) => doc.id)).toEqual([1]);
    expect(results.docs[0]!.snippet).toEqual([{ text: 'word', mark: true }]);
  });

  it('treats an answer that is not a result list as the CMS failing, and a refused query as a bug', async () => {
    await expect(createCmsClient({ baseUrl: 'http://cms.test', fetch: fakeFetch(() => json({ nope: true })).fetch }).search({ q: 'a', page: 1, limit: 10 })).rejects.toBeInstanceOf(
      CmsUnavailableError,
    );
    await expect(
      createCmsClient({ baseUrl: 'http://cms.test', fetch: fakeFetch(() => json({ errors: [] }, 400)).fetch }).search({ q: 'a', page: 1, limit: 10 }),
    ).rejects.toBeInstanceOf(CmsRequestError);
  });

  it('lists a tag’s stories from /api/search/tags/<slug>', async () => {
    const { fetch, calls } = fakeFetch(() => list([{ id: 3, slug: 'c', headline: 'C' }]));
    const result = await createCmsClient({ baseUrl: 'http://cms.test', fetch }).taggedArticles({ slug: 'north-korea', page: 2, limit: 30 });
    expect(result.docs.map((doc) => doc.id)).toEqual([3]);
    expect(calls[0]!.url.pathname).toBe('/api/search/tags/north-korea');
    expect(Object.fromEntries(calls[0]!.url.searchParams)).toEqual({ page: '2', limit: '30' });
  });
});
