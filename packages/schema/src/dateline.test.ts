import { describe, expect, it } from 'vitest';
import { AP_MONTHS, datelineIsoDate, datelineSchema, daysInMonth, formatDateline, isLeapYear, monthFromName, resolveDatelineYear } from './dateline.js';

describe('AP_MONTHS', () => {
  it('lists the AP month forms in calendar order', () => {
    expect(AP_MONTHS).toEqual(['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.']);
  });
});

describe('formatDateline', () => {
  it('prints a city dateline', () => {
    expect(formatDateline({ place: 'SEOUL', month: 10, day: 2, agency: 'UPI' })).toBe('SEOUL, Oct. 2 (UPI)');
  });

  it('prints a dateline without a place, and ignores the year as AP does', () => {
    expect(formatDateline({ month: 9, day: 17, year: 2018, agency: 'UPI' })).toBe('Sept. 17 (UPI)');
  });

  it('prints a dateline without an agency', () => {
    expect(formatDateline({ place: 'WASHINGTON, D.C.', month: 3, day: 3 })).toBe('WASHINGTON, D.C., March 3');
  });
});

describe('datelineIsoDate', () => {
  it('gives a zero-padded ISO date when the year is known', () => {
    expect(datelineIsoDate({ month: 9, day: 17, year: 2018 })).toBe('2018-09-17');
    expect(datelineIsoDate({ month: 12, day: 1, year: 987 })).toBe('0987-12-01');
  });

  it('gives undefined without a year', () => {
    expect(datelineIsoDate({ month: 9, day: 17 })).toBeUndefined();
  });
});

describe('datelineSchema', () => {
  it('accepts a valid dateline', () => {
    expect(datelineSchema.parse({ place: 'SEOUL', month: 10, day: 2, agency: 'UPI' })).toEqual({ place: 'SEOUL', month: 10, day: 2, agency: 'UPI' });
  });

  it('rejects a day the month does not have, naming the day', () => {
    const result = datelineSchema.safeParse({ month: 2, day: 30 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[['day'], 'Feb. has no day 30']]);
  });

  it('accepts Feb. 29 without a year or in a leap year, and rejects it otherwise', () => {
    expect(datelineSchema.safeParse({ month: 2, day: 29 }).success).toBe(true);
    expect(datelineSchema.safeParse({ month: 2, day: 29, year: 2000 }).success).toBe(true);
    expect(datelineSchema.safeParse({ month: 2, day: 29, year: 1900 }).success).toBe(false);
  });

  it('rejects month 13, day 0 and fractional values', () => {
    expect(datelineSchema.safeParse({ month: 13, day: 1 }).success).toBe(false);
    expect(datelineSchema.safeParse({ month: 1, day: 0 }).success).toBe(false);
    expect(datelineSchema.safeParse({ month: 1.5, day: 1 }).success).toBe(false);
  });
});

describe('daysInMonth', () => {
  it('knows month lengths and leap years', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => daysInMonth(month, 2023))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect([daysInMonth(2, 2024), daysInMonth(2, 2100), daysInMonth(2, 2000), daysInMonth(2)]).toEqual([29, 28, 29, 29]);
  });
});

describe('monthFromName', () => {
  it('reads every AP form', () => {
    expect(AP_MONTHS.map(monthFromName)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('reads lenient forms and rejects non-months', () => {
    expect(['Sep.', 'Sept', 'SEPTEMBER', 'dec', 'Mar.'].map(monthFromName)).toEqual([9, 9, 9, 12, 3]);
    expect(['Septembre', 'Monday', ''].map(monthFromName)).toEqual([undefined, undefined, undefined]);
  });
});

describe('isLeapYear', () => {
  it('follows the Gregorian rule', () => {
    expect([2024, 2023, 2000, 1900, 2100, 2400, 1].map(isLeapYear)).toEqual([true, false, true, false, false, true, false]);
  });
});

describe('resolveDatelineYear', () => {
  const at = (iso: string): Date => new Date(iso);

  it('gives a date equal to today this year', () => {
    expect(resolveDatelineYear(9, 17, at('2026-09-17T00:00:00Z'))).toBe(2026);
    expect(resolveDatelineYear(9, 17, at('2026-09-17T23:59:59.999Z'))).toBe(2026);
  });

  it('gives an earlier date this year and a later one (tomorrow) last year', () => {
    expect(resolveDatelineYear(9, 16, at('2026-09-17T12:00:00Z'))).toBe(2026);
    expect(resolveDatelineYear(9, 18, at('2026-09-17T12:00:00Z'))).toBe(2025);
    expect(resolveDatelineYear(10, 1, at('2026-09-17T12:00:00Z'))).toBe(2025);
  });

  it('gives Dec. 31 imported in early December last year, and Jan. 1 on Jan. 1 this year', () => {
    expect(resolveDatelineYear(12, 31, at('2026-12-01T08:00:00Z'))).toBe(2025);
    expect(resolveDatelineYear(12, 1, at('2026-12-01T08:00:00Z'))).toBe(2026);
    expect(resolveDatelineYear(1, 1, at('2027-01-01T00:00:00Z'))).toBe(2027);
    expect(resolveDatelineYear(12, 31, at('2027-01-01T00:00:00Z'))).toBe(2026);
  });

  it('compares UTC dates, whatever the time of day or the offset the Date was made with', () => {
    // 23:30 on Sept. 17 in New York is already Sept. 18 in UTC.
    expect(resolveDatelineYear(9, 18, at('2026-09-17T23:30:00-04:00'))).toBe(2026);
    // 00:30 on Sept. 18 in Seoul is still Sept. 17 in UTC.
    expect(resolveDatelineYear(9, 18, at('2026-09-18T00:30:00+09:00'))).toBe(2025);
  });

  it.each([
    ['Feb. 28 of a leap year', '2024-02-28T12:00:00Z', 2020],
    ['Feb. 29 of a leap year', '2024-02-29T12:00:00Z', 2024],
    ['March 1 of a leap year', '2024-03-01T12:00:00Z', 2024],
    ['Feb. 28 of a non-leap year', '2025-02-28T12:00:00Z', 2024],
    ['March 1 of a non-leap year', '2025-03-01T12:00:00Z', 2024],
    ['Dec. 31 of a non-leap year', '2027-12-31T12:00:00Z', 2024],
    ['March 1, 2100, a century that is not a leap year', '2100-03-01T12:00:00Z', 2096],
    ['March 1, 2104', '2104-03-01T12:00:00Z', 2104],
    ['Feb. 28, 2104', '2104-02-28T12:00:00Z', 2096],
    ['March 1, 2000, a century that is a leap year', '2000-03-01T12:00:00Z', 2000],
  ])('gives Feb. 29 read on %s the last leap day on or before it', (_when, now, year) => {
    expect(resolveDatelineYear(2, 29, at(now))).toBe(year);
  });

  it('gives Feb. 28 this year on March 1 of any year', () => {
    expect(resolveDatelineYear(2, 28, at('2100-03-01T00:00:00Z'))).toBe(2100);
  });

  it('throws RangeError for a date no year has, an invalid now, or no year from 1', () => {
    expect(() => resolveDatelineYear(2, 30, at('2026-06-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => resolveDatelineYear(4, 31, at('2026-06-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => resolveDatelineYear(13, 1, at('2026-06-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => resolveDatelineYear(1, 0, at('2026-06-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => resolveDatelineYear(1, 1.5, at('2026-06-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => resolveDatelineYear(1, 1, new Date(Number.NaN))).toThrow(RangeError);
    const yearOne = new Date(Date.UTC(2000, 5, 1));
    yearOne.setUTCFullYear(1);
    expect(resolveDatelineYear(6, 1, yearOne)).toBe(1);
    expect(() => resolveDatelineYear(6, 2, yearOne)).toThrow(RangeError);
  });
});
