import { describe, expect, it } from 'vitest';
import {
  articleCardProps,
  renderArticleCard,
  renderElement,
  renderPhotoCaption,
  renderRelatedHeadlines,
  renderToString,
} from './index.js';
import { html } from 'lit';
import { hostileText, hostileUrls, seedCaption, seedCard, seedHeadlines } from '../test/sample.js';

const DSD = '<template shadowroot="open" shadowrootmode="open">';
/** The part of the output inside the declarative shadow root. */
const shadowHtml = (output: string) => output.slice(output.indexOf(DSD), output.indexOf('</template>'));

describe('server rendering', () => {
  it('renders <news-article-card> with its attributes and a declarative shadow root', () => {
    const output = renderArticleCard(seedCard);
    expect(output).toContain('<news-article-card');
    expect(output).toContain(DSD);
    expect(output).toContain(`headline="${seedCard.headline}"`);
    expect(output).toContain(`image-src="${seedCard.imageSrc}"`);
    expect(output).toContain('published-at="2018-09-17T08:30:00Z"');
    const inside = shadowHtml(output);
    expect(inside).toContain('<style>');
    expect(inside).toMatch(/<a part="link" href="\/news\/beijing-inter-korea-liaison-office-a-sign-of-progress"\s*>/);
    expect(inside).toContain('Sep 17, 2018');
    expect(inside).toContain('By Elizabeth Shim');
    expect(output).not.toContain('layout=');
  });

  it('renders <news-photo-caption> with a slotted image outside the shadow root', () => {
    const output = renderPhotoCaption({ ...seedCaption, image: { src: '/media/a.jpg', alt: 'A "quoted" alt', width: 600, height: 400 } });
    expect(output).toContain(DSD);
    expect(shadowHtml(output)).toContain('<a part="license" rel="license" href="https://www.upi.com/News_Photos/lp/">License Photo</a>');
    const light = output.slice(output.indexOf('</template>'));
    expect(light).toMatch(/<img src="\/media\/a\.jpg"\s+alt="A &quot;quoted&quot; alt" width="600" height="400" loading="lazy"\s+decoding="async"\s*\/?>/);
    expect(renderPhotoCaption({ caption: 'c', image: { src: 'javascript:alert(1)', alt: 'x' } })).not.toContain('<img');
  });

  it('slots a <picture> with AVIF and WebP sources for a photo that has them, keeping only safe candidates', () => {
    const output = renderPhotoCaption({
      ...seedCaption,
      image: {
        src: '/media/a-800.jpg',
        srcset: '/media/a-480.jpg 480w, javascript:alert(1) 600w, /media/a-800.jpg 800w',
        sizes: '(min-width: 704px) 672px, 100vw',
        sources: [
          { type: 'image/avif', srcset: '/media/a-480.avif 480w, /media/a-800.avif 800w' },
          { type: 'text/html"><script>', srcset: '/media/x.avif 1w' },
          { type: 'image/webp', srcset: 'javascript:alert(1) 480w' },
        ],
        alt: 'A',
        width: 800,
        height: 533,
        priority: true,
      },
    });
    const light = output.slice(output.indexOf('</template>'));
    expect(light).toMatch(/<picture>/);
    expect(light).toContain('<source type="image/avif" srcset="/media/a-480.avif 480w, /media/a-800.avif 800w" sizes="(min-width: 704px) 672px, 100vw"');
    expect(light).not.toContain('image/webp');
    expect(light).not.toContain('<script');
    expect(light).not.toContain('javascript:');
    expect(light).toMatch(/<img src="\/media\/a-800\.jpg"\s+srcset="\/media\/a-480\.jpg 480w, \/media\/a-800\.jpg 800w"/);
    expect(light).toMatch(/loading="eager"\s+fetchpriority="high"/);
  });

  it('renders <news-related-headlines> with the list, inline JSON for the browser, and defer-hydration', () => {
    const output = renderRelatedHeadlines({ headlines: seedHeadlines, limit: 2, heading: 'Latest Headlines' });
    expect(output).toContain(DSD);
    expect(output).toMatch(/<news-related-headlines[^>]* defer-hydration[\s>]/);
    expect(output).toContain('limit="2"');
    expect(shadowHtml(output).match(/<li part="item">/g)).toHaveLength(2);
    const json = /<script type="application\/json">(.*?)<\/script>/.exec(output)![1]!;
    expect(JSON.parse(json)).toEqual(seedHeadlines.slice(0, 2));
  });

  it('can leave out the inline JSON or defer-hydration', () => {
    const output = renderRelatedHeadlines({ headlines: seedHeadlines }, { inlineData: false, deferHydration: false });
    expect(output).not.toContain('application/json');
    expect(output).not.toContain('defer-hydration');
    expect(shadowHtml(output).match(/<li part="item">/g)).toHaveLength(seedHeadlines.length);
  });

  it('renders a list that also has a `src` with its data, for the browser to refresh from `src` once hydrated', () => {
    const output = renderRelatedHeadlines({ src: '/api/widgets/headlines?limit=3&exclude=a', headlines: seedHeadlines, limit: 3 });
    expect(output).toContain('src="/api/widgets/headlines?limit=3&amp;exclude=a"');
    expect(output).toMatch(/<news-related-headlines[^>]* defer-hydration[\s>]/);
    expect(shadowHtml(output).match(/<li part="item">/g)).toHaveLength(3);
    expect(shadowHtml(output)).toContain(seedHeadlines[0]!.title);
    expect(shadowHtml(output)).not.toContain('Loading headlines…');
    const json = /<script type="application\/json">(.*?)<\/script>/.exec(output)![1]!;
    expect(JSON.parse(json)).toEqual(seedHeadlines.slice(0, 3));
  });

  it('renders the loading state for a `src` list, without deferring hydration', () => {
    const output = renderRelatedHeadlines({ src: '/api/widgets/headlines?limit=5&section=world' });
    expect(output).toContain('src="/api/widgets/headlines?limit=5&amp;section=world"');
    expect(output).not.toContain('defer-hydration');
    expect(shadowHtml(output)).toContain('Loading headlines…');
  });

  it('escapes markup in every text field, in attributes and in the shadow root', () => {
    const card = renderArticleCard({ headline: hostileText, dek: hostileText, byline: hostileText, section: hostileText, imageAlt: hostileText, imageSrc: '/a.jpg' });
    const caption = renderPhotoCaption({ caption: hostileText, credit: hostileText });
    const list = renderRelatedHeadlines({ headlines: [{ title: hostileText, url: '/a', section: hostileText }], heading: hostileText });
    for (const output of [card, caption, list]) {
      expect(output).not.toContain('<img src=x');
      expect(output).not.toContain('<script>globalThis');
      expect(output).not.toContain('</b>');
      expect(output).toContain('&lt;img src=x onerror=');
    }
  });

  it('cannot be broken out of by "</script>" in inline JSON', () => {
    const output = renderRelatedHeadlines({ headlines: [{ title: '</script><script>alert(1)</script>', url: '/a' }] });
    const scripts = output.match(/<script/g)!;
    expect(scripts).toHaveLength(1);
    const json = /<script type="application\/json">(.*?)<\/script>/.exec(output)![1]!;
    expect(JSON.parse(json)[0].title).toBe('</script><script>alert(1)</script>');
  });

  it('never renders a javascript: (or any non-http) URL as a link or image', () => {
    for (const url of hostileUrls) {
      const card = shadowHtml(renderArticleCard({ headline: 'H', href: url, imageSrc: url }));
      const caption = shadowHtml(renderPhotoCaption({ credit: 'C', licenseUrl: url }));
      const list = shadowHtml(renderRelatedHeadlines({ headlines: [{ title: 'T', url }] }));
      for (const inside of [card, caption, list]) {
        expect(inside, JSON.stringify(url)).not.toMatch(/\s(href|src)=/);
      }
    }
  });

  it('renders any element by tag name, and refuses others', () => {
    expect(renderElement('news-article-card', { headline: 'By tag' })).toContain('By tag');
    expect(renderElement('news-related-headlines', { headlines: seedHeadlines })).toContain(seedHeadlines[0]!.title);
    expect(renderElement('news-photo-caption', { credit: 'Credit' })).toContain('Credit');
    expect(() => renderElement('news-nope' as 'news-article-card', { headline: 'x' })).toThrow(/news-nope/);
  });

  it('renders a composed lit template with the elements inside', () => {
    const output = renderToString(html`<div class="rail"><news-article-card headline="Composed"></news-article-card></div>`);
    expect(output).toContain('<div class="rail">');
    expect(output).toContain(DSD);
    expect(output).toContain('Composed');
  });

  it('maps a schema Article to card props', () => {
    expect(
      articleCardProps({
        slug: 'beijing-inter-korea-liaison-office-a-sign-of-progress',
        headline: seedCard.headline,
        authors: [{ name: 'Elizabeth Shim', slug: 'elizabeth-shim' }, { name: 'Ann Other', slug: 'ann-other' }, { name: 'C. Third', slug: 'c-third' }],
        section: { name: 'World News', slug: 'world' },
        photo: { src: '/media/a.jpg', alt: 'Alt' },
        publishedAt: '2018-09-17T08:30:00Z',
      }),
    ).toEqual({
      headline: seedCard.headline,
      href: '/news/beijing-inter-korea-liaison-office-a-sign-of-progress',
      imageSrc: '/media/a.jpg',
      imageAlt: 'Alt',
      byline: 'By Elizabeth Shim, Ann Other and C. Third',
      publishedAt: '2018-09-17T08:30:00Z',
      section: 'World News',
    });
  });
});
