import { describe, expect, it } from 'vitest';

import { fts5Query, MAX_TERMS, plainQueryText, postgresPrefixQuery, searchTerms } from './query';

describe('searchTerms', () => {
  it('keeps words, in order, once each, and nothing else', () => {
    expect(searchTerms('Harbour  plan, harbour PLAN!')).toEqual(['Harbour', 'plan']);
    expect(searchTerms('"a" OR b* NEAR(c d) e:f -g \'h\' ^i')).toEqual(['a', 'OR', 'b', 'NEAR', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    expect(searchTerms('\'; DROP TABLE articles; --')).toEqual(['DROP', 'TABLE', 'articles']);
  });

  it('keeps apostrophes inside words and letters of any script', () => {
    expect(searchTerms("Korea's O’Brien won't")).toEqual(["Korea's", 'O’Brien', "won't"]);
    expect(searchTerms('Zürich Москва 東京 café')).toEqual(['Zürich', 'Москва', '東京', 'café']);
  });

  it('finds no words in punctuation and control characters', () => {
    expect(searchTerms('"*:-()\'^\u0000\u0001')).toEqual([]);
  });

  it('stops after MAX_TERMS words', () => {
    expect(searchTerms(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_TERMS);
  });
});

describe('fts5Query', () => {
  it('quotes every term, doubling quotes, so FTS5 reads strings and never operators', () => {
    expect(fts5Query(['OR', 'NEAR', 'x'])).toBe('"OR" "NEAR" "x"');
    expect(fts5Query(['a"b'])).toBe('"a""b"');
  });

  it('adds a prefix star to the last term only when asked, and only for two letters or more', () => {
    expect(fts5Query(['harbour', 'pla'], { prefix: true })).toBe('"harbour" "pla"*');
    expect(fts5Query(['harbour', 'p'], { prefix: true })).toBe('"harbour" "p"');
  });
});

describe('PostgreSQL query text', () => {
  it('is the words joined by spaces, for plainto_tsquery', () => {
    expect(plainQueryText(['harbour', 'plan'])).toBe('harbour plan');
  });

  it('makes a quoted prefix lexeme from the last word, its apostrophe parts kept as plain words', () => {
    expect(postgresPrefixQuery(['harbour', 'Pla'])).toEqual({ plain: 'harbour', prefix: "'pla':*" });
    expect(postgresPrefixQuery(["o'brie"])).toEqual({ plain: 'o', prefix: "'brie':*" });
    expect(postgresPrefixQuery(["korea's"])).toEqual({ plain: 'korea s' });
    expect(postgresPrefixQuery([])).toEqual({ plain: '' });
  });
});
