import { z } from 'zod';

/**
 * Month abbreviations in Associated Press style, index 0 = January.
 * AP abbreviates only months longer than five letters, hence "March" but "Sept.".
 */
export const AP_MONTHS = [
  'Jan.',
  'Feb.',
  'March',
  'April',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
] as const;

/** One of {@link AP_MONTHS}. */
export type ApMonth = (typeof AP_MONTHS)[number];

/**
 * Days in a month. Without a year, February allows 29 days, because a wire dateline
 * carries no year and we must not reject a real Feb. 29 story.
 */
export function daysInMonth(month: number, year?: number): number {
  if (month === 2) {
    if (year === undefined) return 29;
    return isLeapYear(year) ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Gregorian leap year: divisible by 4, except centuries not divisible by 400 (2000 is one, 2100 is not). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The year of a dateline that prints none: the latest year in which `month`/`day` is not after the UTC date of `now`.
 * A date equal to today is this year's, a later one last year's (Dec. 31 read on Dec. 1 is last year's), and Feb. 29
 * is the last leap day on or before today (read on March 1, 2025 it is 2024's; in 2100, which is not a leap year,
 * it falls back to 2096). Wire copy is imported after it is filed, so a dateline is never in the future.
 *
 * @throws RangeError for an invalid `now`, for a month/day no year has ("Feb. 30"), or when no year from 1 fits.
 */
export function resolveDatelineYear(month: number, day: number, now: Date): number {
  const today = now.getTime();
  if (Number.isNaN(today)) throw new RangeError('resolveDatelineYear: `now` is an invalid Date');
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > daysInMonth(month)) {
    throw new RangeError(`resolveDatelineYear: no year has month ${month}, day ${day}`);
  }
  const thisMonth = now.getUTCMonth() + 1;
  const thisDay = now.getUTCDate();
  let year = now.getUTCFullYear();
  if (month > thisMonth || (month === thisMonth && day > thisDay)) year -= 1;
  // At most seven years back: leap years are never more than eight apart.
  while (day > daysInMonth(month, year)) year -= 1;
  if (year < 1) throw new RangeError(`resolveDatelineYear: no year from 1 has ${AP_MONTHS[month - 1]} ${day} on or before ${now.toISOString()}`);
  return year;
}

/**
 * A news dateline: where and when a story was filed, and by which agency.
 * The year is optional because wire datelines ("Sept. 17 (UPI)") omit it.
 */
export const datelineSchema = z
  .object({
    /** Place as printed, e.g. "SEOUL" or "WASHINGTON, D.C.". */
    place: z.string().trim().min(1).optional(),
    /** 1-12. */
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    year: z.number().int().min(1).max(9999).optional(),
    /** Filing agency, e.g. "UPI". */
    agency: z.string().trim().min(1).optional(),
  })
  .superRefine((dateline, ctx) => {
    const max = daysInMonth(dateline.month, dateline.year);
    if (dateline.day > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['day'],
        message: `${AP_MONTHS[dateline.month - 1] ?? dateline.month} has no day ${dateline.day}${
          dateline.year === undefined ? '' : ` in ${dateline.year}`
        }`,
      });
    }
  });

/** A news dateline; see {@link datelineSchema}. */
export type Dateline = z.infer<typeof datelineSchema>;

/**
 * Formats a dateline the way it is printed before the first paragraph, without the dash:
 * "SEOUL, Oct. 2 (UPI)", "Sept. 17 (UPI)", or "Sept. 17" when there is no agency.
 */
export function formatDateline(dateline: Dateline): string {
  const month = AP_MONTHS[dateline.month - 1] ?? String(dateline.month);
  const date = `${month} ${dateline.day}`;
  const placed = dateline.place ? `${dateline.place}, ${date}` : date;
  return dateline.agency ? `${placed} (${dateline.agency})` : placed;
}

/** The dateline as an ISO calendar date ("2018-09-17"), or undefined when it has no year. */
export function datelineIsoDate(dateline: Dateline): string | undefined {
  if (dateline.year === undefined) return undefined;
  const yyyy = String(dateline.year).padStart(4, '0');
  const mm = String(dateline.month).padStart(2, '0');
  const dd = String(dateline.day).padStart(2, '0');
  return `${yyyy}-${mm}-${dd}`;
}

const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(
  [
    ['jan', 'january'],
    ['feb', 'february'],
    ['mar', 'march'],
    ['apr', 'april'],
    ['may'],
    ['jun', 'june'],
    ['jul', 'july'],
    ['aug', 'august'],
    ['sept', 'sep', 'september'],
    ['oct', 'october'],
    ['nov', 'november'],
    ['dec', 'december'],
  ].flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
);

/**
 * Month number (1-12) for a month word as found in datelines: the AP forms ("Sept.", "March"),
 * and leniently "Sep."/"Sept", full names, and abbreviations without the period. Case-insensitive.
 */
export function monthFromName(word: string): number | undefined {
  return MONTH_BY_NAME.get(word.trim().replace(/\.$/, '').toLowerCase());
}
