import { describe, expect, it } from 'vitest';
import './photo-caption.js';
import type { NewsPhotoCaption } from './photo-caption.js';
import { axeViolations, describeViolations } from '../test/axe.js';
import { attr, isShown, mount, part, shadow } from '../test/fixture.js';
import { emulateMedia } from '../test/media.js';
import { hostileText, hostileUrls, seedCaption } from '../test/sample.js';

const image = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="The liaison office in Kaesong" width="300" height="200">';
const seedMarkup = (inner = '') =>
  `<news-photo-caption caption="${attr(seedCaption.caption)}" credit="${seedCaption.credit}" license-url="${seedCaption.licenseUrl}">${inner}</news-photo-caption>`;

describe('<news-photo-caption>', () => {
  it('is accessible, around an image and alone, in both colour schemes', async () => {
    for (const scheme of ['light', 'dark']) {
      await emulateMedia({ 'prefers-color-scheme': scheme });
      for (const markup of [seedMarkup(image), seedMarkup()]) {
        const caption = await mount(markup);
        const violations = await axeViolations(caption.parentElement!);
        expect(violations, describeViolations(violations)).toEqual([]);
        caption.parentElement!.remove();
      }
    }
  });

  it('renders caption, credit line and a "License Photo" link with rel="license"', async () => {
    const caption = await mount<NewsPhotoCaption>(seedMarkup(image));
    expect(part(caption, 'base')!.localName).toBe('figure');
    expect(part(caption, 'caption')!.localName).toBe('figcaption');
    expect(part(caption, 'text')!.textContent).toBe(seedCaption.caption);
    expect(part(caption, 'credit')!.textContent).toBe('File Photo by Stephen Shaver/UPI');
    const license = part(caption, 'license') as HTMLAnchorElement;
    expect(license.textContent).toBe('License Photo');
    expect(license.rel).toBe('license');
    expect(license.getAttribute('href')).toBe(seedCaption.licenseUrl);
    expect(isShown(license)).toBe(true);
    expect(part(caption, 'caption')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(
      'The joint liaison office in Kaesong opened on Friday. File Photo by Stephen Shaver/UPI License Photo',
    );
  });

  it('puts the slotted image inside the figure, above the caption', async () => {
    const caption = await mount<NewsPhotoCaption>(seedMarkup(image));
    const slot = shadow(caption).querySelector('slot')!;
    const [img] = slot.assignedElements();
    expect(img?.localName).toBe('img');
    expect(slot.closest('figure')).toBe(part(caption, 'base'));
    expect(img!.getBoundingClientRect().bottom).toBeLessThanOrEqual(part(caption, 'caption')!.getBoundingClientRect().top);
  });

  it('shows no license link without a license URL, and no credit without a credit', async () => {
    const caption = await mount<NewsPhotoCaption>('<news-photo-caption caption="Just a caption"></news-photo-caption>');
    expect(shadow(caption).querySelector('[href]')).toBeNull();
    expect(isShown(part(caption, 'license'))).toBe(false);
    expect(isShown(part(caption, 'credit'))).toBe(false);
    caption.licenseUrl = '/license/123';
    await caption.updateComplete;
    expect(part(caption, 'license')!.getAttribute('href')).toBe('/license/123');
    expect(isShown(part(caption, 'license'))).toBe(true);
  });

  it('keeps markup in caption and credit as text', async () => {
    const caption = await mount<NewsPhotoCaption>(`<news-photo-caption caption="${attr(hostileText)}" credit="${attr(hostileText)}"></news-photo-caption>`);
    expect(part(caption, 'text')!.textContent).toBe(hostileText);
    expect(part(caption, 'credit')!.textContent).toBe(hostileText);
    expect(shadow(caption).querySelectorAll('script, img, b')).toHaveLength(0);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('never links a javascript: (or any non-http) license URL', async () => {
    const caption = await mount<NewsPhotoCaption>('<news-photo-caption credit="Credit"></news-photo-caption>');
    for (const url of hostileUrls) {
      caption.licenseUrl = url;
      await caption.updateComplete;
      expect(shadow(caption).querySelector('[href]'), JSON.stringify(url)).toBeNull();
      expect(isShown(part(caption, 'license')), JSON.stringify(url)).toBe(false);
    }
  });

  it('is themed by --news-color-muted and ::part()', async () => {
    const style = document.createElement('style');
    style.textContent = `.themed { --news-color-muted: rgb(0, 90, 0); } .themed::part(text) { font-style: italic; }`;
    document.head.append(style);
    try {
      const caption = await mount(seedMarkup().replace('<news-photo-caption', '<news-photo-caption class="themed"'));
      expect(getComputedStyle(part(caption, 'credit')!).color).toBe('rgb(0, 90, 0)');
      expect(getComputedStyle(part(caption, 'text')!).fontStyle).toBe('italic');
    } finally {
      style.remove();
    }
  });
});
