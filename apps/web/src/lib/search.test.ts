import { describe, expect, it } from 'vitest';

import { MAX_QUERY_LENGTH, readSearchRequest, readSearchResults, searchHref, tagSlug } from './search';

describe('readSearchRequest', () => {
  it('reads the words and the page', () => {
    expect(readSearchRequest({ q: '  harbour plan ', page: '2' })).toEqual({ kind: 'search', q: 'harbour plan', page: 2 });
    expect(readSearchRequest({ q: 'harbour' })).toEqual({ kind: 'search', q: 'harbour', page: 1 });
    expect(readSearchRequest({ q: ['first', 'second'] })).toEqual({ kind: 'search', q: 'first', page: 1 });
  });

  it('sends nothing for an empty query or one over the limit', () => {
    expect(readSearchRequest({})).toEqual({ kind: 'empty' });
    expect(readSearchRequest({ q: '   ' })).toEqual({ kind: 'empty' });
    expect(readSearchRequest({ q: 'x'.repeat(MAX_QUERY_LENGTH + 1) }).kind).toBe('too-long');
    expect(readSearchRequest({ q: 'x'.repeat(MAX_QUERY_LENGTH) }).kind).toBe('search');
  });

  it('refuses page numbers that are not plain positive integers', () => {
    for (const page of ['0', '-1', '1.5', '02', 'abc', '99999999', '+2']) {
      expect(readSearchRequest({ q: 'harbour', page }), page).toEqual({ kind: 'bad-page', q: 'harbour' });
    }
  });
});

describe('searchHref', () => {
  it('encodes the words, and leaves page 1 bare', () => {
    expect(searchHref('a&b "c"', 1)).toBe('/search?q=a%26b+%22c%22');
    expect(searchHref('harbour', 3)).toBe('/search?q=harbour&page=3');
  });
});

describe('readSearchResults', () => {
  const hit = { id: 1, slug: 'a-story', headline: 'A story', dek: 'Dek', publishedAt: '2026-01-02T03:04:05.000Z', snippet: [{ text: 'a ', mark: false }, { text: 'word', mark: true }] };

  it('keeps well-formed hits', () => {
    expect(readSearchResults({ docs: [{ ...hit, section: { slug: 'world', name: 'World' } }], page: 1, totalDocs: 1, totalPages: 1 })).toEqual({
      docs: [{ ...hit, section: { slug: 'world', name: 'World' } }],
      page: 1,
      totalDocs: 1,
      totalPages: 1,
    });
  });

  it('drops hits without a usable slug or headline, and snippet parts that are not text', () => {
    const result = readSearchResults({
      docs: [{ ...hit, slug: '../admin' }, { ...hit, headline: '' }, { ...hit, id: 2, snippet: [{ text: 5 }, null, { text: 'ok', mark: 'yes' }] }],
      page: 1,
      totalDocs: 3,
      totalPages: 1,
    });
    expect(result?.docs.map((doc) => doc.id)).toEqual([2]);
    expect(result?.docs[0]?.snippet).toEqual([{ text: 'ok', mark: false }]);
  });

  it('is undefined for an answer that is not a result list', () => {
    expect(readSearchResults(undefined)).toBeUndefined();
    expect(readSearchResults({ errors: [] })).toBeUndefined();
  });
});

describe('tagSlug', () => {
  it('slugs a tag as articles are slugged', () => {
    expect(tagSlug('North Korea')).toBe('north-korea');
    expect(tagSlug('Café Society')).toBe('cafe-society');
  });

  it('gives a tag with nothing to transliterate no slug, but keeps a tag that is really "story"', () => {
    expect(tagSlug('日本')).toBeUndefined();
    expect(tagSlug('Story')).toBe('story');
  });
});
