import { describe, expect, it } from 'vitest';

import { hasWhitespaceOrControl, richTextUrlProblem } from './allow-list';

describe('richTextUrlProblem', () => {
  it('accepts http(s) with a host, mailto, site paths and fragments', () => {
    for (const url of [
      'https://example.com',
      'http://example.com/a?b=1#c',
      'HTTPS://EXAMPLE.COM/',
      'https://example.com/?q="quoted"',
      'mailto:desk@example.com',
      '/news/other-story',
      '/',
      '#top',
    ]) {
      expect(richTextUrlProblem(url), url).toBeUndefined();
    }
  });

  it('names the scheme it refuses', () => {
    expect(richTextUrlProblem('javascript:alert(1)')).toBe('scheme "javascript:" is not allowed');
    expect(richTextUrlProblem('JaVaScRiPt:alert(1)')).toBe('scheme "javascript:" is not allowed');
    expect(richTextUrlProblem('data:text/html,<script>alert(1)</script>')).toBe('scheme "data:" is not allowed');
    expect(richTextUrlProblem('vbscript:msgbox(1)')).toBe('scheme "vbscript:" is not allowed');
    expect(richTextUrlProblem('tel:+15550100')).toBe('scheme "tel:" is not allowed');
  });

  it('refuses the tricks browsers forgive: whitespace, control characters, backslashes, entities, "//host"', () => {
    expect(richTextUrlProblem(' javascript:alert(1)')).toBe('contains whitespace or control characters');
    expect(richTextUrlProblem('java\tscript:alert(1)')).toBe('contains whitespace or control characters');
    expect(richTextUrlProblem('java\u0000script:alert(1)')).toBe('contains whitespace or control characters');
    expect(richTextUrlProblem('https://example.com/\u2028')).toBe('contains whitespace or control characters');
    expect(richTextUrlProblem('/\\evil.example')).toBe('contains a backslash');
    expect(richTextUrlProblem('//evil.example/')).toMatch(/protocol-relative/);
    expect(richTextUrlProblem('&#106;avascript:alert(1)')).toMatch(/must be absolute/);
    expect(richTextUrlProblem('example.com')).toMatch(/must be absolute/);
  });

  it('refuses empty, host-less, unparsable and overlong URLs', () => {
    expect(richTextUrlProblem('')).toBe('is empty');
    expect(richTextUrlProblem('https://')).toBe('is not a valid URL');
    expect(richTextUrlProblem('mailto:')).toBe('has no address after mailto:');
    expect(richTextUrlProblem(`https://example.com/${'a'.repeat(2100)}`)).toBe('is longer than 2048 characters');
    expect(richTextUrlProblem('https://example.com/abc', 10)).toBe('is longer than 10 characters');
  });
});

describe('hasWhitespaceOrControl', () => {
  it('finds spaces, C0 and C1 controls, DEL, separators and the BOM', () => {
    for (const text of ['a b', 'a\nb', '\u0001', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff']) {
      expect(hasWhitespaceOrControl(text), JSON.stringify(text)).toBe(true);
    }
    expect(hasWhitespaceOrControl('https://example.com/é')).toBe(false);
  });
});
