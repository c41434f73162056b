import { describe, expect, it } from 'vitest';

import { presentedSecret, secretMatches } from './secret.js';

describe('secretMatches', () => {
  it('matches only the configured secret, and nothing when none is configured', () => {
    expect(secretMatches('s3cret', 's3cret')).toBe(true);
    expect(secretMatches('s3cre', 's3cret')).toBe(false);
    expect(secretMatches('S3cret', 's3cret')).toBe(false);
    expect(secretMatches('', 's3cret')).toBe(false);
    expect(secretMatches(null, 's3cret')).toBe(false);
    expect(secretMatches('anything', undefined)).toBe(false);
  });

  it('reads the header or a bearer token', () => {
    expect(presentedSecret(new Headers({ 'x-revalidate-secret': 'a' }))).toBe('a');
    expect(presentedSecret(new Headers({ authorization: 'Bearer b' }))).toBe('b');
    expect(presentedSecret(new Headers({ authorization: 'Basic c' }))).toBeUndefined();
  });
});
