import { describe, expect, it } from 'vitest';
import { isAdvertisement, isLatestHeadlines, isLicenseLink, nextContentLine, quote, splitWireLines } from './wire-lines.js';

describe('splitWireLines', () => {
  it('numbers and trims lines, ending them at CRLF, CR or LF but not at U+2028', () => {
    expect(splitWireLines(' a \r\nb\rc\n\td\u2028e ')).toEqual([
      { number: 1, text: 'a' },
      { number: 2, text: 'b' },
      { number: 3, text: 'c' },
      { number: 4, text: 'd\u2028e' },
    ]);
  });
});

describe('line markers', () => {
  it('recognises ad, end and license lines in any case', () => {
    expect([isAdvertisement('ADVERTISEMENT'), isLatestHeadlines('Latest headlines'), isLicenseLink('| License Photo'), isLicenseLink('License photo')]).toEqual([true, true, true, true]);
    expect([isAdvertisement('Advertisements'), isLatestHeadlines('Latest'), isLicenseLink('Licensed Photo')]).toEqual([false, false, false]);
  });

  it('finds the next line that is neither blank nor an ad marker', () => {
    const lines = splitWireLines('a\n\nAdvertisement\nb');
    expect(nextContentLine(lines, 1)).toEqual({ number: 4, text: 'b' });
    expect(nextContentLine(lines, 4)).toBeUndefined();
  });

  it('quotes text, cutting it at 60 characters', () => {
    expect(quote('short')).toBe('"short"');
    expect(quote('x'.repeat(61))).toBe(`"${'x'.repeat(57)}…"`);
  });
});
