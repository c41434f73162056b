import { describe, expect, it } from 'vitest';

import { fromPayloadArticle } from '../model/from-payload-article';
import { media, seedArticle } from '../model/fixtures/payload-docs';
import { articleCardSnippet, oembedFor, slugFromArticleUrl, widgetArticle, widgetHeadlines } from './embeds';

const site = { url: 'https://news.example', name: 'Newsroom' };
const seed = fromPayloadArticle(seedArticle()).article;

describe('widget JSON', () => {
  it('serves articles and headlines with absolute URLs, for pages on other sites', () => {
    const article = widgetArticle(seed, site.url);
    expect(article.url).toBe('https://news.example/news/beijing-inter-korea-liaison-office-a-sign-of-progress');
    expect(article.photo?.licenseUrl).toBe('https://news.example/licensing/beijing-inter-korea-liaison-office-a-sign-of-progress');
    expect(widgetHeadlines([{ title: 'A', url: '/news/a' }, { title: 'B', url: 'https://b.example/' }], site.url).map((h) => h.url)).toEqual([
      'https://news.example/news/a',
      'https://b.example/',
    ]);
  });
});

describe('oembedFor', () => {
  it('answers oEmbed 1.0 rich with the card snippet', () => {
    const oembed = oembedFor(seed, site, { maxwidth: 400 });
    expect(oembed).toMatchObject({ version: '1.0', type: 'rich', title: seed.headline, provider_name: 'Newsroom', width: 400, author_name: 'Elizabeth Shim' });
    expect(oembed.html).toContain('<script type="module" src="https://news.example/embed/v1/news-widgets.js"></script>');
    expect(oembed.html).toContain('<news-article-card headline="Beijing: Inter-Korea liaison office a sign of progress" href="https://news.example/news/');
    expect(oembed.html).toContain('byline="By Elizabeth Shim"');
  });

  it('carries the thumbnail’s rights beside it: credit, photographer, copyright, terms and where to license it', () => {
    const withPhoto = fromPayloadArticle(seedArticle({ hero: { image: { ...media(), credit: 'Photo by Ana Ruiz/Newsroom', creator: 'Ana Ruiz', copyright: '© 2026 Newsroom', usageTerms: 'Editorial use only' } } })).article;
    expect(oembedFor(withPhoto, site)).toMatchObject({
      thumbnail_url: 'https://news.example/media/liaison-1280x853.jpg',
      thumbnail_credit: 'Photo by Ana Ruiz/Newsroom',
      thumbnail_creator: 'Ana Ruiz',
      thumbnail_copyright: '© 2026 Newsroom',
      thumbnail_usage_terms: 'Editorial use only',
      thumbnail_license_url: `https://news.example/licensing/${media().id}`,
    });
    expect(oembedFor(seed, site)).not.toHaveProperty('thumbnail_credit');
  });

  it('escapes hostile text in the snippet', () => {
    const html = articleCardSnippet({ ...seed, headline: '"><script>alert(1)</script>' }, site.url);
    expect(html.match(/<script/g)).toHaveLength(1);
  });
});

describe('slugFromArticleUrl', () => {
  it('accepts this site’s article URLs only', () => {
    expect(slugFromArticleUrl('https://news.example/news/a-b', site.url)).toBe('a-b');
    expect(slugFromArticleUrl('/news/a-b', site.url)).toBe('a-b');
    expect(slugFromArticleUrl('https://evil.example/news/a-b', site.url)).toBeUndefined();
    expect(slugFromArticleUrl('https://news.example/section/world', site.url)).toBeUndefined();
    expect(slugFromArticleUrl('javascript:alert(1)//news/a', site.url)).toBeUndefined();
    expect(slugFromArticleUrl(null, site.url)).toBeUndefined();
  });
});
