import { describe, expect, it } from 'vitest';

import { paragraphsToLexical } from '../lib/lexical';
import { plainText, searchDocumentOf, tagSlug, tagSlugs } from './document';

describe('searchDocumentOf', () => {
  it('indexes the headline, dek, body paragraphs as text, and tag slugs', () => {
    const body = paragraphsToLexical(['First paragraph.', 'Second <b>one</b>.']);
    expect(searchDocumentOf({ id: 4, headline: 'Head', dek: null, body, tags: ['North Korea', 'north korea', 'Talks', null] })).toEqual({
      id: 4,
      headline: 'Head',
      dek: '',
      body: 'First paragraph.\n\nSecond <b>one</b>.',
      tagSlugs: ['north-korea', 'talks'],
    });
  });

  it('reads a body stored as JSON text (SQLite rows) as well as parsed', () => {
    const body = paragraphsToLexical(['Stored as text.']);
    expect(searchDocumentOf({ id: 1, body: JSON.stringify(body) }).body).toBe('Stored as text.');
    expect(searchDocumentOf({ id: 1, body: '{not json' }).body).toBe('');
  });
});

describe('plainText', () => {
  it('strips the snippet sentinels and other control characters, keeping tabs and newlines', () => {
    expect(plainText('a\u0001b\u0002c\u0000d\u007fe\tf\ng')).toBe('a b c d e\tf\ng');
    expect(plainText(undefined)).toBe('');
  });
});

describe('tagSlug', () => {
  it('slugs like articles, but gives a tag with nothing to transliterate no slug', () => {
    expect(tagSlug('Café Society')).toBe('cafe-society');
    expect(tagSlug('Story')).toBe('story');
    expect(tagSlug('日本')).toBeUndefined();
    expect(tagSlugs(['日本', 'Japan'])).toEqual(['japan']);
  });
});
