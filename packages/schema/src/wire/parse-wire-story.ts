import type { WireStory } from '../story.js';
import { assembleWireStory } from './assemble-wire-story.js';
import { decodeWireText } from './decode-wire-text.js';
import { readWireBody } from './read-wire-body.js';
import { readWireDateline } from './read-wire-dateline.js';
import { readWireHeader } from './read-wire-header.js';
import { MAX_WIRE_TEXT_BYTES, WireParseException, type WireParseError, type WireParseWarning } from './wire-parse-error.js';
import { splitWireLines } from './wire-lines.js';

export { MAX_WIRE_TEXT_BYTES, WireParseException } from './wire-parse-error.js';
export type { WireParseError, WireParseErrorCode, WireParseWarning, WireParseWarningCode } from './wire-parse-error.js';

/** Options for {@link parseWireStory}. */
export interface WireParseOptions {
  /**
   * Year for a dateline that prints none (wire datelines usually do not). Default: the latest year that does not put
   * the dateline's date after the UTC date of `now` — today's date is this year's, a later one last year's, and
   * Feb. 29 the last leap day on or before today.
   */
  year?: number;
  /** "Today", for the default year. Default: `new Date()`. */
  now?: Date;
}

/** The story and anything worth a look about it, or why the text was refused. */
export type WireParseResult = { ok: true; story: WireStory; warnings: WireParseWarning[] } | { ok: false; error: WireParseError };

/**
 * Parses wire copy as copied from a wire page into a {@link WireStory}.
 *
 * The text is, top to bottom (blank lines between blocks are optional in the header):
 * optional "Advertisement" lines; the headline on one line; an optional byline ("By A and B");
 * an optional photo caption ending in its credit ("… File Photo by Name/UPI"), usually repeated on
 * a second line ending "| License Photo"; then paragraphs separated by blank lines, the first
 * opening with the dateline ("Sept. 17 (UPI) --", "SEOUL, Oct. 2 (UPI) --"). Lines that are only
 * "Advertisement" mark ad slots; a "Latest Headlines" line ends the story (what follows is the page's
 * headline rail and is ignored).
 *
 * It runs in steps, each its own module: the text is decoded ({@link decodeWireText}: characters HTML and XML do not
 * allow are removed, with a warning), the header read (`readWireHeader`: ad markers, headline, byline, photo), then
 * the dateline (`readWireDateline`: the first paragraph's prefix and its year), the body (`readWireBody`: paragraphs,
 * ad markers, the "Latest Headlines" end), and the parts assembled and validated (`assembleWireStory`).
 *
 * Decisions: an "Advertisement" above the first paragraph is the `top` slot; repeated markers at the
 * same place make one slot; a marker after the last paragraph is dropped, because it is the page's
 * end-of-article furniture, not a break inside the story. Consecutive non-blank body lines are one
 * hard-wrapped paragraph, joined with a space. Text is kept verbatim (quotes, `<b>`, `&`): headline, byline and
 * paragraphs are plain text and are escaped by whoever renders them. A "By" line that names no one recognisable is
 * kept as printed text rather than refused.
 *
 * Runs in time linear in the input: the text is read line by line, each line by patterns that cannot backtrack
 * over it more than a fixed number of times. Input over {@link MAX_WIRE_TEXT_BYTES} is refused (`too-large`)
 * before it is decoded.
 *
 * Never throws on bad input; see {@link parseWireStoryOrThrow}.
 * @throws RangeError only for invalid options (a year that is not an integer from 1 to 9999, an invalid `now`).
 */
export function parseWireStory(input: string | Uint8Array, options: WireParseOptions = {}): WireParseResult {
  const year = yearOption(options);
  const tooLarge = checkSize(input);
  if (tooLarge) return fail(tooLarge);
  const decoded = decodeWireText(input);
  if (!decoded.ok) return decoded;
  if (decoded.text.trim() === '') {
    return fail({ code: 'empty', message: 'the input is empty — expected a headline, a dateline paragraph and a body' });
  }

  const lines = splitWireLines(decoded.text);
  const header = readWireHeader(lines);
  if (!header.ok) return header;
  const opening = readWireDateline(lines, header.header.end, year);
  if (!opening.ok) return opening;
  const body = readWireBody(lines, opening.paragraph);
  if (!body.ok) return body;
  const assembled = assembleWireStory({ header: header.header, dateline: opening.paragraph.dateline, body: body.body });
  if (!assembled.ok) return assembled;
  return { ok: true, story: assembled.story, warnings: [...decoded.warnings, ...header.warnings] };
}

/**
 * Like {@link parseWireStory}, but returns the story directly (warnings are dropped).
 * @throws WireParseException when the text is refused.
 */
export function parseWireStoryOrThrow(input: string | Uint8Array, options: WireParseOptions = {}): WireStory {
  const result = parseWireStory(input, options);
  if (!result.ok) throw new WireParseException(result.error);
  return result.story;
}

function fail(error: WireParseError): WireParseResult {
  return { ok: false, error };
}

/** The year to use for a dateline without one, or "today" to choose it from; checks the options. */
function yearOption(options: WireParseOptions): number | Date {
  if (options.year !== undefined) {
    if (!Number.isInteger(options.year) || options.year < 1 || options.year > 9999) {
      throw new RangeError(`parseWireStory: year must be an integer from 1 to 9999, got ${options.year}`);
    }
    return options.year;
  }
  const now = options.now ?? new Date();
  const year = now.getUTCFullYear();
  if (Number.isNaN(year)) throw new RangeError('parseWireStory: `now` is an invalid Date');
  if (year < 1 || year > 9999) throw new RangeError(`parseWireStory: \`now\` must be in the years 1 to 9999, got ${year}`);
  return now;
}

/** Why the input is too large to read, or undefined. Counts UTF-8 bytes of a string without encoding it, and stops at the limit. */
function checkSize(input: string | Uint8Array): WireParseError | undefined {
  const limit = MAX_WIRE_TEXT_BYTES;
  const allowed = `wire copy is limited to ${limit / 1024} KiB (${limit} bytes of UTF-8 text) — a story is a few KiB, so import one story at a time`;
  if (typeof input !== 'string') {
    if (input.byteLength <= limit) return undefined;
    const size = `${Math.ceil(input.byteLength / 1024)} KiB (${input.byteLength} bytes)`;
    return { code: 'too-large', limit, message: `the input is too large: ${size}; ${allowed}` };
  }
  // A UTF-16 unit is at least one UTF-8 byte and at most three (a surrogate pair, two units, is four bytes).
  if (input.length * 3 <= limit) return undefined;
  let bytes = 0;
  for (let i = 0; i < input.length && bytes <= limit; i += 1) {
    const code = input.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
  }
  if (bytes <= limit) return undefined;
  return { code: 'too-large', limit, message: `the input is too large: over ${limit / 1024} KiB; ${allowed}` };
}
