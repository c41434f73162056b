import type { Dateline } from '../dateline.js';
import { matchDatelinePrefix, resolveDatelinePrefix } from './dateline-prefix.js';
import type { WireParseError } from './wire-parse-error.js';
import { isLatestHeadlines, quote, type WireLine } from './wire-lines.js';

const EXPECTED_DATELINE = 'expected a paragraph starting like "Sept. 17 (UPI) --" or "SEOUL, Oct. 2 (UPI) --"';

/** The line that opens the story with its dateline. */
export interface WireDatelineParagraph {
  dateline: Dateline;
  /** The line the dateline is on. */
  line: WireLine;
  /** Index of that line in the lines. */
  index: number;
  /** The rest of that line after the dateline and its dash, trimmed; empty when the text starts on the next line. */
  rest: string;
}

/** The dateline paragraph, or why there is none. */
export type WireDatelineResult = { ok: true; paragraph: WireDatelineParagraph } | { ok: false; error: WireParseError };

/**
 * Reads the dateline that must open the line at `start` (the first line after the header): "[PLACE, ]Month Day[,
 * Year] (AGENCY) --". A year printed in the dateline wins; otherwise `year` is used when it is a number, and when it
 * is a Date ("today") the year is the latest that does not put the date after it (see `resolveDatelineYear`).
 *
 * When that line is not a dateline, the error says whether the story ends there (`no-dateline`), whether a dateline
 * paragraph comes later, so something unexpected sits between the header and the story (`invalid`), or whether there
 * is none at all (`no-dateline`).
 */
export function readWireDateline(lines: readonly WireLine[], start: number, year: number | Date): WireDatelineResult {
  const line = lines[start];
  const prefix = line && !isLatestHeadlines(line.text) ? matchDatelinePrefix(line.text) : undefined;
  if (!line || !prefix) return { ok: false, error: missingDateline(lines, start) };
  const resolved = resolveDatelinePrefix(prefix, year);
  if (!resolved.ok) {
    return { ok: false, error: { code: 'invalid', line: line.number, message: `line ${line.number}: ${resolved.problem}` } };
  }
  return { ok: true, paragraph: { dateline: resolved.dateline, line, index: start, rest: prefix.rest.trim() } };
}

function missingDateline(lines: readonly WireLine[], cursor: number): WireParseError {
  const found = lines[cursor];
  if (!found || isLatestHeadlines(found.text)) {
    const line = found?.number ?? lines.length;
    return {
      code: 'no-dateline',
      line,
      message: `line ${line}: no dateline paragraph found — the story ends after its header; ${EXPECTED_DATELINE}`,
    };
  }
  // A dateline further down means something unexpected sits between the header and the story.
  let later: WireLine | undefined;
  for (let index = cursor + 1; index < lines.length && !later; index += 1) {
    if (lines[index - 1]!.text === '' && matchDatelinePrefix(lines[index]!.text) !== undefined) later = lines[index];
  }
  if (later) {
    return {
      code: 'invalid',
      line: found.number,
      message: `line ${found.number}: unexpected text ${quote(found.text)} before the dateline paragraph on line ${later.number} — only a byline ("By …"), a photo caption ending in its credit, or "Advertisement" may sit between the headline and the dateline paragraph`,
    };
  }
  return {
    code: 'no-dateline',
    line: found.number,
    message: `line ${found.number}: no dateline paragraph found — ${EXPECTED_DATELINE}, found ${quote(found.text)}`,
  };
}
