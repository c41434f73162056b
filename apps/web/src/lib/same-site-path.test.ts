import { describe, expect, it } from 'vitest';

import { sameSitePath } from './same-site-path';

describe('sameSitePath', () => {
  it.each([
    ['/news/a-story', '/news/a-story'],
    ['/news/a-story?x=1#top', '/news/a-story?x=1'],
    ['/', '/'],
    ['/news/../section/world', '/section/world'],
    // An encoded backslash stays encoded: a path on this site, not a way out of it.
    ['/%5Cevil.example', '/%5Cevil.example'],
  ])('keeps %s', (input, expected) => {
    expect(sameSitePath(input)).toBe(expected);
  });

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/\tevil',
    'news/a',
    '',
    null,
    42,
  ])('refuses %j', (input) => {
    expect(sameSitePath(input)).toBeUndefined();
  });
});
