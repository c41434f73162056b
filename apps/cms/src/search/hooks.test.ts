import type { Where } from 'payload';
import { describe, expect, it } from 'vitest';

import { findListSearch } from './hooks';

const FIELDS = ['headline', 'slug', 'dek'];
const listSearch = (q: string): Where => ({ or: [{ headline: { like: q } }, { slug: { like: q } }, { dek: { like: q } }] });

describe('findListSearch', () => {
  it('finds the admin list view’s search, alone or beside filters', () => {
    expect(findListSearch(listSearch('harbour'), FIELDS)?.search).toBe('harbour');
    const where = { and: [{ _status: { equals: 'published' } }, listSearch('harbour')] };
    expect(findListSearch(where, FIELDS)?.node).toBe(where.and[1]);
  });

  it('leaves other queries alone', () => {
    expect(findListSearch(undefined, FIELDS)).toBeUndefined();
    expect(findListSearch({ headline: { like: 'harbour' } }, FIELDS)).toBeUndefined();
    expect(findListSearch({ or: [{ headline: { like: 'a' } }, { slug: { like: 'b' } }, { dek: { like: 'a' } }] }, FIELDS)).toBeUndefined();
    expect(findListSearch({ or: [{ headline: { like: 'a' } }, { slug: { like: 'a' } }, { body: { like: 'a' } }] }, FIELDS)).toBeUndefined();
    expect(findListSearch({ or: [{ headline: { equals: 'a' } }, { slug: { like: 'a' } }, { dek: { like: 'a' } }] }, FIELDS)).toBeUndefined();
    expect(findListSearch(listSearch('a'), [])).toBeUndefined();
  });
});
