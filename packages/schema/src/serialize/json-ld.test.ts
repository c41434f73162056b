import { describe, expect, it } from 'vitest';
import { NIGHT_TRAINS } from './article-fixture.js';
import { jsonLdScriptContent, toNewsArticleJsonLd } from './json-ld.js';

const SITE = { url: 'https://news.example.com/', name: 'Newsroom Daily', logoUrl: '/logo.png' };

describe('toNewsArticleJsonLd', () => {
  it('names the publisher’s page for the photo as its license, and the source’s page as where to acquire one', () => {
    const photo = { ...NIGHT_TRAINS.photo!, licensePage: '/licensing/42' };
    expect(toNewsArticleJsonLd({ ...NIGHT_TRAINS, photo }, SITE).image).toMatchObject({
      license: 'https://news.example.com/licensing/42',
      acquireLicensePage: 'https://photos.example/license/sleeper-car',
    });
    const ours = { ...photo, licenseUrl: '/licensing/42' };
    expect(toNewsArticleJsonLd({ ...NIGHT_TRAINS, photo: ours }, SITE).image).toMatchObject({
      license: 'https://news.example.com/licensing/42',
      acquireLicensePage: 'https://news.example.com/licensing/42',
    });
  });

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

  it('lists every note as a CorrectionComment, oldest first, and dates the change by the newest', () => {
    const corrected = {
      ...NIGHT_TRAINS,
      corrections: [
        { kind: 'correction' as const, text: 'The service starts in June, not May.', at: '2022-05-01T10:00:00Z' },
        { kind: 'update' as const, text: 'Tickets are now on sale.', at: '2022-05-03T08:00:00Z' },
        { kind: 'clarification' as const, text: 'Fares are per berth.', at: '2022-05-03T08:30:00Z' },
      ],
    };
    const jsonLd = JSON.parse(jsonLdScriptContent(toNewsArticleJsonLd(corrected, SITE))) as Record<string, unknown>;
    expect(jsonLd.correction).toEqual([
      { '@type': 'CorrectionComment', name: 'Correction', text: 'The service starts in June, not May.', datePublished: '2022-05-01T10:00:00Z' },
      { '@type': 'CorrectionComment', name: 'Update', text: 'Tickets are now on sale.', datePublished: '2022-05-03T08:00:00Z' },
      { '@type': 'CorrectionComment', name: 'Clarification', text: 'Fares are per berth.', datePublished: '2022-05-03T08:30:00Z' },
    ]);
    // The fixture was last edited at 09:15 on April 30; the newest note is later.
    expect(jsonLd.datePublished).toBe('2022-04-30T06:00:00Z');
    expect(jsonLd.dateModified).toBe('2022-05-03T08:30:00Z');
  });

  it('keeps the last edit as dateModified when it is newer than every note, and has no correction without notes', () => {
    const edited = { ...NIGHT_TRAINS, updatedAt: '2022-06-01T00:00:00Z', corrections: [{ kind: 'update' as const, text: 'New timetable.', at: '2022-05-03T08:00:00Z' }] };
    expect(toNewsArticleJsonLd(edited, SITE).dateModified).toBe('2022-06-01T00:00:00Z');
    expect(toNewsArticleJsonLd({ ...NIGHT_TRAINS, corrections: [] }, SITE)).not.toHaveProperty('correction');
  });

  it('never lets a note close the script element', () => {
    const HOSTILE_NOTE = 'We misquoted </script><script>alert(1)</script> here';
    const content = jsonLdScriptContent(toNewsArticleJsonLd({ ...NIGHT_TRAINS, corrections: [{ kind: 'correction', text: HOSTILE_NOTE, at: '2022-05-01T10:00:00Z' }] }, SITE));
    expect(content.toLowerCase()).not.toContain('</script');
    expect((JSON.parse(content) as { correction: { text: string }[] }).correction[0]!.text).toBe(HOSTILE_NOTE);
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
