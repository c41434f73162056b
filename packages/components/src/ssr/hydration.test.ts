// Hydration support must load before lit-element does, so this import comes first.
import { hydrateDeferred } from '../hydrate.js';
import { inject } from 'vitest';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../index.js';
import type { NewsArticleCard, NewsHeadlineSelectEvent, NewsRelatedHeadlines } from '../index.js';
import type { SsrFixtures } from '../test/ssr-fixtures.global.js';
import { seedCaption, seedCard, seedHeadlines } from '../test/sample.js';
import { mount, shadow } from '../test/fixture.js';

const fixtures = Object.fromEntries(Object.entries(inject('ssr')).map(([name, html]) => [name, decodeURIComponent(html)])) as unknown as SsrFixtures;

/** Every node in the element's shadow tree, in document order. */
function shadowNodes(element: Element): Node[] {
  const walker = document.createTreeWalker(shadow(element));
  const nodes: Node[] = [];
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) nodes.push(node);
  return nodes;
}

/**
 * Parses server HTML as the browser's HTML parser would (declarative shadow roots and all) into a detached
 * container, records every shadow node and watches them, then connects it so the elements upgrade and hydrate.
 */
async function hydrateServerHtml(html: string, beforeConnect?: (elements: HTMLElement[]) => void) {
  const container = document.createElement('div');
  container.setHTMLUnsafe(html);
  const elements = [...container.querySelectorAll<HTMLElement>('news-article-card, news-photo-caption, news-related-headlines')];
  expect(elements.length).toBeGreaterThan(0);
  const before = elements.map((element) => shadowNodes(element));
  const mutations: MutationRecord[] = [];
  const observers = elements.map((element) => {
    const observer = new MutationObserver((records) => mutations.push(...records));
    observer.observe(shadow(element), { subtree: true, childList: true, attributes: true, characterData: true });
    return observer;
  });
  beforeConnect?.(elements);
  document.body.append(container);
  await hydrateDeferred(container);
  for (const element of elements) await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  for (const observer of observers) mutations.push(...observer.takeRecords());
  const after = elements.map((element) => shadowNodes(element));
  return { container, elements, before, after, mutations };
}

describe('server rendering + hydration', () => {
  it('server output carries declarative shadow roots', () => {
    for (const html of Object.values(fixtures)) expect(html).toContain('<template shadowroot="open" shadowrootmode="open">');
  });

  for (const name of ['card', 'wideCard', 'hostileCard', 'caption', 'headlines', 'headlinesFromSrc'] as const) {
    it(`hydrates "${name}" without changing a single shadow node`, async () => {
      const { container, elements, before, after, mutations } = await hydrateServerHtml(fixtures[name]);
      expect(mutations).toEqual([]);
      for (let i = 0; i < elements.length; i++) {
        expect(after[i]!.length).toBe(before[i]!.length);
        after[i]!.forEach((node, j) => expect(node).toBe(before[i]![j]));
        expect((elements[i] as HTMLElement & { hasUpdated: boolean }).hasUpdated).toBe(true);
      }
      container.remove();
    });
  }

  it('is live after hydration: property changes patch the server-rendered nodes in place', async () => {
    const { container, elements } = await hydrateServerHtml(fixtures.card);
    const card = elements[0] as NewsArticleCard;
    const link = shadow(card).querySelector('[part="link"]')!;
    expect(link.textContent).toBe(seedCard.headline);
    card.headline = 'Updated after hydration';
    await card.updateComplete;
    expect(shadow(card).querySelector('[part="link"]')).toBe(link);
    expect(link.textContent).toBe('Updated after hydration');
    container.remove();
  });

  it('waits for defer-hydration, then hydrates the list from its inline JSON with working links', async () => {
    const { container, elements, mutations } = await hydrateServerHtml(fixtures.headlines, (els) => {
      expect(els[0]!.hasAttribute('defer-hydration')).toBe(true);
    });
    const list = elements[0] as NewsRelatedHeadlines;
    expect(list.hasAttribute('defer-hydration')).toBe(false);
    expect(mutations).toEqual([]);
    expect(list.headlines).toEqual(seedHeadlines.slice(0, 3));
    const selected: NewsHeadlineSelectEvent[] = [];
    list.addEventListener('news-headline-select', (event) => {
      selected.push(event);
      event.preventDefault();
    });
    await userEvent.click(shadow(list).querySelectorAll<HTMLElement>('a[part="link"]')[1]!);
    expect(selected.map((event) => event.detail.headline.title)).toEqual([seedHeadlines[1]!.title]);
    container.remove();
  });

  it('hydrates a server-rendered list that has a `src` without touching a node, then refreshes it in place from `src`', async () => {
    const calls: { url: string; respond: (response: Response) => void }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: RequestInfo | URL) => new Promise<Response>((respond) => calls.push({ url: String(url), respond }))),
    );
    try {
      const { container, elements, before, after, mutations } = await hydrateServerHtml(fixtures.headlinesWithSrc);
      const list = elements[0] as NewsRelatedHeadlines;
      expect(mutations).toEqual([]);
      expect(after[0]!.length).toBe(before[0]!.length);
      after[0]!.forEach((node, j) => expect(node).toBe(before[0]![j]));
      expect(calls.map((call) => call.url)).toEqual(['/api/widgets/headlines?limit=3']);
      const rows = [...shadow(list).querySelectorAll('[part="item"]')];
      expect(rows).toHaveLength(3);
      calls[0]!.respond(
        new Response(JSON.stringify({ headlines: ['Fresh one', 'Fresh two', 'Fresh three', 'Fresh four'].map((title, i) => ({ title, url: `/news/fresh-${i}` })) }), {
          headers: { 'content-type': 'application/json' },
        }),
      );
      await vi.waitFor(() => expect(shadow(list).querySelector('[part="link"]')!.textContent).toBe('Fresh one'));
      // The same three rows, their text replaced: the rail keeps its height.
      expect([...shadow(list).querySelectorAll('[part="item"]')]).toEqual(rows);
      expect(shadow(list).querySelector('[part="status"]')!.textContent).toBe('');
      container.remove();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('hydrates a list whose data the page sets as a property before releasing defer-hydration', async () => {
    const container = document.createElement('div');
    container.setHTMLUnsafe(fixtures.headlinesWithoutInlineData);
    const list = container.querySelector('news-related-headlines')!;
    const before = shadowNodes(list);
    const mutations: MutationRecord[] = [];
    new MutationObserver((records) => mutations.push(...records)).observe(shadow(list), { subtree: true, childList: true, attributes: true, characterData: true });
    document.body.append(container);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(list.hasUpdated).toBe(false); // still waiting for its data
    list.headlines = seedHeadlines;
    list.removeAttribute('defer-hydration');
    await list.updateComplete;
    expect(list.hasUpdated).toBe(true);
    expect(mutations).toEqual([]);
    expect(shadowNodes(list)).toEqual(before);
    container.remove();
  });

  it('prints the same text on the server as a browser render of the same data', async () => {
    const pairs: [string, string][] = [
      [fixtures.card, `<news-article-card></news-article-card>`],
      [fixtures.caption, `<news-photo-caption></news-photo-caption>`],
    ];
    const server = document.createElement('div');
    server.setHTMLUnsafe(pairs.map(([html]) => html).join(''));
    const client = await mount(`<div>${pairs.map(([, html]) => html).join('')}</div>`);
    Object.assign(client.children[0]!, seedCard);
    Object.assign(client.children[1]!, seedCaption);
    for (const element of client.children) await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    // The server puts the styles in a <style>; the browser adopts style sheets instead. Compare what readers see.
    const visibleText = (node: Node): string =>
      node.nodeName === 'STYLE' ? '' : node.nodeType === Node.TEXT_NODE ? node.textContent! : [...node.childNodes].map(visibleText).join('');
    const text = (root: Element) => [...root.children].map((element) => visibleText(shadow(element)).replace(/\s+/g, ' ').trim());
    expect(text(client)).toEqual(text(server));
    expect(text(server)[0]).toContain('Sep 17, 2018');
  });
});
