import { describe, expect, it } from 'vitest';
import { AP_MONTHS, datelineIsoDate, datelineSchema, daysInMonth, formatDateline, monthFromName } from './dateline.js';

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
