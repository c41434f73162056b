import { userEvent } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import './article-card.js';
import type { NewsArticleCard } from './article-card.js';
import { axeViolations, describeViolations } from '../test/axe.js';
import { attr, isShown, mount, part, shadow } from '../test/fixture.js';
import { emulateMedia } from '../test/media.js';
import { hostileText, hostileUrls, seedCard } from '../test/sample.js';

const seedMarkup = `<news-article-card headline="${attr(seedCard.headline)}" href="${seedCard.href}" dek="${attr(seedCard.dek)}"
  image-src="${seedCard.imageSrc}" image-alt="${attr(seedCard.imageAlt)}" byline="${seedCard.byline}"
  published-at="${seedCard.publishedAt}" section="${seedCard.section}"></news-article-card>`;

describe('<news-article-card>', () => {
  it('is accessible, in both layouts and colour schemes', async () => {
    for (const layout of ['compact', 'wide']) {
      for (const scheme of ['light', 'dark']) {
        await emulateMedia({ 'prefers-color-scheme': scheme });
        const card = await mount<NewsArticleCard>(seedMarkup.replace('<news-article-card', `<news-article-card layout="${layout}"`));
        const violations = await axeViolations(card);
        expect(violations, describeViolations(violations)).toEqual([]);
        card.parentElement!.remove();
      }
    }
  });

  it('draws its photo in its place before its text has arrived, so a page still loading never moves it', async () => {
    for (const layout of ['compact', 'wide']) {
      const card = await mount<NewsArticleCard>(seedMarkup.replace('<news-article-card', `<news-article-card layout="${layout}" style="width: 400px"`));
      const media = part(card, 'media')!;
      const body = part(card, 'body')!;
      const whole = media.getBoundingClientRect();
      // What a browser may paint while the HTML streams in: the card's photo, and nothing after it yet.
      body.remove();
      const partial = media.getBoundingClientRect();
      expect({ x: partial.x, y: partial.y, width: partial.width }, layout).toEqual({ x: whole.x, y: whole.y, width: whole.width });
      card.parentElement!.remove();
    }
  });

  it('renders every attribute into its part', async () => {
    const card = await mount<NewsArticleCard>(seedMarkup);
    const link = part(card, 'link') as HTMLAnchorElement;
    expect(link.textContent).toBe(seedCard.headline);
    expect(link.getAttribute('href')).toBe(seedCard.href);
    expect(link.closest('h3')).not.toBeNull();
    expect(part(card, 'dek')!.textContent).toBe(seedCard.dek);
    expect(part(card, 'byline')!.textContent).toBe('By Elizabeth Shim');
    expect(part(card, 'section')!.textContent).toBe('World News');
    const time = part(card, 'time')!;
    expect(time.localName).toBe('time');
    expect(time.getAttribute('datetime')).toBe('2018-09-17T08:30:00Z');
    expect(time.textContent).toBe('Sep 17, 2018');
    const image = part(card, 'image') as HTMLImageElement;
    expect(image.getAttribute('src')).toBe(seedCard.imageSrc);
    expect(image.alt).toBe(seedCard.imageAlt);
    expect(shadow(card).querySelector('article')).toBe(part(card, 'base'));
  });

  it('reflects property changes, typed from the schema', async () => {
    const card = await mount<NewsArticleCard>('<news-article-card headline="First"></news-article-card>');
    expect(part(card, 'link')!.textContent).toBe('First');
    card.headline = 'Second';
    card.publishedAt = '2020-02-29';
    card.href = 'https://example.com/second';
    await card.updateComplete;
    expect(part(card, 'link')!.textContent).toBe('Second');
    expect(part(card, 'link')!.getAttribute('href')).toBe('https://example.com/second');
    expect(part(card, 'time')!.textContent).toBe('Feb 29, 2020');
    expect(card.getAttribute('headline')).toBe('First'); // properties do not reflect
  });

  it('hides the parts it has no data for, and shows no image without a source', async () => {
    const card = await mount<NewsArticleCard>('<news-article-card headline="Only a headline" href="/news/a"></news-article-card>');
    for (const name of ['dek', 'byline', 'section', 'time', 'image']) expect(isShown(part(card, name)), name).toBe(false);
    expect(isShown(part(card, 'headline'))).toBe(true);
    const violations = await axeViolations(card);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('gives no alt text to a decorative image, and shows no date for a non-ISO date', async () => {
    const card = await mount<NewsArticleCard>('<news-article-card headline="H" image-src="/a.jpg" published-at="Sept. 17, 2018"></news-article-card>');
    expect((part(card, 'image') as HTMLImageElement).getAttribute('alt')).toBe('');
    expect(isShown(part(card, 'time'))).toBe(false);
  });

  it('lays out compact (thumbnail after the text) and wide (large image first)', async () => {
    const compact = await mount<NewsArticleCard>(seedMarkup);
    const wide = await mount<NewsArticleCard>(seedMarkup.replace('<news-article-card', '<news-article-card layout="wide"'));
    for (const card of [compact, wide]) card.style.width = '700px';
    const width = (card: Element) => part(card, 'image')!.getBoundingClientRect().width;
    const imageFirst = (card: Element) => part(card, 'image')!.getBoundingClientRect().left < part(card, 'body')!.getBoundingClientRect().left;
    expect(width(wide)).toBeGreaterThan(width(compact) * 1.5);
    expect(imageFirst(wide)).toBe(true);
    expect(imageFirst(compact)).toBe(false);
    for (const card of [compact, wide]) {
      const { width: w, height: h } = part(card, 'image')!.getBoundingClientRect();
      expect(h / w, card.getAttribute('layout') ?? 'compact').toBeCloseTo(2 / 3, 1); // cropped to 3:2, never stretched
    }
  });

  it('keeps markup in every text field as text', async () => {
    const card = await mount<NewsArticleCard>(
      `<news-article-card headline="${attr(hostileText)}" dek="${attr(hostileText)}" byline="${attr(hostileText)}" section="${attr(hostileText)}" image-alt="${attr(hostileText)}" image-src="/a.jpg" href="/a"></news-article-card>`,
    );
    for (const name of ['link', 'dek', 'byline', 'section']) expect(part(card, name)!.textContent, name).toBe(hostileText);
    expect((part(card, 'image') as HTMLImageElement).alt).toBe(hostileText);
    expect(shadow(card).querySelectorAll('script, b, img:not([part])')).toHaveLength(0);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('never turns a javascript: (or any non-http) URL into a link or image source', async () => {
    for (const url of hostileUrls) {
      const card = await mount<NewsArticleCard>(`<news-article-card headline="H"></news-article-card>`);
      card.href = url;
      card.imageSrc = url;
      await card.updateComplete;
      expect(shadow(card).querySelector('[href]'), JSON.stringify(url)).toBeNull();
      expect(shadow(card).querySelector('[src]'), JSON.stringify(url)).toBeNull();
      expect(part(card, 'link')!.textContent).toBe('H');
      card.parentElement!.remove();
    }
  });

  it('links relative, root-relative and http(s) URLs', async () => {
    for (const url of ['news/a', '/news/a', '//example.com/a', 'https://example.com/a?b=c:d', 'HTTP://example.com', '#top', '?page=2']) {
      const card = await mount<NewsArticleCard>(`<news-article-card headline="H" href="${attr(url)}"></news-article-card>`);
      expect(part(card, 'link')!.getAttribute('href'), url).toBe(url);
      card.parentElement!.remove();
    }
  });

  it('shows a visible focus ring on the link, reached with the keyboard', async () => {
    const card = await mount<NewsArticleCard>(seedMarkup);
    await userEvent.tab();
    const link = part(card, 'link')!;
    expect(shadow(card).activeElement).toBe(link);
    const style = getComputedStyle(link);
    expect(style.outlineStyle).toBe('solid');
    expect(parseFloat(style.outlineWidth)).toBeGreaterThanOrEqual(2);
  });

  it('follows the reader’s colour scheme, and --news-color-scheme overrides it', async () => {
    const card = await mount<NewsArticleCard>(seedMarkup);
    const background = () => getComputedStyle(part(card, 'base')!).backgroundColor;
    const light = background();
    await emulateMedia({ 'prefers-color-scheme': 'dark' });
    const dark = background();
    expect(dark).not.toBe(light);
    expect(luminance(dark)).toBeLessThan(luminance(light));
    await emulateMedia({ 'prefers-color-scheme': 'light' });
    card.style.setProperty('--news-color-scheme', 'dark');
    expect(background()).toBe(dark);
  });

  it('is themed by --news-* custom properties and ::part()', async () => {
    const style = document.createElement('style');
    style.textContent = `.themed { --news-color-accent: rgb(200, 0, 0); --news-color-surface: rgb(255, 250, 240); --news-font-family: Georgia, serif; }
      .themed::part(headline) { font-size: 30px; }`;
    document.head.append(style);
    try {
      const card = await mount<NewsArticleCard>(seedMarkup.replace('<news-article-card', '<news-article-card class="themed"'));
      expect(getComputedStyle(part(card, 'section')!).color).toBe('rgb(200, 0, 0)');
      expect(getComputedStyle(part(card, 'base')!).backgroundColor).toBe('rgb(255, 250, 240)');
      expect(getComputedStyle(part(card, 'dek')!).fontFamily).toBe('Georgia, serif');
      expect(getComputedStyle(part(card, 'headline')!).fontSize).toBe('30px');
    } finally {
      style.remove();
    }
  });

  it('animates only when the reader has not asked for reduced motion', async () => {
    const card = await mount<NewsArticleCard>(seedMarkup);
    const duration = () => getComputedStyle(part(card, 'link')!).transitionDuration;
    await emulateMedia({ 'prefers-reduced-motion': 'no-preference' });
    expect(duration()).toBe('0.2s');
    await emulateMedia({ 'prefers-reduced-motion': 'reduce' });
    expect(duration()).toBe('0s');
  });
});

/** Relative luminance of an `rgb()`/`color(srgb …)` computed colour, 0 (black) to 1 (white). */
function luminance(color: string): number {
  const numbers = color.match(/[\d.]+/g)!.map(Number);
  const [r, g, b] = color.startsWith('color(') ? numbers : numbers.map((n) => n / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
