import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import SearchPage from '../pages/search';
import { type CmsClient, createCmsClient } from './cms-client';
import { SEARCH_STATUS, searchPageData } from './search-pages';

/** The site's CMS client (lib/cms.ts keeps one on globalThis), answering from a fake CMS that records what it was asked. */
const KEY = Symbol.for('newsroom.web.cmsClient');
type Holder = { [KEY]?: CmsClient };
let asked: URL[] = [];

function cmsAnswering(search: (url: URL) => Response) {
  (globalThis as Holder)[KEY] = createCmsClient({
    baseUrl: 'http://cms.test',
    fetch: (async (input: string | URL | Request) => {
      const url = new URL(String(input));
      asked.push(url);
      if (url.pathname === '/api/sections') return Response.json({ docs: [{ id: 1, name: 'World', slug: 'world' }], totalDocs: 1, totalPages: 1 });
      return search(url);
    }) as typeof fetch,
  });
}

const HOSTILE = '"><script>alert(1)</script><mark>';
const hit = (id: number, headline: string) => ({
  id,
  slug: `story-${id}`,
  headline,
  dek: null,
  publishedAt: '2026-11-30T12:00:00.000Z',
  section: { slug: 'world', name: 'World' },
  snippet: [
    { text: 'the council and <b>the</b> ', mark: false },
    { text: 'harbour', mark: true },
  ],
});

beforeEach(() => {
  asked = [];
});
afterEach(() => {
  delete (globalThis as Holder)[KEY];
});

describe('searchPageData', () => {
  it('sends no search for an empty query, one over 200 characters, or a malformed page', async () => {
    cmsAnswering(() => Response.json({}, { status: 500 }));
    expect((await searchPageData({})).state).toBe('start');
    expect((await searchPageData({ q: 'x'.repeat(201) })).state).toBe('too-long');
    expect((await searchPageData({ q: 'harbour', page: '0' })).state).toBe('bad-page');
    expect(asked.filter((url) => url.pathname === '/api/search')).toEqual([]);
    expect([SEARCH_STATUS.start, SEARCH_STATUS['too-long'], SEARCH_STATUS['bad-page']]).toEqual([200, 400, 404]);
  });

  it('asks the CMS for the words and the page, and lists what it finds with pagination by ?page=', async () => {
    cmsAnswering(() => Response.json({ docs: [hit(1, 'Harbour plan'), hit(2, 'Council votes')], page: 2, totalDocs: 22, totalPages: 3 }));
    const data = await searchPageData({ q: 'harbour plan', page: '2' });
    const call = asked.find((url) => url.pathname === '/api/search')!;
    expect(Object.fromEntries(call.searchParams)).toEqual({ q: 'harbour plan', page: '2', limit: '10' });
    expect(data.state).toBe('results');
    expect(data.results.map((r) => [r.href, r.headline, r.section])).toEqual([
      ['/news/story-1', 'Harbour plan', 'World'],
      ['/news/story-2', 'Council votes', 'World'],
    ]);
    expect(data.results[0]!.snippetHtml).toBe('the council and &lt;b&gt;the&lt;/b&gt; <mark>harbour</mark>');
    expect(data.pagination).toEqual({ page: 2, totalPages: 3, prevHref: '/search?q=harbour+plan', nextHref: '/search?q=harbour+plan&page=3' });
    expect(data.meta.noindex).toBe(true);
  });

  it('pages only as far as the CMS ranks, while saying how many stories matched', async () => {
    cmsAnswering(() => Response.json({ docs: [hit(1, 'Harbour plan')], page: 50, totalDocs: 70_000, totalPages: 50 }));
    const data = await searchPageData({ q: 'harbour', page: '50' });
    expect(data.state).toBe('results');
    expect(data.totalDocs).toBe(70_000);
    expect(data.moreThanTotal).toBe(false);
    expect(data.pagination).toEqual({ page: 50, totalPages: 50, prevHref: '/search?q=harbour&page=49' });
  });

  it('says "more than" when the CMS stopped counting, and only when it says so', async () => {
    cmsAnswering(() => Response.json({ docs: [hit(1, 'Harbour plan')], page: 1, totalDocs: 1000, totalPages: 50, totalDocsCapped: true }));
    expect(await searchPageData({ q: 'harbour' })).toMatchObject({ state: 'results', totalDocs: 1000, moreThanTotal: true });
    cmsAnswering(() => Response.json({ docs: [hit(1, 'Harbour plan')], page: 1, totalDocs: 1000, totalPages: 50, totalDocsCapped: 'yes' }));
    expect(await searchPageData({ q: 'harbour' })).toMatchObject({ totalDocs: 1000, moreThanTotal: false });
  });

  it('tells "nothing found" from "past the last page" from "the CMS is not answering"', async () => {
    cmsAnswering(() => Response.json({ docs: [], page: 1, totalDocs: 0, totalPages: 1 }));
    expect((await searchPageData({ q: 'nothing' })).state).toBe('none');
    cmsAnswering(() => Response.json({ docs: [], page: 9, totalDocs: 12, totalPages: 2 }));
    expect((await searchPageData({ q: 'harbour', page: '9' })).state).toBe('past-end');
    cmsAnswering(() => Response.json({ errors: [{ message: 'The search took too long.' }] }, { status: 503 }));
    expect((await searchPageData({ q: 'harbour' })).state).toBe('unavailable');
  });
});

describe('the search page', () => {
  const render = async (query: Record<string, string>) =>
    renderToStaticMarkup(createElement(SearchPage, { ...(await searchPageData(query)), siteUrl: 'https://news.example' }));

  it('shows the query only escaped: in the heading and the form', async () => {
    cmsAnswering(() => Response.json({ docs: [hit(1, 'A <i>headline</i>')], page: 1, totalDocs: 1, totalPages: 1 }));
    const html = await render({ q: HOSTILE });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<i>headline');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;mark&gt;"');
    expect(html).toContain('Search results for “&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;mark&gt;”');
    expect(html.match(/<mark>/g)).toEqual(['<mark>']);
    expect(html).toContain('<a href="/news/story-1">A &lt;i&gt;headline&lt;/i&gt;</a>');
  });

  it('shows a friendly page for an overlong query, with the form to try again', async () => {
    cmsAnswering(() => Response.json({}, { status: 500 }));
    const html = await render({ q: `${HOSTILE}${'x'.repeat(200)}` });
    expect(html).toContain('longer than 200 characters');
    expect(html).toContain('<form class="search-form" role="search"');
    expect(html).not.toContain('<script>');
  });
});
