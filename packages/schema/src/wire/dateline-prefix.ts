import { daysInMonth, monthFromName, resolveDatelineYear, type Dateline } from '../dateline.js';

/** A paragraph opening that has the shape of a wire dateline, before its month and day are checked. */
export interface DatelinePrefix {
  place?: string;
  /** The month word as printed ("Sept."). */
  monthWord: string;
  day: number;
  /** Only when printed ("Sept. 17, 2018 (UPI)"); wire datelines usually omit it. */
  year?: number;
  agency: string;
  /** The paragraph text after the dateline and its dash. */
  rest: string;
}

// "[PLACE, ]Month Day[, Year] (AGENCY) --" followed by the text. The place is matched lazily up to the
// last ", <Month>" so "WASHINGTON, D.C., March 3" keeps "WASHINGTON, D.C."; em and en dashes are
// accepted because copy that passed through a word processor has them instead of "--".
const DATELINE_SHAPE =
  /^(?:([^\s(),][^()]{0,79}?),\s+)?(\p{L}+\.?)\s+(\d{1,2})(?:,\s*(\d{4}))?\s+\(([^()]{1,40})\)\s*(?:--|—|–)(?:\s+|$)/u;

/**
 * Matches the dateline at the start of a paragraph. Returns undefined when the paragraph does not
 * have the shape "[PLACE, ]Month Day (AGENCY) --"; the month word is not checked here, see
 * {@link resolveDatelinePrefix}.
 */
export function matchDatelinePrefix(paragraph: string): DatelinePrefix | undefined {
  const match = DATELINE_SHAPE.exec(paragraph);
  if (!match) return undefined;
  const [whole, place, monthWord = '', day = '', year, agency = ''] = match;
  return {
    ...(place === undefined ? {} : { place: place.trim() }),
    monthWord,
    day: Number(day),
    ...(year === undefined ? {} : { year: Number(year) }),
    agency: agency.trim(),
    rest: paragraph.slice(whole.length),
  };
}

/**
 * Checks a matched dateline and turns it into a {@link Dateline}. A year printed in the dateline is used as printed;
 * otherwise `year` is: a number is the year to use, a Date is "today", and the year is then the latest one that does
 * not put the date after it (see {@link resolveDatelineYear}). Returns a human-readable problem instead when the month
 * is unknown or the date does not exist.
 */
export function resolveDatelinePrefix(
  prefix: DatelinePrefix,
  year: number | Date,
): { ok: true; dateline: Dateline } | { ok: false; problem: string } {
  const month = monthFromName(prefix.monthWord);
  if (month === undefined) {
    return {
      ok: false,
      problem: `"${prefix.monthWord}" in the dateline is not a month — expected Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.`,
    };
  }
  const date = `"${prefix.monthWord} ${prefix.day}"`;
  const dated = (resolved: number): { ok: true; dateline: Dateline } => ({
    ok: true,
    dateline: {
      ...(prefix.place === undefined ? {} : { place: prefix.place }),
      month,
      day: prefix.day,
      year: resolved,
      agency: prefix.agency,
    },
  });
  const given = prefix.year ?? (typeof year === 'number' ? year : undefined);
  if (given !== undefined) {
    if (prefix.day >= 1 && prefix.day <= daysInMonth(month, given)) return dated(given);
    const leap = month === 2 && prefix.day === 29 ? ', which is not a leap year' : '';
    return { ok: false, problem: `the dateline date ${date} does not exist in ${given}${leap}` };
  }
  // No year is known yet: the date must exist in some year before one is chosen for it.
  if (prefix.day < 1 || prefix.day > daysInMonth(month) || typeof year === 'number') {
    return { ok: false, problem: `the dateline date ${date} does not exist` };
  }
  return dated(resolveDatelineYear(month, prefix.day, year));
}
