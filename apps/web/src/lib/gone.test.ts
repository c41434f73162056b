import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { describe, expect, it, vi } from 'vitest';

import { articleSlugOf, createGoneCheck, goneResponse, isDraftPreview } from './gone';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
const elements = (node: Node): Element[] =>
  'childNodes' in node ? node.childNodes.flatMap((child) => ('tagName' in child ? [child, ...elements(child)] : elements(child))) : [];
const textOf = (node: Node): string =>
  node.nodeName === '#text' ? (node as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A server that knows one killed slug; counts what it was asked. */
function server(answer: (slug: string) => Response | Promise<Response> = (slug) => (slug === 'pulled-story' ? json({ slug, killedAt: '2026-12-01T09:30:00.000Z' }) : json({ slug, gone: false }, 404))) {
  const asked: string[] = [];
  const fetch = vi.fn(async (input: string | URL | Request) => {
    const url = new URL(String(input));
    asked.push(url.href);
    return answer(url.pathname.replace('/api/gone/', ''));
  }) as unknown as typeof globalThis.fetch;
  return { fetch, asked };
}

describe('articleSlugOf', () => {
  it('takes the slug of an article URL', () => {
    expect(articleSlugOf('/news/pulled-story')).toBe('pulled-story');
  });

  it('leaves alone other paths and slugs that cannot be a story (those are plain 404s)', () => {
    for (const path of ['/news/', '/news/Not_A_Slug', '/news/a--b', '/news/a/b', '/section/world', '/', '/news/-a']) expect(articleSlugOf(path), path).toBeUndefined();
  });
});

describe('isDraftPreview', () => {
  it('recognises an editor’s preview by its cookie names only', () => {
    expect(isDraftPreview('__prerender_bypass=abc; __next_preview_data=def')).toBe(true);
    expect(isDraftPreview('theme=dark;  __next_preview_data=def')).toBe(true);
    expect(isDraftPreview('x=__prerender_bypass')).toBe(false);
    expect(isDraftPreview('my__prerender_bypass=1')).toBe(false);
    expect(isDraftPreview(null)).toBe(false);
  });
});

describe('createGoneCheck', () => {
  it('answers the tombstone for a killed slug and nothing for a live one, asking this server', async () => {
    const { fetch, asked } = server();
    const check = createGoneCheck({ fetch });
    expect(await check('pulled-story', 'http://127.0.0.1:4100')).toEqual({ slug: 'pulled-story', killedAt: '2026-12-01T09:30:00.000Z' });
    expect(await check('live-story', 'http://127.0.0.1:4100')).toBeUndefined();
    expect(asked).toEqual(['http://127.0.0.1:4100/api/gone/pulled-story', 'http://127.0.0.1:4100/api/gone/live-story']);
  });

  it('does not take an answer about another slug, or a body that is not a tombstone, as a kill', async () => {
    expect(await createGoneCheck({ fetch: server(() => json({ slug: 'other' })).fetch })('pulled-story', 'http://s')).toBeUndefined();
    expect(await createGoneCheck({ fetch: server(() => new Response('<html>', { status: 200 })).fetch })('pulled-story', 'http://s')).toBeUndefined();
  });

  it('lets the page answer when the lookup fails, then leaves the server alone for a while', async () => {
    let time = 1_000_000;
    let healthy = false;
    const { fetch, asked } = server((slug) => (healthy ? json({ slug }) : json({ error: 'down' }, 503)));
    const check = createGoneCheck({ fetch, backoffMs: 5000, now: () => time });
    expect(await check('pulled-story', 'http://s')).toBeUndefined();
    healthy = true;
    time += 4999;
    expect(await check('pulled-story', 'http://s')).toBeUndefined();
    expect(asked).toHaveLength(1);
    time += 1;
    expect(await check('pulled-story', 'http://s')).toEqual({ slug: 'pulled-story' });
    expect(asked).toHaveLength(2);
  });

  it('gives up on a lookup that hangs, after its timeout', async () => {
    const hang = server(() => new Promise<Response>(() => {}));
    // The fake ignores the abort signal, as a stuck socket would; the check must not wait on it.
    const fetch = vi.fn((input: string | URL | Request, init?: RequestInit) =>
      Promise.race([hang.fetch(input, init), new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))]),
    ) as unknown as typeof globalThis.fetch;
    const started = performance.now();
    expect(await createGoneCheck({ fetch, timeoutMs: 50 })('pulled-story', 'http://s')).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('goneResponse', () => {
  it('is a 410 notice page, cached for a minute and purged with the story’s key, with nothing of the story in it', async () => {
    const response = goneResponse({ slug: 'pulled-story', killedAt: '2026-12-01T09:30:00.000Z' }, { siteName: 'Newsroom & Co' });
    expect(response.status).toBe(410);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60, s-maxage=60');
    expect(response.headers.get('surrogate-key')).toBe('article:pulled-story');
    const html = await response.text();
    expect(html).not.toContain('pulled-story');
    const tree = parse(html);
    const html_ = elements(tree).find((el) => el.tagName === 'html')!;
    expect(html_.attrs).toContainEqual({ name: 'lang', value: 'en' });
    expect(textOf(elements(tree).find((el) => el.tagName === 'title')!)).toBe('Story removed | Newsroom & Co');
    expect(textOf(elements(tree).find((el) => el.tagName === 'h1')!)).toBe('This story has been removed');
    const main = elements(tree).find((el) => el.tagName === 'main')!;
    const links = elements(main).filter((el) => el.tagName === 'a');
    expect(links.map((a) => [textOf(a), a.attrs.find((attr) => attr.name === 'href')?.value])).toEqual([['Go to the front page', '/']]);
    expect(elements(tree).find((el) => el.tagName === 'meta' && el.attrs.some((a) => a.value === 'robots'))?.attrs).toContainEqual({ name: 'content', value: 'noindex' });
    // The site's name is text, however it is spelled.
    expect(html).toContain('Newsroom &amp; Co');
    expect(elements(tree).some((el) => el.tagName === 'script')).toBe(false);
  });

  it('answers HEAD with the headers alone', async () => {
    const response = goneResponse({ slug: 'pulled-story' }, { siteName: 'Newsroom', method: 'HEAD' });
    expect(response.status).toBe(410);
    expect(await response.text()).toBe('');
  });
});
