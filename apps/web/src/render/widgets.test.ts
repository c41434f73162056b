import { describe, expect, it } from 'vitest';

import { fromPayloadArticle } from '../model/from-payload-article';
import { media, seedArticle } from '../model/fixtures/payload-docs';
import { articleCardHtml, photoCaptionHtml, railHtml } from './widgets';

describe('server-rendered widgets', () => {
  it('renders a card with a declarative shadow root and the article’s link', () => {
    const { article } = fromPayloadArticle(seedArticle());
    const html = articleCardHtml(article);
    expect(html).toMatch(/<news-article-card[^>]* headline="Beijing: Inter-Korea liaison office a sign of progress"/);
    expect(html).toContain('href="/news/beijing-inter-korea-liaison-office-a-sign-of-progress"');
    expect(html).toMatch(/<template[^>]* shadowrootmode="open"/);
  });

  it('renders the caption with credit and license link, and no image when the photo has no file', () => {
    const { article } = fromPayloadArticle(seedArticle());
    const html = photoCaptionHtml(article.photo!);
    expect(html).toContain('credit="File Photo by Stephen Shaver/UPI"');
    expect(html).toContain('rel="license"');
    expect(html).not.toContain('<img');
  });

  it('slots the image when there is one, sized', () => {
    const { article, photoRenditions } = fromPayloadArticle(seedArticle({ hero: { image: media(), caption: 'c' } }));
    const html = photoCaptionHtml(article.photo!, { renditions: photoRenditions });
    expect(html).toMatch(/<img src="\/media\/liaison-1280x853.jpg"[^>]* alt="The liaison office in Kaesong" width="1280" height="853"/);
    expect(html).toMatch(/<img [^>]*loading="lazy"/);
    expect(html).not.toContain('fetchpriority');
  });

  it('gives the lead photo AVIF, WebP and JPEG at every layout width, sized for the column, loaded first', () => {
    const base = 'http://localhost:3001/api/media/file/harbor-0123456789ab';
    const sizes: Record<string, { url: string; width: number; height: number }> = {};
    for (const [name, width] of [['w480', 480], ['w800', 800], ['hero', 1280], ['w1600', 1600]] as const) {
      const height = Math.round((width * 2) / 3);
      sizes[name] = { url: `${base}-${width}x${height}.jpg`, width, height };
      sizes[`${name}Webp`] = { url: `${base}-${width}x${height}.webp`, width, height };
      sizes[`${name}Avif`] = { url: `${base}-${width}x${height}.avif`, width, height };
    }
    const { article, photoRenditions } = fromPayloadArticle(seedArticle({ hero: { image: { ...media(), sizes }, caption: 'c' } }));
    const html = photoCaptionHtml(article.photo!, { renditions: photoRenditions, priority: true });
    const picture = /<picture>(.*?)<\/picture>/s.exec(html)?.[1];
    expect(picture).toBeDefined();
    const widths = '480w, {}-800x533.X 800w, {}-1280x853.X 1280w, {}-1600x1067.X 1600w';
    const srcset = (ext: string) => `/media/harbor-0123456789ab-480x320.${ext} ${widths.replaceAll('{}', '/media/harbor-0123456789ab').replaceAll('X', ext)}`;
    expect(picture).toContain(`<source type="image/avif" srcset="${srcset('avif')}" sizes="(min-width: 704px) 672px, calc(100vw - 2rem)"`);
    expect(picture).toContain(`<source type="image/webp" srcset="${srcset('webp')}"`);
    expect(picture!.indexOf('image/avif')).toBeLessThan(picture!.indexOf('image/webp'));
    const img = /<img [^>]*>/.exec(picture!)![0];
    expect(img).toContain('src="/media/harbor-0123456789ab-1280x853.jpg"');
    expect(img).toContain(`srcset="${srcset('jpg')}"`);
    expect(img).toContain('width="1280" height="853"');
    expect(img).toContain('fetchpriority="high"');
    expect(img).toContain('loading="eager"');
  });

  it('gives a card its crops as AVIF, WebP and JPEG srcsets with their size, lazily unless asked', () => {
    const base = 'http://localhost:3001/api/media/file/harbor-0123456789ab';
    const sizes = {
      thumbnail: { url: `${base}-400x300.jpg`, width: 400, height: 300 },
      thumbnailAvif: { url: `${base}-400x300.avif`, width: 400, height: 300 },
      card: { url: `${base}-768x432.jpg`, width: 768, height: 432 },
      cardWebp: { url: `${base}-768x432.webp`, width: 768, height: 432 },
      cardAvif: { url: `${base}-768x432.avif`, width: 768, height: 432 },
    };
    const { article, photoRenditions } = fromPayloadArticle(seedArticle({ hero: { image: { ...media(), sizes } } }));
    const wide = articleCardHtml(article, { renditions: photoRenditions, layout: 'wide', eager: true });
    expect(wide).toContain('image-src="/media/harbor-0123456789ab-768x432.jpg"');
    expect(wide).toContain('image-srcset="/media/harbor-0123456789ab-400x300.jpg 400w, /media/harbor-0123456789ab-768x432.jpg 768w"');
    expect(wide).toContain('image-avif-srcset="/media/harbor-0123456789ab-400x300.avif 400w, /media/harbor-0123456789ab-768x432.avif 768w"');
    expect(wide).toContain('image-webp-srcset="/media/harbor-0123456789ab-768x432.webp 768w"');
    expect(wide).toContain('image-width="768"');
    expect(wide).toContain('image-height="432"');
    expect(wide).toMatch(/<img part="image" src="\/media\/harbor-0123456789ab-768x432.jpg"[^>]* width="768" height="432"[^>]* loading="eager" fetchpriority="high"/);
    const compact = articleCardHtml(article, { renditions: photoRenditions });
    expect(compact).toContain('image-src="/media/harbor-0123456789ab-400x300.jpg"');
    expect(compact).toMatch(/<img part="image"[^>]* loading="lazy"/);
    expect(compact).not.toContain('fetchpriority');
  });

  it('gives the rail the widget JSON to refresh from, with its rows inline for the first paint', () => {
    const headlines = Array.from({ length: 8 }, (_, i) => ({ title: `Story ${i}`, url: `/news/story-${i}` }));
    const rail = railHtml(headlines, { src: '/api/widgets/headlines?limit=8&exclude=a-story', limit: 8 });
    expect(rail).toMatch(/<news-related-headlines[^>]* src="\/api\/widgets\/headlines\?limit=8&amp;exclude=a-story"/);
    expect(rail).toMatch(/<news-related-headlines[^>]* limit="8"/);
    expect(rail).toContain('defer-hydration');
    const inline = /<script type="application\/json">(.*?)<\/script>/.exec(rail)![1]!;
    expect(JSON.parse(inline)).toEqual(headlines);
  });

  it('escapes hostile text in attributes and inline data', () => {
    const { article } = fromPayloadArticle(seedArticle({ headline: '"><script>alert(1)</script>' }));
    expect(articleCardHtml(article)).not.toContain('<script>');
    const rail = railHtml([{ title: '</script><script>alert(1)</script>', url: '/news/a' }]);
    expect(rail.match(/<script/g)).toHaveLength(1);
    expect(rail).toContain('defer-hydration');
  });
});
