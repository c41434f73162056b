import { describe, expect, it } from 'vitest';

import {
  canonicalHost,
  cookieNames,
  etagMatches,
  hasPreviewCookie,
  negotiateEncoding,
  normalizeTarget,
  readCarriesBody,
  revalidatedTags,
  siteHosts,
  surrogateKeys,
  varySignature,
} from './http-parts.mjs';

describe('cookies', () => {
  it('reads the names of name=value pairs, however spaced', () => {
    expect(cookieNames('a=1;b=2;  c = 3 ; flag')).toEqual(['a', 'b', 'c', 'flag']);
    expect(cookieNames(undefined)).toEqual([]);
  });

  it.each(['__prerender_bypass=abc', 'theme=dark; __next_preview_data=xyz', 'a=1; payload-token=jwt; b=2'])('sees a preview in %j', (header) => {
    expect(hasPreviewCookie(header)).toBe(true);
  });

  it.each(['x__prerender_bypass=1', 'payload-token-old=1', 'a=payload-token=1', 'note="__next_preview_data=1"', ''])('sees none in %j', (header) => {
    expect(hasPreviewCookie(header)).toBe(false);
  });
});

describe('negotiateEncoding', () => {
  it.each([
    ['gzip, deflate, br', 'gzip'],
    ['br;q=1.0, gzip;q=0.8', 'gzip'],
    ['x-gzip', 'gzip'],
    ['*', 'gzip'],
    ['gzip;q=0', 'identity'],
    ['*;q=0.5, gzip;q=0', 'identity'],
    ['br', 'identity'],
    ['identity', 'identity'],
    ['', 'identity'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe('hosts', () => {
  it('spells a Host one way', () => {
    expect(canonicalHost('LocalHost:3000')).toBe('localhost:3000');
    expect(canonicalHost('news.example.com.')).toBe('news.example.com');
    expect(canonicalHost('news.example.com:80')).toBe('news.example.com');
    expect(canonicalHost('[::1]:3000')).toBe('[::1]:3000');
  });

  it.each(['evil.example/x', 'a b', 'x@y', '', 'host:port'])('refuses %j', (host) => {
    expect(canonicalHost(host)).toBe('');
  });

  it('knows the public URL, the loopback names on PORT and the listed extras', () => {
    const hosts = siteHosts({ SITE_URL: 'https://News.Example.com', WEB_URL: 'http://127.0.0.1:4100', EDGE_HOSTS: 'www.example.com, alt.example.com:8080' }, 4100);
    expect([...hosts].sort()).toEqual(['127.0.0.1:4100', '[::1]:4100', 'alt.example.com:8080', 'localhost:4100', 'news.example.com', 'www.example.com'].sort());
  });
});

describe('normalizeTarget', () => {
  it('sorts the query and drops analytics parameters', () => {
    expect(normalizeTarget('/api/widgets/headlines?section=world&limit=5&utm_source=x&fbclid=y')).toEqual({
      path: '/api/widgets/headlines?limit=5&section=world',
      pathname: '/api/widgets/headlines',
    });
    expect(normalizeTarget('/news/a?utm_campaign=z')?.path).toBe('/news/a');
    expect(normalizeTarget('/news/a?')?.path).toBe('/news/a');
  });

  it('resolves dot segments and decodes unreserved escapes only', () => {
    expect(normalizeTarget('/x/../news/%61b%2dc')?.path).toBe('/news/ab-c');
    expect(normalizeTarget('/news/%2e%2e/feed.xml')?.path).toBe('/feed.xml');
    expect(normalizeTarget('/news/a%2fb')?.path).toBe('/news/a%2Fb');
  });

  it.each([
    ['/news/a-b', '/news/a-b'],
    ['/a/./b', '/a/b'],
    ['/a/b/..', '/a/'],
    ['/a/.b/..c', '/a/.b/..c'],
    ["/x/!$&'()*+,;=:@~", "/x/!$&'()*+,;=:@~"],
    ['/a b', '/a%20b'],
    ['/caf\u00e9', '/caf%C3%A9'],
  ])('spells %j as %j', (target, expected) => {
    expect(normalizeTarget(target)?.path).toBe(expected);
  });

  it('keeps a leading double slash a path, not another host', () => {
    expect(normalizeTarget('//evil.example/news/a')?.path).toBe('//evil.example/news/a');
  });

  it.each(['*', 'http://evil.example/', '', undefined])('refuses %j', (target) => {
    expect(normalizeTarget(target)).toBeNull();
  });
});

describe('readCarriesBody', () => {
  it('is true for any Transfer-Encoding or a non-zero Content-Length', () => {
    expect(readCarriesBody({ 'transfer-encoding': 'chunked' })).toBe(true);
    expect(readCarriesBody({ 'content-length': '5' })).toBe(true);
    expect(readCarriesBody({ 'content-length': '0' })).toBe(false);
    expect(readCarriesBody({})).toBe(false);
  });
});

describe('tags', () => {
  it('reads Surrogate-Key as space-separated keys', () => {
    expect(surrogateKeys(' article:a  articles\tsections ')).toEqual(['article:a', 'articles', 'sections']);
    expect(surrogateKeys(undefined)).toEqual([]);
    // A slug made from a 300-character headline still names its article.
    const long = `article:${'a-'.repeat(150)}z`;
    expect(surrogateKeys(`${long} articles`)).toEqual([long, 'articles']);
    expect(revalidatedTags(Buffer.from(JSON.stringify({ tags: [long] })))).toEqual([long]);
  });

  it('reads the tags of a revalidation body, and none from anything else', () => {
    expect(revalidatedTags(Buffer.from('{"tags":["article:a","articles",7]}'))).toEqual(['article:a', 'articles']);
    expect(revalidatedTags(Buffer.from('not json'))).toEqual([]);
    expect(revalidatedTags(Buffer.from('{"tags":"articles"}'))).toEqual([]);
  });
});

describe('varySignature', () => {
  it('is equal exactly when the named headers are', () => {
    const en = varySignature('Accept-Language, Accept-Encoding', { 'accept-language': 'en', 'accept-encoding': 'gzip', cookie: 'a' });
    expect(varySignature('accept-encoding,accept-language', { 'accept-language': 'en', 'accept-encoding': 'gzip' })).toBe(en);
    expect(varySignature('Accept-Language, Accept-Encoding', { 'accept-language': 'fr', 'accept-encoding': 'gzip' })).not.toBe(en);
    expect(varySignature(undefined, {})).toBe('');
    expect(varySignature('*', {})).toBeNull();
  });
});

describe('etagMatches', () => {
  it('compares weakly, in lists and with *', () => {
    expect(etagMatches('"a"', '"a"')).toBe(true);
    expect(etagMatches('W/"a"', '"a"')).toBe(true);
    expect(etagMatches('"x", "a"', 'W/"a"')).toBe(true);
    expect(etagMatches('*', '"a"')).toBe(true);
    expect(etagMatches('"b"', '"a"')).toBe(false);
    expect(etagMatches(undefined, '"a"')).toBe(false);
  });
});
