import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDate } from './format-date.js';
import { toHeadlines } from './headlines.js';
import { safeUrl } from './safe-url.js';
import { photoCaptionProps } from '../props/photo-caption-props.js';
import { VERSION } from '../version.js';
import { hostileUrls } from '../test/sample.js';

describe('safeUrl', () => {
  it('keeps http(s), protocol-relative and relative URLs', () => {
    for (const url of ['https://example.com/a', 'http://example.com', 'HTTPS://EXAMPLE.COM', '//cdn.example.com/a.jpg', '/news/a', 'news/a', './a', '../a', '#top', '?q=1', '/a:b', 'a/b:c', 'a?b=c:d', 'a#b:c']) {
      expect(safeUrl(url), url).toBe(url);
    }
  });

  it('refuses every other scheme, however it is disguised', () => {
    for (const url of [...hostileUrls, 'mailto:a@b.c', 'tel:123', 'ftp://example.com', 'httpx://example.com', 'a:b', ' https://example.com']) {
      expect(safeUrl(url), JSON.stringify(url)).toBeUndefined();
    }
  });

  it('agrees with the URL parser about every URL it lets through', () => {
    const samples = ['https://a.b/c', '/x', 'x/y', '//a.b', '#f', '?q', ...hostileUrls, 'java\u0000script:x', '\u0000https://a', 'ht\ntp://a'];
    for (const url of samples) {
      if (safeUrl(url) !== undefined) expect(['http:', 'https:'], JSON.stringify(url)).toContain(new URL(url, 'https://base.example/').protocol);
    }
  });
});

describe('formatDate', () => {
  it('prints ISO dates and date-times in UTC, the same everywhere', () => {
    expect(formatDate('2018-09-17T08:30:00Z')).toBe('Sep 17, 2018');
    expect(formatDate('2018-09-17')).toBe('Sep 17, 2018');
    expect(formatDate('2018-09-17T23:30:00-05:00')).toBe('Sep 18, 2018');
  });

  it('prints nothing for anything that is not an ISO date', () => {
    for (const value of [undefined, null, '', 'Sept. 17, 2018', '17/09/2018', 'yesterday', '2018-13-45', '2018-02-31T99:00']) {
      expect(formatDate(value), String(value)).toBeUndefined();
    }
  });
});

describe('toHeadlines', () => {
  it('accepts an array or {headlines: [...]}, keeping entries with a title and url', () => {
    const ok = { title: 'T', url: '/t' };
    expect(toHeadlines([ok, { title: 'no url' }, null, 3, { url: '/no-title' }])).toEqual([ok]);
    expect(toHeadlines({ headlines: [ok] })).toEqual([ok]);
  });

  it('rejects anything else', () => {
    for (const value of [null, undefined, 'x', 3, {}, { docs: 'x' }]) expect(toHeadlines(value)).toBeUndefined();
  });
});

describe('photoCaptionProps', () => {
  it('takes caption, credit and license URL from a schema Photo', () => {
    expect(photoCaptionProps({ caption: 'C', credit: 'File Photo by Stephen Shaver/UPI', licenseUrl: 'https://x/l', alt: 'A', src: '/a.jpg' })).toEqual({
      caption: 'C',
      credit: 'File Photo by Stephen Shaver/UPI',
      licenseUrl: 'https://x/l',
    });
  });
});

describe('VERSION', () => {
  it('is the package version, so define() can tell releases apart', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });
});
