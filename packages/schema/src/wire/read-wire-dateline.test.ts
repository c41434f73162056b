import { describe, expect, it } from 'vitest';
import { readWireDateline } from './read-wire-dateline.js';
import { splitWireLines } from './wire-lines.js';

const lines = (...text: string[]) => splitWireLines(text.join('\n'));
const NOW = new Date('2026-12-01T09:00:00Z');

describe('readWireDateline', () => {
  it('reads the dateline at the given line, with the rest of the line', () => {
    expect(readWireDateline(lines('Headline', '', 'SEOUL, Oct. 2 (UPI) -- Keepers voted.  '), 2, 2019)).toEqual({
      ok: true,
      paragraph: {
        dateline: { place: 'SEOUL', month: 10, day: 2, year: 2019, agency: 'UPI' },
        line: { number: 3, text: 'SEOUL, Oct. 2 (UPI) -- Keepers voted.' },
        index: 2,
        rest: 'Keepers voted.',
      },
    });
  });

  it('gives an empty rest when the text starts on the next line', () => {
    const result = readWireDateline(lines('Oct. 2 (UPI) --', 'Keepers voted.'), 0, 2019);
    expect(result.ok && result.paragraph.rest).toBe('');
  });

  it('chooses the year from now when given a Date: the latest year not after it', () => {
    const yearOf = (dateline: string): number | undefined => {
      const result = readWireDateline(lines(`${dateline} (UPI) -- Text.`), 0, NOW);
      return result.ok ? result.paragraph.dateline.year : undefined;
    };
    expect([yearOf('Dec. 1'), yearOf('Dec. 2'), yearOf('Feb. 29'), yearOf('Nov. 9, 1989')]).toEqual([2026, 2025, 2024, 1989]);
  });

  it('refuses a date that does not exist, with its line', () => {
    expect(readWireDateline(lines('Headline', 'Feb. 29 (UPI) -- Text.'), 1, 2023)).toEqual({
      ok: false,
      error: { code: 'invalid', line: 2, message: 'line 2: the dateline date "Feb. 29" does not exist in 2023, which is not a leap year' },
    });
    expect(readWireDateline(lines('Headline', 'Feb. 30 (UPI) -- Text.'), 1, NOW)).toEqual({
      ok: false,
      error: { code: 'invalid', line: 2, message: 'line 2: the dateline date "Feb. 30" does not exist' },
    });
  });

  it('says the story ends after its header when there is no line or only "Latest Headlines"', () => {
    expect(readWireDateline(lines('Headline', ''), 2, 2020)).toMatchObject({ ok: false, error: { code: 'no-dateline', line: 2 } });
    expect(readWireDateline(lines('Headline', 'Latest Headlines'), 1, 2020)).toMatchObject({
      ok: false,
      error: { code: 'no-dateline', line: 2, message: expect.stringContaining('the story ends after its header') },
    });
  });

  it('says what sits in the way when a dateline paragraph comes later', () => {
    expect(readWireDateline(lines('Headline', 'A subtitle', '', 'Oct. 2 (UPI) -- Text.'), 1, 2020)).toMatchObject({
      ok: false,
      error: { code: 'invalid', line: 2, message: expect.stringContaining('unexpected text "A subtitle" before the dateline paragraph on line 4') },
    });
  });

  it('says there is no dateline when none comes', () => {
    expect(readWireDateline(lines('Headline', 'The pass closed.', '', 'It may reopen.'), 1, 2020)).toMatchObject({
      ok: false,
      error: { code: 'no-dateline', line: 2, message: expect.stringContaining('found "The pass closed."') },
    });
  });
});
