import { describe, expect, it } from 'vitest';
import { MAX_HEADLINE_LENGTH, readWireHeader, type WireHeaderResult } from './read-wire-header.js';
import { splitWireLines } from './wire-lines.js';

const header = (...lines: string[]): WireHeaderResult => readWireHeader(splitWireLines(lines.join('\n')));

function headerOf(result: WireHeaderResult) {
  if (!result.ok) throw new Error(`expected a header, got ${result.error.code}: ${result.error.message}`);
  return result.header;
}

function errorOf(result: WireHeaderResult) {
  if (result.ok) throw new Error('expected a refusal, got a header');
  return result.error;
}

const DATELINE = 'June 3 (UPI) -- Night buses will run again.';

describe('readWireHeader', () => {
  it('reads the headline alone and ends at the dateline paragraph', () => {
    expect(header('Night buses return', '', DATELINE)).toEqual({ ok: true, header: { headline: 'Night buses return', topAd: false, end: 2 }, warnings: [] });
  });

  it('reads ad markers, headline, byline, caption and license line, in any order after the headline', () => {
    const result = header(
      'Advertisement',
      '',
      'Night buses return',
      'A bus at the depot. File Photo by Lea Moreau/UPI',
      'Advertisement',
      'By Oskar Brandt, UPI',
      '| License Photo',
      '',
      DATELINE,
    );
    expect(result).toEqual({
      ok: true,
      header: {
        headline: 'Night buses return',
        byline: { text: 'Oskar Brandt, UPI', authors: ['Oskar Brandt'], agency: 'UPI' },
        photo: { caption: 'A bus at the depot.', credit: 'File Photo by Lea Moreau/UPI', creator: 'Lea Moreau', licenseOffered: true },
        topAd: true,
        end: 8,
      },
      warnings: [],
    });
  });

  it('takes any "By" line after the headline as the byline, warning when it names no one', () => {
    const result = header('Night buses return', 'By <i>the night desk</i>', '', DATELINE);
    expect(headerOf(result).byline).toEqual({ text: '<i>the night desk</i>', authors: [] });
    expect(result.ok && result.warnings).toEqual([
      {
        code: 'byline-as-text',
        line: 2,
        message: 'line 2: the byline "By <i>the night desk</i>" names no one the importer recognises, so it is kept as printed and the story has no authors',
      },
    ]);
  });

  it('does not warn about an agency byline', () => {
    const result = header('Night buses return', 'By UPI Staff', '', DATELINE);
    expect(result.ok && result.warnings).toEqual([]);
    expect(headerOf(result).byline).toEqual({ text: 'UPI Staff', authors: [], agency: 'UPI' });
  });

  it('ends at the first other line, leaving it to the next step', () => {
    expect(headerOf(header('Night buses return', '', 'A stray subtitle', '', DATELINE)).end).toBe(2);
    expect(headerOf(header('Night buses return', 'Latest Headlines')).end).toBe(1);
    expect(headerOf(header('Night buses return')).end).toBe(1);
  });

  it('reads a byline-shaped first line as the headline when another "By" line follows, or when it names no one', () => {
    expect(headerOf(header('By Land and Sea', 'By Ana Ruiz', DATELINE))).toMatchObject({ headline: 'By Land and Sea', byline: { authors: ['Ana Ruiz'] } });
    expect(headerOf(header('By the numbers: night buses', DATELINE)).headline).toBe('By the numbers: night buses');
  });

  it.each([
    [['By Nia Holm', '', DATELINE], 'a byline "By Nia Holm"'],
    [['By UPI Staff', '', DATELINE], 'a byline "By UPI Staff"'],
    [[DATELINE], `the dateline paragraph "${DATELINE}"`],
    [['Latest Headlines'], 'the "Latest Headlines" marker'],
    [['A bus at the depot. Photo by Jun Seo/UPI'], 'a photo caption "A bus at the depot. Photo by Jun Seo/UPI"'],
    [['x'.repeat(MAX_HEADLINE_LENGTH + 1)], `${MAX_HEADLINE_LENGTH + 1} characters long, a paragraph rather than a headline`],
  ])('refuses the first line %j as the headline', (lines, what) => {
    expect(errorOf(header(...lines))).toEqual({
      code: 'no-headline',
      line: 1,
      message: `line 1: no headline found — the first line of text is ${what}; expected the headline on its own line above it`,
    });
  });

  it('refuses lines with no headline', () => {
    expect(errorOf(header('Advertisement', '', 'Advertisement'))).toEqual({ code: 'no-headline', message: 'no headline found — the input holds only "Advertisement" markers' });
    expect(errorOf(header('', ''))).toEqual({ code: 'no-headline', message: 'no headline found — the input has no text' });
  });

  it('refuses a second, different byline or caption, and a license link with no caption', () => {
    expect(errorOf(header('Night buses return', 'By Ana Ruiz', 'By Nia Holm'))).toEqual({
      code: 'invalid',
      line: 3,
      message: 'line 3: a second, different byline "By Nia Holm" — a story carries one byline',
    });
    expect(errorOf(header('Night buses return', 'A bus. Photo by Jun Seo/UPI', 'A tram. Photo by Jun Seo/UPI'))).toMatchObject({ code: 'invalid', line: 3 });
    expect(errorOf(header('Night buses return', 'License Photo'))).toEqual({ code: 'invalid', line: 2, message: 'line 2: a "License Photo" link with no photo caption above it' });
  });
});
