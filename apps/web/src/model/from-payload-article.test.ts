import { articleDateModified, articleSchema } from '@newsroom/schema';
import { describe, expect, it } from 'vitest';

import { corrections, lexical, media, seedArticle } from './fixtures/payload-docs';
import { fromPayloadArticle } from './from-payload-article';

describe('fromPayloadArticle', () => {
  it('turns the seed document into a schema Article', () => {
    const { article, seo, suppressAds, showLatestHeadlines } = fromPayloadArticle(seedArticle());
    expect(articleSchema.parse(article)).toEqual(article);
    expect(article).toMatchObject({
      id: '7',
      slug: 'beijing-inter-korea-liaison-office-a-sign-of-progress',
      headline: 'Beijing: Inter-Korea liaison office a sign of progress',
      authors: [{ name: 'Elizabeth Shim', slug: 'elizabeth-shim' }],
      dateline: { month: 9, day: 17, year: 2018, agency: 'UPI' },
      section: { name: 'World', slug: 'world' },
      tags: ['korea'],
      status: 'published',
      publishedAt: '2018-09-17T08:30:00.000Z',
      adPositions: [{ placement: 'top' }, { placement: 'after-paragraph', paragraph: 2 }, { placement: 'after-paragraph', paragraph: 8 }],
    });
    expect(article.paragraphs).toHaveLength(11);
    expect(article.dateline.place).toBeUndefined();
    expect(seo).toEqual({ description: 'Paragraph 1.' });
    expect(suppressAds).toBe(false);
    expect(showLatestHeadlines).toBe(true);
  });

  it('keeps the photo credit without an image file, and offers the licensing page when the wire did', () => {
    const { article } = fromPayloadArticle(seedArticle());
    expect(article.photo).toEqual({
      alt: '',
      caption: 'Chinese foreign ministry spokesman Geng Shuang said Monday the office is a positive sign.',
      credit: 'File Photo by Stephen Shaver/UPI',
      creator: 'Stephen Shaver',
      copyright: '© 2018 UPI',
      licenseUrl: '/licensing/beijing-inter-korea-liaison-office-a-sign-of-progress',
      licensePage: '/licensing/beijing-inter-korea-liaison-office-a-sign-of-progress',
      licenseOffered: true,
    });
    expect(article.photo?.src).toBeUndefined();
  });

  it('sends "License Photo" to the source’s page when the photo names one, else to the photo’s page here', () => {
    const agency = fromPayloadArticle(seedArticle({ hero: { image: { ...media(), licenseUrl: 'https://agency.example/buy/7' } } })).article.photo!;
    expect(agency).toMatchObject({ licenseUrl: 'https://agency.example/buy/7', licensePage: `/licensing/${media().id}` });
    const ours = fromPayloadArticle(seedArticle({ hero: { image: { ...media(), usageTerms: 'Editorial use only' } } })).article.photo!;
    expect(ours).toMatchObject({ licenseUrl: `/licensing/${media().id}`, licensePage: `/licensing/${media().id}`, usageTerms: 'Editorial use only' });
    // No photo file and no "License Photo" in the copy: no licensing link at all.
    expect(fromPayloadArticle(seedArticle({ hero: { credit: 'Photo by Ana Ruiz' } })).article.photo?.licenseUrl).toBeUndefined();
  });

  it('keeps a stored copyright notice, and derives none without an agency', () => {
    expect(fromPayloadArticle(seedArticle({ hero: { credit: 'Photo by Ana Ruiz/UPI', copyright: '© Ana Ruiz' } })).article.photo?.copyright).toBe('© Ana Ruiz');
    expect(fromPayloadArticle(seedArticle({ hero: { credit: 'Photo by Ana Ruiz' } })).article.photo?.copyright).toBeUndefined();
  });

  it('serves an uploaded image from the site, with its renditions', () => {
    const doc = seedArticle({ hero: { image: media(), licenseUrl: 'https://photos.example/license/1', licenseOffered: true } });
    const { article, photoRenditions } = fromPayloadArticle(doc);
    expect(article.photo).toMatchObject({
      src: '/media/liaison-1280x853.jpg',
      width: 1280,
      height: 853,
      alt: 'The liaison office in Kaesong',
      licenseUrl: 'https://photos.example/license/1',
    });
    expect(photoRenditions.map((r) => r.name)).toEqual(['original', 'hero', 'card', 'og']);
  });

  it('drops links that are not http(s) or site paths, and relationships the reader cannot see', () => {
    const doc = seedArticle({
      authors: [4, { id: 5, name: 'No Slug', slug: 'Bad Slug!' }],
      section: 2,
      hero: { caption: '<img src=x onerror=alert(1)>', licenseUrl: 'javascript:alert(1)', licenseOffered: false },
    });
    const { article } = fromPayloadArticle(doc);
    expect(article.authors).toEqual([]);
    expect(article.section).toBeUndefined();
    expect(article.photo?.licenseUrl).toBeUndefined();
    // Text stays text: escaping is the renderer's job.
    expect(article.photo?.caption).toBe('<img src=x onerror=alert(1)>');
  });

  it('falls back to the publication date when the dateline has none, or an impossible one', () => {
    const missing = fromPayloadArticle(seedArticle({ dateline: { place: 'SEOUL' } })).article.dateline;
    expect(missing).toEqual({ place: 'SEOUL', month: 9, day: 17, year: 2018 });
    const impossible = fromPayloadArticle(seedArticle({ dateline: { month: 2, day: 30, year: 2019 } })).article.dateline;
    expect(impossible).toEqual({ month: 9, day: 17, year: 2018 });
  });

  it('reads drafts, empty bodies and ignored ad positions without failing', () => {
    const doc = seedArticle({
      _status: 'draft',
      publishedAt: null,
      body: null,
      adPositions: [{ placement: 'after-paragraph', paragraph: null }],
      showLatestHeadlines: false,
      suppressAds: true,
    });
    const view = fromPayloadArticle(doc);
    expect(view.article.status).toBe('draft');
    expect(view.article.publishedAt).toBeUndefined();
    expect(view.article.paragraphs).toEqual([]);
    expect(view.article.adPositions).toEqual([]);
    expect(view.body.root.children).toEqual([]);
    expect(view.suppressAds).toBe(true);
    expect(view.showLatestHeadlines).toBe(false);
  });

  it('keeps corrections, updates and clarifications in the order they were added', () => {
    const { article } = fromPayloadArticle(seedArticle({ corrections: corrections() }));
    expect(article.corrections).toEqual([
      { kind: 'correction', text: 'An earlier version misstated the spokesman’s title.', at: '2018-09-17T12:15:00.000Z' },
      { kind: 'update', text: 'The office opened on Friday, as planned.', at: '2018-09-18T10:00:00.000Z' },
      // Plain text, kept as written: renderers escape it.
      { kind: 'clarification', text: 'Talks are <b>planned</b> & "expected" to resume.', at: '2018-09-18T10:30:00.000Z' },
    ]);
    expect(articleSchema.parse(article)).toEqual(article);
    // The seed was last saved at 09:00 on the 17th; the newest note came later.
    expect(articleDateModified(article)).toBe('2018-09-18T10:30:00.000Z');
  });

  it('leaves out notes without a known kind, text or time, and has none when nothing is left', () => {
    const doc = seedArticle({
      corrections: [
        { kind: 'correction', text: '  Trimmed.  ', at: '2018-09-18T00:00:00Z' },
        { kind: null as never, text: 'No kind.', at: '2018-09-18T00:00:00Z' },
        { kind: 'retraction' as never, text: 'Unknown kind.', at: '2018-09-18T00:00:00Z' },
        { kind: 'update', text: '   ', at: '2018-09-18T00:00:00Z' },
        { kind: 'update', text: 'No time.', at: null },
        { kind: 'update', text: 'Bad time.', at: 'yesterday' },
      ],
    });
    expect(fromPayloadArticle(doc).article.corrections).toEqual([{ kind: 'correction', text: 'Trimmed.', at: '2018-09-18T00:00:00.000Z' }]);
    expect(fromPayloadArticle(seedArticle({ corrections: [{ kind: 'update', text: '', at: null }] })).article).not.toHaveProperty('corrections');
    expect(fromPayloadArticle(seedArticle({ corrections: null })).article).not.toHaveProperty('corrections');
    expect(fromPayloadArticle(seedArticle()).article).not.toHaveProperty('corrections');
  });

  it('dates the last change by the last edit when no note came after it', () => {
    const { article } = fromPayloadArticle(seedArticle({ updatedAt: '2018-09-19T00:00:00.000Z', corrections: corrections() }));
    expect(articleDateModified(article)).toBe('2018-09-19T00:00:00.000Z');
    expect(articleDateModified(fromPayloadArticle(seedArticle()).article)).toBe('2018-09-17T09:00:00.000Z');
  });

  it('flattens formatting and links to text in the plain paragraphs', () => {
    const body = lexical('One.');
    body.root.children.push({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Read ' },
        { type: 'link', fields: { url: 'https://example.com' }, children: [{ type: 'text', text: 'more' }] },
      ],
    });
    expect(fromPayloadArticle(seedArticle({ body })).article.paragraphs).toEqual(['One.', 'Read more']);
  });
});
