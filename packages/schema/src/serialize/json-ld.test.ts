import { describe, expect, it } from 'vitest';
import { NIGHT_TRAINS } from './article-fixture.js';
import { jsonLdScriptContent, toNewsArticleJsonLd } from './json-ld.js';

const SITE = { url: 'https://news.example.com/', name: 'Newsroom Daily', logoUrl: '/logo.png' };

describe('toNewsArticleJsonLd', () => {
  it('describes the article as a schema.org NewsArticle with every field', () => {
    expect(JSON.parse(jsonLdScriptContent(toNewsArticleJsonLd(NIGHT_TRAINS, SITE)))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Night trains return to the northern line',
      description: 'Sleeper cars roll again after a four-year pause.',
      image: {
        '@type': 'ImageObject',
        url: 'https://news.example.com/media/sleeper-car.jpg',
        caption: 'A sleeper car waits at the depot in March.',
        creditText: 'File Photo by Lea Moreau/UPI',
        creator: { '@type': 'Person', name: 'Lea Moreau' },
        copyrightNotice: '© 2022 UPI',
        license: 'https://photos.example/license/sleeper-car',
        acquireLicensePage: 'https://photos.example/license/sleeper-car',
        width: 1200,
        height: 800,
      },
      datePublished: '2022-04-30T06:00:00Z',
      dateModified: '2022-04-30T09:15:00Z',
      author: [
        { '@type': 'Person', name: 'Oskar Brandt', url: 'https://news.example.com/author/oskar-brandt' },
        { '@type': 'Person', name: 'Ines Varga', url: 'https://news.example.com/author/ines-varga' },
      ],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'Newsroom Daily',
        url: 'https://news.example.com',
        logo: { '@type': 'ImageObject', url: 'https://news.example.com/logo.png' },
      },
      dateline: 'OSLO',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example.com/news/night-trains-return-to-the-northern-line' },
      url: 'https://news.example.com/news/night-trains-return-to-the-northern-line',
      articleSection: 'World News',
      keywords: ['rail', 'Norway'],
    });
  });

  it('leaves out what the article does not have', () => {
    const { dek: _dek, photo: _photo, section: _section, publishedAt: _p, updatedAt: _u, ...bare } = NIGHT_TRAINS;
    const jsonLd = toNewsArticleJsonLd({ ...bare, tags: [], dateline: { month: 4, day: 30 } }, { url: 'https://news.example.com', name: 'Newsroom Daily' });
    expect(Object.keys(jsonLd)).toEqual(['@context', '@type', 'headline', 'author', 'publisher', 'mainEntityOfPage', 'url']);
    expect(jsonLd.publisher).toEqual({ '@type': 'NewsMediaOrganization', name: 'Newsroom Daily', url: 'https://news.example.com' });
  });

  it('uses the stored article URL and falls back from dateModified to datePublished', () => {
    const { updatedAt: _u, ...rest } = NIGHT_TRAINS;
    const jsonLd = toNewsArticleJsonLd({ ...rest, url: 'https://news.example.com/news/moved' }, SITE);
    expect([jsonLd.url, jsonLd.dateModified]).toEqual(['https://news.example.com/news/moved', '2022-04-30T06:00:00Z']);
  });
});

describe('jsonLdScriptContent', () => {
  const HOSTILE = 'Hackers post </script><script>alert(1)</script> & <!-- on site';

  it('never lets a headline close the script element', () => {
    const content = jsonLdScriptContent(toNewsArticleJsonLd({ ...NIGHT_TRAINS, headline: HOSTILE }, SITE));
    expect(content.toLowerCase()).not.toContain('</script');
    expect(content).not.toMatch(/[<>&]/);
    expect((JSON.parse(content) as { headline: string }).headline).toBe(HOSTILE);
  });

  it('escapes <, >, & and the JavaScript line separators exactly', () => {
    expect(jsonLdScriptContent({ a: '<>&\u2028\u2029"' })).toBe('{"a":"\\u003c\\u003e\\u0026\\u2028\\u2029\\""}');
    expect(JSON.parse(jsonLdScriptContent({ a: '<>&\u2028\u2029"' }))).toEqual({ a: '<>&\u2028\u2029"' });
  });

  it('refuses values JSON cannot represent', () => {
    expect(() => jsonLdScriptContent(undefined)).toThrow(TypeError);
  });
});
