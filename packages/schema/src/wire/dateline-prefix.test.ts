import { describe, expect, it } from 'vitest';
import { matchDatelinePrefix, resolveDatelinePrefix, type DatelinePrefix } from './dateline-prefix.js';

const prefixOf = (paragraph: string): DatelinePrefix => {
  const prefix = matchDatelinePrefix(paragraph);
  if (!prefix) throw new Error(`no dateline in ${paragraph}`);
  return prefix;
};

describe('matchDatelinePrefix', () => {
  it('reads the place, month word, day, printed year, agency and the rest', () => {
    expect(matchDatelinePrefix('WASHINGTON, D.C., March 3, 2020 (UPI) -- Rye sold out.')).toEqual({
      place: 'WASHINGTON, D.C.',
      monthWord: 'March',
      day: 3,
      year: 2020,
      agency: 'UPI',
      rest: 'Rye sold out.',
    });
  });

  it('is undefined for a paragraph without a dateline', () => {
    expect(matchDatelinePrefix('Rye sold out across the city.')).toBeUndefined();
  });
});

describe('resolveDatelinePrefix', () => {
  const now = new Date('2026-12-01T09:00:00Z');

  it('uses a number as the year', () => {
    expect(resolveDatelinePrefix(prefixOf('Dec. 31 (UPI) -- Text.'), 2026)).toEqual({ ok: true, dateline: { month: 12, day: 31, year: 2026, agency: 'UPI' } });
  });

  it('chooses the year from a Date: the latest that does not put the date after it', () => {
    const yearOf = (paragraph: string): number | undefined => {
      const resolved = resolveDatelinePrefix(prefixOf(paragraph), now);
      return resolved.ok ? resolved.dateline.year : undefined;
    };
    expect([yearOf('Dec. 1 (UPI) -- T.'), yearOf('Dec. 31 (UPI) -- T.'), yearOf('Feb. 29 (UPI) -- T.')]).toEqual([2026, 2025, 2024]);
  });

  it('prefers a printed year to either', () => {
    const resolved = resolveDatelinePrefix(prefixOf('Nov. 9, 1989 (UPI) -- Text.'), now);
    expect(resolved.ok && resolved.dateline.year).toBe(1989);
  });

  it('explains a date that does not exist', () => {
    expect(resolveDatelinePrefix(prefixOf('Feb. 29 (UPI) -- T.'), 2100)).toEqual({ ok: false, problem: 'the dateline date "Feb. 29" does not exist in 2100, which is not a leap year' });
    expect(resolveDatelinePrefix(prefixOf('Feb. 31 (UPI) -- T.'), 2024)).toEqual({ ok: false, problem: 'the dateline date "Feb. 31" does not exist in 2024' });
    expect(resolveDatelinePrefix(prefixOf('June 31 (UPI) -- T.'), now)).toEqual({ ok: false, problem: 'the dateline date "June 31" does not exist' });
    expect(resolveDatelinePrefix(prefixOf('June 0 (UPI) -- T.'), now)).toEqual({ ok: false, problem: 'the dateline date "June 0" does not exist' });
  });

  it('explains an unknown month', () => {
    expect(resolveDatelinePrefix(prefixOf('Juin 3 (AFP) -- T.'), now)).toMatchObject({ ok: false, problem: expect.stringContaining('"Juin" in the dateline is not a month') });
  });
});
