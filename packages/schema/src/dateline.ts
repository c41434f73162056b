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
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
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
