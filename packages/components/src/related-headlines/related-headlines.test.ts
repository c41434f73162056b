import type { Headline } from '@newsroom/schema';
import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import './related-headlines.js';
import type { NewsHeadlineSelectEvent, NewsRelatedHeadlines } from './related-headlines.js';
import { axeViolations, describeViolations } from '../test/axe.js';
import { attr, isShown, mount, part, shadow } from '../test/fixture.js';
import { emulateMedia } from '../test/media.js';
import { hostileText, hostileUrls, seedHeadlines } from '../test/sample.js';

const inline = (data: unknown, attributes = '') =>
  `<news-related-headlines ${attributes}><script type="application/json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script></news-related-headlines>`;
const items = (el: Element) => [...shadow(el).querySelectorAll('[part="item"]')];
const titles = (el: Element) => items(el).map((item) => item.querySelector('[part="link"]')!.textContent);
const status = (el: Element) => part(el, 'status')!.textContent;

/** A fetch whose responses the test hands out, recording each request's signal. */
function controlledFetch() {
  const calls: { url: string; signal: AbortSignal; respond: (response: Response) => void }[] = [];
  const fetch = vi.fn((url: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init!.signal!;
      signal.addEventListener('abort', () => reject(signal.reason));
      calls.push({ url: String(url), signal, respond: resolve });
    }),
  );
  vi.stubGlobal('fetch', fetch);
  return calls;
}
const json = (data: unknown, status = 200) => new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('<news-related-headlines>', () => {
  it('is accessible: list, loading, empty and error states, in both colour schemes', async () => {
    for (const scheme of ['light', 'dark']) {
      await emulateMedia({ 'prefers-color-scheme': scheme });
      const list = await mount(inline(seedHeadlines));
      const calls = controlledFetch();
      const loading = await mount('<news-related-headlines src="/headlines.json"></news-related-headlines>');
      const empty = await mount('<news-related-headlines heading="Nothing here"></news-related-headlines>');
      const failed = await mount('<news-related-headlines heading="Failed" src="/broken.json"></news-related-headlines>');
      calls[1]!.respond(json({}, 503));
      await vi.waitFor(() => expect(status(failed)).toBe('Could not load headlines.'));
      for (const element of [list, loading, empty, failed]) {
        const violations = await axeViolations(element);
        expect(violations, `${element.outerHTML}\n${describeViolations(violations)}`).toEqual([]);
        element.parentElement!.remove();
      }
      vi.unstubAllGlobals();
    }
  });

  it('is a region named by its heading, "Latest Headlines" by default, holding an ordered list', async () => {
    const list = await mount(inline(seedHeadlines));
    const section = part(list, 'base')!;
    expect(section.localName).toBe('section');
    const heading = shadow(list).getElementById(section.getAttribute('aria-labelledby')!)!;
    expect(heading).toBe(part(list, 'heading'));
    expect(heading.localName).toBe('h2');
    expect(heading.textContent).toBe('Latest Headlines');
    expect(part(list, 'list')!.localName).toBe('ol');
    expect(items(list).every((item) => item.localName === 'li')).toBe(true);
    list.setAttribute('heading', 'More from World News');
    await (list as NewsRelatedHeadlines).updateComplete;
    expect(heading.textContent).toBe('More from World News');
  });

  it('lists headlines from a child <script type="application/json">, with dates and sections', async () => {
    const list = await mount(inline(seedHeadlines));
    expect(titles(list)).toEqual(seedHeadlines.map((h) => h.title));
    const [first, second] = items(list);
    expect(first!.querySelector('a')!.getAttribute('href')).toBe('/news/moon-jae-in-arrives-in-pyongyang');
    expect(first!.querySelector('time')!.textContent).toBe('Sep 18, 2018');
    expect(first!.querySelector('time')!.getAttribute('datetime')).toBe('2018-09-18T01:00:00Z');
    expect(first!.querySelector('[part="section"]')!.textContent).toBe('World News');
    expect(isShown(second!.querySelector('[part="section"]'))).toBe(false);
    expect(status(list)).toBe('');
  });

  it('also reads {"headlines": [...]}, and drops entries without a title or url', async () => {
    const list = await mount(inline({ headlines: [...seedHeadlines.slice(0, 2), { title: 'No url' }, null, { url: '/no-title' }] }));
    expect(titles(list)).toEqual(seedHeadlines.slice(0, 2).map((h) => h.title));
  });

  it('says "No headlines." for an empty list or unreadable inline JSON', async () => {
    expect(status(await mount(inline([])))).toBe('No headlines.');
    expect(status(await mount('<news-related-headlines><script type="application/json">[{oops</script></news-related-headlines>'))).toBe('No headlines.');
    expect(isShown(part(await mount(inline([])), 'list'))).toBe(false);
  });

  it('takes headlines as a property, which wins over inline JSON, and re-renders on change', async () => {
    const list = await mount<NewsRelatedHeadlines>(inline(seedHeadlines.slice(0, 1)));
    list.headlines = seedHeadlines.slice(2);
    await list.updateComplete;
    expect(titles(list)).toEqual(seedHeadlines.slice(2).map((h) => h.title));

    const early = document.createElement('news-related-headlines');
    early.headlines = seedHeadlines.slice(1, 2);
    early.innerHTML = `<script type="application/json">${JSON.stringify(seedHeadlines)}</script>`;
    document.body.append(early);
    await early.updateComplete;
    expect(titles(early)).toEqual([seedHeadlines[1]!.title]);
    early.remove();
  });

  it('shows at most `limit` headlines', async () => {
    const list = await mount<NewsRelatedHeadlines>(inline(seedHeadlines, 'limit="2"'));
    expect(items(list)).toHaveLength(2);
    list.limit = 3;
    await list.updateComplete;
    expect(items(list)).toHaveLength(3);
    list.setAttribute('limit', '0');
    await list.updateComplete;
    expect(items(list)).toHaveLength(seedHeadlines.length);
  });

  it('fetches `src` for real, fires news-headlines-load and shows them', async () => {
    const loaded = vi.fn();
    document.addEventListener('news-headlines-load', loaded);
    try {
      const list = await mount<NewsRelatedHeadlines>('<news-related-headlines src="/demo/headlines.json" limit="3"></news-related-headlines>');
      await vi.waitFor(() => expect(items(list)).toHaveLength(3));
      expect(titles(list)[0]).toBe('Moon Jae-in arrives in Pyongyang for third inter-Korean summit');
      expect(status(list)).toBe('');
      expect(loaded).toHaveBeenCalledOnce();
      expect((loaded.mock.calls[0]![0] as CustomEvent<{ headlines: Headline[] }>).detail.headlines).toHaveLength(5);
    } finally {
      document.removeEventListener('news-headlines-load', loaded);
    }
  });

  it('says "Loading headlines…" until the response arrives when it has nothing else to show', async () => {
    const calls = controlledFetch();
    const list = await mount('<news-related-headlines src="/api/widgets/headlines?limit=5"></news-related-headlines>');
    expect(calls.map((call) => call.url)).toEqual(['/api/widgets/headlines?limit=5']);
    expect(status(list)).toBe('Loading headlines…');
    expect(items(list)).toHaveLength(0);
    calls[0]!.respond(json([{ title: 'Fresh', url: '/news/fresh' }]));
    await vi.waitFor(() => expect(titles(list)).toEqual(['Fresh']));
    expect(status(list)).toBe('');
  });

  it('shows its inline data until the `src` response arrives, then the fetched list (`src` wins), in the same rows', async () => {
    const calls = controlledFetch();
    const list = await mount(inline(seedHeadlines, 'src="/api/widgets/headlines?limit=3" limit="3"'));
    expect(calls.map((call) => call.url)).toEqual(['/api/widgets/headlines?limit=3']);
    expect(titles(list)).toEqual(seedHeadlines.slice(0, 3).map((h) => h.title));
    expect(status(list)).toBe('');
    const rows = items(list);
    const fresh = ['One', 'Two', 'Three', 'Four'].map((title) => ({ title, url: `/news/${title.toLowerCase()}` }));
    calls[0]!.respond(json({ headlines: fresh }));
    await vi.waitFor(() => expect(titles(list)).toEqual(['One', 'Two', 'Three']));
    // Patched in place: the same list items, so the list keeps its place on the page.
    expect(items(list)).toEqual(rows);
    expect(status(list)).toBe('');
  });

  it('keeps its inline data, and says nothing, when the `src` fetch fails', async () => {
    const calls = controlledFetch();
    const errors = vi.fn();
    const list = await mount(inline(seedHeadlines, 'src="/api/widgets/headlines"'));
    list.addEventListener('news-headlines-error', errors);
    calls[0]!.respond(json({ error: 'down' }, 503));
    await vi.waitFor(() => expect(errors).toHaveBeenCalledOnce());
    await (list as NewsRelatedHeadlines).updateComplete;
    expect(titles(list)).toEqual(seedHeadlines.map((h) => h.title));
    expect(status(list)).toBe('');
  });

  it('says so when the fetch fails (HTTP error, network error, not a headline list), firing news-headlines-error', async () => {
    const failures: [string, (call: ReturnType<typeof controlledFetch>[number]) => void][] = [
      ['HTTP 500', (call) => call.respond(json({ error: 'down' }, 500))],
      ['Not JSON', (call) => call.respond(new Response('<html>', { status: 200 }))],
      ['Not a list', (call) => call.respond(json({ items: 'nope' }))],
    ];
    for (const [name, fail] of failures) {
      const calls = controlledFetch();
      const errors = vi.fn();
      const list = await mount('<news-related-headlines src="/headlines.json"></news-related-headlines>');
      list.addEventListener('news-headlines-error', errors);
      fail(calls[0]!);
      await vi.waitFor(() => expect(status(list), name).toBe('Could not load headlines.'));
      expect(errors, name).toHaveBeenCalledOnce();
      expect(items(list)).toHaveLength(0);
    }
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const offline = await mount('<news-related-headlines src="/headlines.json"></news-related-headlines>');
    await vi.waitFor(() => expect(status(offline)).toBe('Could not load headlines.'));
  });

  it('fetches only http(s) and relative URLs: any other `src` fails without a request', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const data = `data:application/json,${encodeURIComponent(JSON.stringify(seedHeadlines))}`;
    for (const src of [data, 'javascript:globalThis.pwned=1', 'blob:https://example.com/x']) {
      const list = await mount(`<news-related-headlines src="${attr(src)}"></news-related-headlines>`);
      await vi.waitFor(() => expect(status(list), src).toBe('Could not load headlines.'));
      expect(items(list)).toHaveLength(0);
    }
    expect(fetchSpy.mock.calls.map(([url]) => String(url))).not.toContain(data);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    fetchSpy.mockRestore();
  });

  it('aborts the fetch when removed from the page, and fetches again when put back', async () => {
    const calls = controlledFetch();
    const errors = vi.fn();
    const list = await mount('<news-related-headlines src="/headlines.json"></news-related-headlines>');
    list.addEventListener('news-headlines-error', errors);
    const parent = list.parentElement!;
    list.remove();
    expect(calls[0]!.signal.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(errors).not.toHaveBeenCalled();
    expect(status(list)).toBe('Loading headlines…');
    parent.append(list);
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    calls[1]!.respond(json(seedHeadlines));
    await vi.waitFor(() => expect(items(list)).toHaveLength(seedHeadlines.length));
    list.remove();
    parent.append(list);
    await (list as NewsRelatedHeadlines).updateComplete;
    expect(calls).toHaveLength(2); // a finished fetch is not repeated
  });

  it('aborts the previous fetch when `src` changes, and shows only the latest', async () => {
    const calls = controlledFetch();
    const list = await mount<NewsRelatedHeadlines>('<news-related-headlines src="/a.json"></news-related-headlines>');
    list.src = '/b.json';
    await list.updateComplete;
    expect(calls.map((call) => call.url)).toEqual(['/a.json', '/b.json']);
    expect(calls[0]!.signal.aborted).toBe(true);
    calls[1]!.respond(json([{ title: 'From b', url: '/b' }]));
    await vi.waitFor(() => expect(titles(list)).toEqual(['From b']));
    list.src = undefined;
    list.headlines = seedHeadlines.slice(0, 1);
    await list.updateComplete;
    expect(titles(list)).toEqual([seedHeadlines[0]!.title]);
  });

  it('fires a cancelable news-headline-select when a headline is clicked or activated by keyboard', async () => {
    const list = await mount(inline(seedHeadlines.map((h, i) => ({ ...h, url: `#headline-${i}` }))));
    const selected: NewsHeadlineSelectEvent[] = [];
    const onSelect = (event: NewsHeadlineSelectEvent) => {
      selected.push(event);
      event.preventDefault();
    };
    document.addEventListener('news-headline-select', onSelect);
    try {
      const links = shadow(list).querySelectorAll<HTMLAnchorElement>('a[part="link"]');
      await userEvent.click(links[1]!);
      expect(selected).toHaveLength(1);
      expect(selected[0]!.detail).toEqual({ headline: { ...seedHeadlines[1], url: '#headline-1' }, index: 1 });
      expect(selected[0]!.composed && selected[0]!.bubbles && selected[0]!.cancelable).toBe(true);
      expect(location.hash).not.toBe('#headline-1'); // cancelling it stopped the navigation

      links[2]!.focus();
      await userEvent.keyboard('{Enter}');
      expect(selected.map((event) => event.detail.index)).toEqual([1, 2]);
    } finally {
      document.removeEventListener('news-headline-select', onSelect);
    }
  });

  it('keeps markup in titles, sections and heading as text', async () => {
    const list = await mount(inline([{ title: hostileText, url: '/a', section: hostileText }], `heading="${attr(hostileText)}"`));
    expect(titles(list)).toEqual([hostileText]);
    expect(part(list, 'section')!.textContent).toBe(hostileText);
    expect(part(list, 'heading')!.textContent).toBe(hostileText);
    expect(shadow(list).querySelectorAll('script, img, b')).toHaveLength(0);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('lists a headline with a javascript: (or any non-http) URL as plain text that fires nothing', async () => {
    const list = await mount(inline(hostileUrls.map((url, i) => ({ title: `Headline ${i}`, url }))));
    expect(items(list)).toHaveLength(hostileUrls.length);
    expect(shadow(list).querySelector('[href]')).toBeNull();
    const selected = vi.fn();
    list.addEventListener('news-headline-select', selected);
    await userEvent.click(shadow(list).querySelector('[part="link"]')!);
    expect(selected).not.toHaveBeenCalled();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});
