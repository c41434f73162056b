import { describe, expect, it } from 'vitest';
import type { Article } from '../article.js';
import { parseNinjs } from '../ninjs/parse.js';
import { formatNinjsError, validateNinjs } from '../ninjs/validate.js';
import { validateRichText } from '../rich-text/validate.js';
import { NIGHT_TRAINS } from './article-fixture.js';
import { type NinjsArticle, type NinjsSite, toNinjs } from './ninjs.js';

const SITE = {
  url: 'https://news.example.com',
  name: 'Newsroom Daily',
  copyrightNotice: 'Copyright 2022 Newsroom Daily',
  usageTerms: 'For subscribers only.',
  language: 'en',
};

describe('toNinjs', () => {
  it('writes a ninjs 3.1 text item with the photo as an association', () => {
    expect(toNinjs(NIGHT_TRAINS, SITE, { version: '3' })).toEqual({
      uri: 'https://news.example.com/news/night-trains-return-to-the-northern-line',
      type: 'text',
      standard: { name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#' },
      version: '3',
      firstCreated: '2022-04-30T06:00:00Z',
      versionCreated: '2022-04-30T09:15:00Z',
      pubStatus: 'usable',
      language: 'en',
      slugline: 'night-trains-return-to-the-northern-line',
      title: 'Night trains return to the northern line',
      headlines: [{ role: 'main', contentType: 'text/plain', value: 'Night trains return to the northern line' }],
      descriptions: [{ role: 'summary', contentType: 'text/plain', value: 'Sleeper cars roll again after a four-year pause.' }],
      bodies: [
        {
          role: 'main',
          contentType: 'text/plain',
          charCount: 91,
          wordCount: 15,
          value: 'Overnight trains will run again from June.\n\nTickets go on sale <b>Monday</b> & sell "fast".',
        },
        {
          role: 'richtext',
          contentType: 'text/html',
          value: '<p>Overnight trains will run again from June.</p>\n<p>Tickets go on sale &lt;b&gt;Monday&lt;/b&gt; &amp; sell &quot;fast&quot;.</p>',
        },
      ],
      by: 'Oskar Brandt and Ines Varga',
      located: 'OSLO',
      copyrightNotice: 'Copyright 2022 Newsroom Daily',
      usageTerms: 'For subscribers only.',
      subjects: [{ name: 'rail' }, { name: 'Norway' }],
      associations: [
        {
          name: 'mainpic',
          uri: 'https://news.example.com/media/sleeper-car.jpg',
          type: 'picture',
          descriptions: [{ role: 'caption', contentType: 'text/plain', value: 'A sleeper car waits at the depot in March.' }],
          by: 'Lea Moreau',
          infoSources: [{ name: 'File Photo by Lea Moreau/UPI', role: 'credit' }],
          copyrightNotice: '© 2022 UPI',
          rightsInfo: { linkedRights: 'https://photos.example/license/sleeper-car' },
          renditions: [{ name: 'original', href: 'https://news.example.com/media/sleeper-car.jpg', width: 1200, height: 800 }],
        },
      ],
    });
  });

  it('escapes markup in the HTML body so it is shown, never run', () => {
    const item = toNinjs({ ...NIGHT_TRAINS, paragraphs: ['<script>alert(1)</script>'] }, SITE);
    expect(item.bodies?.[1]?.value).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(item.bodies?.[0]?.value).toBe('<script>alert(1)</script>');
  });

  it('marks drafts withheld, widens dates, and names a file-less photo after the article', () => {
    const { updatedAt: _u, ...rest } = NIGHT_TRAINS;
    const item = toNinjs(
      { ...rest, status: 'draft', publishedAt: '2022-04-30', photo: { caption: 'A depot.', credit: 'UPI Photo' } },
      { url: 'https://news.example.com', name: 'Newsroom Daily' },
    );
    expect([item.pubStatus, item.version, item.firstCreated, item.versionCreated, item.copyrightNotice]).toEqual([
      'withheld',
      '1',
      '2022-04-30T00:00:00Z',
      '2022-04-30T00:00:00Z',
      undefined,
    ]);
    expect(item.associations).toEqual([
      {
        name: 'mainpic',
        uri: 'https://news.example.com/news/night-trains-return-to-the-northern-line#mainpic',
        type: 'picture',
        descriptions: [{ role: 'caption', contentType: 'text/plain', value: 'A depot.' }],
        by: 'UPI Photo',
      },
    ]);
  });

  it('writes the photo’s usage terms when the article has them, and percent-encodes URLs', () => {
    const item = toNinjs(
      { ...NIGHT_TRAINS, photo: { src: '/media/sleeper car ø.jpg', creator: 'Lea Moreau', usageTerms: 'Editorial use only.', licenseUrl: '/license/sleeper car' } },
      SITE,
    );
    expect(item.associations?.[0]).toMatchObject({
      uri: 'https://news.example.com/media/sleeper%20car%20%C3%B8.jpg',
      by: 'Lea Moreau',
      usageTerms: 'Editorial use only.',
      rightsInfo: { linkedRights: 'https://news.example.com/license/sleeper%20car' },
    });
    expect(item.associations?.[0]?.infoSources).toBeUndefined();
  });
});

const MINIMAL: Article = {
  slug: 'brief',
  headline: 'Brief',
  authors: [],
  dateline: { month: 1, day: 2 },
  tags: [],
  paragraphs: [],
  adPositions: [],
  status: 'draft',
};

/** Articles covering every optional field, none, and awkward values; every one must give valid ninjs 3.1. */
const ARTICLES: [name: string, article: NinjsArticle, site: NinjsSite][] = [
  ['every optional field', { ...NIGHT_TRAINS, photo: { ...NIGHT_TRAINS.photo, usageTerms: 'Editorial use only.' }, relatedHeadlines: [{ title: 'Other', url: '/news/other' }] }, SITE],
  ['minimal', MINIMAL, { url: 'https://news.example.com', name: 'Newsroom Daily' }],
  ['draft with a file-less photo and a calendar date', { ...MINIMAL, publishedAt: '2022-04-30', photo: { caption: 'A depot.', credit: 'UPI Photo' } }, SITE],
  ['photo credit without creator', { ...NIGHT_TRAINS, photo: { src: 'https://cdn.example.com/a.jpg', credit: 'Photo by Ana Ruiz/UPI' } }, SITE],
  ['offset timestamps and markup in text', { ...NIGHT_TRAINS, headline: 'A <b>bold</b> & "quoted" headline', publishedAt: '2022-04-30T06:00:00+02:00', updatedAt: '2022-04-30T06:00:00.123456Z', paragraphs: ['<script>alert(1)</script>', 'Ü ñ 漢字 😀'] }, SITE],
  ['site under a base path with a trailing slash', { ...NIGHT_TRAINS, url: '/news/x y' }, { url: 'https://example.com/papers/daily/', name: 'Daily', language: 'nb' }],
];

describe('toNinjs output is valid ninjs 3.1', () => {
  it.each(ARTICLES)('%s', (_name, article, site) => {
    const item = toNinjs(article, site, { version: '12' });
    const result = validateNinjs(JSON.parse(JSON.stringify(item)));
    expect(result.ok ? [] : result.errors.map(formatNinjsError)).toEqual([]);
  });
});

describe('toNinjs then parseNinjs', () => {
  it.each(ARTICLES)('gives back the story: %s', (_name, article, site) => {
    const result = parseNinjs(JSON.stringify(toNinjs(article, site, { version: '12' })));
    if (article.paragraphs.length === 0) {
      // A story without text is not a story the reader imports.
      expect(result.ok ? 'ok' : result.error.code).toBe('no-body');
      return;
    }
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const story = result.story;
    expect(story.identity.version).toBe(12);
    expect(story.headline).toBe(article.headline);
    expect(story.paragraphs).toEqual(article.paragraphs);
    expect(validateRichText(story.body).ok).toBe(true);
    expect(story.authors).toEqual(article.authors.map((author) => author.name));
    expect(story.tags).toEqual(article.tags);
    expect(story.pubStatus).toBe(article.status === 'published' ? 'usable' : 'withheld');
    expect(story.dateline.place).toBe(article.dateline.place);
  });

  it('keeps the photo’s rights', () => {
    const article: NinjsArticle = { ...NIGHT_TRAINS, photo: { ...NIGHT_TRAINS.photo, usageTerms: 'Editorial use only.' } };
    const result = parseNinjs(JSON.stringify(toNinjs(article, SITE)));
    expect(result.ok && result.story.photo).toEqual({
      uri: 'https://news.example.com/media/sleeper-car.jpg',
      caption: 'A sleeper car waits at the depot in March.',
      creator: 'Lea Moreau',
      credit: 'File Photo by Lea Moreau/UPI',
      copyright: '© 2022 UPI',
      usageTerms: 'Editorial use only.',
      licenseUrl: 'https://photos.example/license/sleeper-car',
      renditions: [{ href: 'https://news.example.com/media/sleeper-car.jpg', width: 1200, height: 800 }],
    });
    expect(result.ok && [result.story.copyrightNotice, result.story.usageTerms, result.story.language, result.story.dek]).toEqual([
      'Copyright 2022 Newsroom Daily',
      'For subscribers only.',
      'en',
      'Sleeper cars roll again after a four-year pause.',
    ]);
  });

  it('keeps a credit-only photo’s credit, and reads the creator from it', () => {
    const result = parseNinjs(JSON.stringify(toNinjs({ ...NIGHT_TRAINS, photo: { credit: 'Photo by Ana Ruiz/UPI', copyright: '© UPI' } }, SITE)));
    expect(result.ok && result.story.photo).toMatchObject({ credit: 'Photo by Ana Ruiz/UPI', creator: 'Ana Ruiz', copyright: '© UPI', renditions: [] });
  });
});
