import { describe, expect, it, vi } from 'vitest';
import '../src/index.js';
// @ts-expect-error -- plain JS, no type declarations: the demo page runs it without a build step.
import { wireKnobs } from './demo.js';
import { axeViolations, describeViolations } from '../src/test/axe.js';
import { part, settle, shadow } from '../src/test/fixture.js';

/** The demo page's <main>, with its relative URLs resolved against /demo/ as the page itself would. */
async function loadDemo(): Promise<HTMLElement> {
  const page = new DOMParser().parseFromString(await (await fetch('/demo/index.html')).text(), 'text/html');
  const main = page.querySelector('main')!;
  for (const element of main.querySelectorAll('[src], [image-src], [href], [license-url]')) {
    for (const name of ['src', 'image-src']) {
      const value = element.getAttribute(name);
      if (value && !/^[a-z]+:/.test(value)) element.setAttribute(name, new URL(value, new URL('/demo/', location.href)).pathname);
    }
  }
  const container = document.createElement('div');
  container.append(document.adoptNode(main));
  document.body.append(container);
  await settle(container);
  return main;
}

describe('demo page', () => {
  it('is accessible, knobs and every widget state included', async () => {
    const main = await loadDemo();
    wireKnobs(main);
    const [, fetched, failed] = main.querySelectorAll('news-related-headlines');
    await vi.waitFor(() => expect(shadow(fetched!).querySelectorAll('li')).toHaveLength(3));
    await vi.waitFor(() => expect(part(failed!, 'status')!.textContent).toBe('Could not load headlines.'));
    const violations = await axeViolations(main);
    expect(violations, describeViolations(violations)).toEqual([]);
    main.parentElement!.remove();
  });

  it('renders every element of the page', async () => {
    const main = await loadDemo();
    const elements = main.querySelectorAll('news-article-card, news-photo-caption, news-related-headlines');
    expect(elements).toHaveLength(8);
    for (const element of elements) expect(shadow(element).childElementCount, element.outerHTML.slice(0, 80)).toBeGreaterThan(0);
    const refused = elements[2]!;
    expect(shadow(refused).querySelector('[href]')).toBeNull();
    main.parentElement!.remove();
  });

  it('themes the widgets from the knobs: scheme, accent, font and ::part()', async () => {
    const main = await loadDemo();
    const area = wireKnobs(main) as HTMLElement;
    const knobs = main.querySelector<HTMLFormElement>('#knobs')!;
    const control = (name: string) => knobs.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
    const change = (name: string, value: string | boolean) => {
      const input = control(name);
      if (typeof value === 'boolean') (input as HTMLInputElement).checked = value;
      else input.value = value;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    const card = main.querySelector('news-article-card')!;

    change('scheme', 'dark');
    expect(area.style.getPropertyValue('--news-color-scheme')).toBe('dark');
    const dark = getComputedStyle(part(card, 'base')!).backgroundColor;
    change('scheme', 'light');
    expect(getComputedStyle(part(card, 'base')!).backgroundColor).not.toBe(dark);

    change('accent', '#123456');
    change('accent-on', true);
    expect(getComputedStyle(part(card, 'section')!).color).toBe('rgb(18, 52, 86)');

    change('font', 'Georgia, serif');
    expect(getComputedStyle(part(card, 'dek')!).fontFamily).toBe('Georgia, serif');

    change('serif', true);
    expect(getComputedStyle(part(main.querySelector('news-related-headlines')!, 'heading')!).fontFamily).toContain('Georgia');

    change('layout', 'compact');
    expect(card.getAttribute('layout')).toBe('compact');
    main.parentElement!.remove();
  });
});
