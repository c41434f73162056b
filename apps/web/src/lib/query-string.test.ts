import { describe, expect, it } from 'vitest';

import { toQueryString } from './query-string';

describe('toQueryString', () => {
  it('writes nested where clauses in bracket notation', () => {
    const query = toQueryString({ where: { and: [{ slug: { equals: 'a b' } }, { 'section.slug': { equals: 'world' } }] }, limit: 2 });
    expect(decodeURIComponent(query)).toBe('where[and][0][slug][equals]=a b&where[and][1][section.slug][equals]=world&limit=2');
  });

  it('leaves out undefined values and escapes reserved characters', () => {
    expect(toQueryString({ a: undefined, b: 'x&y=z', c: true })).toBe('b=x%26y%3Dz&c=true');
  });
});
