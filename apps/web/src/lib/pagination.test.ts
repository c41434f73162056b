import { describe, expect, it } from 'vitest';

import { pageHref, pageSuffix, paginate, parsePage } from './pagination';

describe('parsePage', () => {
  it('reads a positive integer written plainly', () => {
    expect(parsePage('1')).toBe(1);
    expect(parsePage('2')).toBe(2);
    expect(parsePage('10000')).toBe(10_000);
  });

  it('refuses zero, negatives, fractions, padding, signs, words and the absurdly large', () => {
    for (const bad of ['0', '-1', '-0', '1.5', '2.0', '02', '+2', ' 2', '2 ', '1e3', 'abc', '', 'Infinity', 'NaN', '0x10', '10001', '99999999999999999999']) {
      expect(parsePage(bad), JSON.stringify(bad)).toBeUndefined();
    }
    expect(parsePage(undefined)).toBeUndefined();
    expect(parsePage(['2', '3'])).toBeUndefined();
  });
});

describe('pageHref', () => {
  it('gives page 1 the bare path and later pages ?page=N', () => {
    expect(pageHref('/section/world', 1)).toBe('/section/world');
    expect(pageHref('/section/world', 2)).toBe('/section/world?page=2');
    expect(pageHref('/', 1)).toBe('/');
    expect(pageHref('/', 3)).toBe('/?page=3');
  });
});

describe('paginate', () => {
  it('links the first page forward only', () => {
    expect(paginate('/section/world', 1, 3)).toEqual({ page: 1, totalPages: 3, nextHref: '/section/world?page=2' });
  });

  it('links a middle page both ways, back to the bare path from page 2', () => {
    expect(paginate('/section/world', 2, 3)).toEqual({ page: 2, totalPages: 3, prevHref: '/section/world', nextHref: '/section/world?page=3' });
    expect(paginate('/author/ana-ruiz', 3, 5)).toEqual({ page: 3, totalPages: 5, prevHref: '/author/ana-ruiz?page=2', nextHref: '/author/ana-ruiz?page=4' });
  });

  it('links the last page back only', () => {
    expect(paginate('/', 3, 3)).toEqual({ page: 3, totalPages: 3, prevHref: '/?page=2' });
  });

  it('has no page past the end, but always a first page, even with no stories', () => {
    expect(paginate('/section/world', 4, 3)).toBeUndefined();
    expect(paginate('/section/world', 2, 1)).toBeUndefined();
    expect(paginate('/section/world', 2, 0)).toBeUndefined();
    expect(paginate('/section/world', 1, 0)).toEqual({ page: 1, totalPages: 1 });
    expect(paginate('/section/world', 1, 1)).toEqual({ page: 1, totalPages: 1 });
  });

  it('has no page 0, negative or fractional page', () => {
    expect(paginate('/', 0, 3)).toBeUndefined();
    expect(paginate('/', -1, 3)).toBeUndefined();
    expect(paginate('/', 1.5, 3)).toBeUndefined();
  });
});

describe('pageSuffix', () => {
  it('marks later pages in titles only', () => {
    expect(pageSuffix(1)).toBe('');
    expect(pageSuffix(2)).toBe(' – page 2');
  });
});
