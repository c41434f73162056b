import type { AdPosition } from '../ad-position.js';
import { parseByline } from '../byline.js';
import { splitCaptionLine, type Photo } from '../photo.js';
import { wireStorySchema, type WireStory } from '../story.js';
import { matchDatelinePrefix, resolveDatelinePrefix } from './dateline-prefix.js';
import { decodeWireText } from './decode-wire-text.js';
import { MAX_WIRE_TEXT_BYTES, WireParseException, type WireParseError } from './wire-parse-error.js';

export { MAX_WIRE_TEXT_BYTES, WireParseException } from './wire-parse-error.js';
export type { WireParseError, WireParseErrorCode } from './wire-parse-error.js';

/** Options for {@link parseWireStory}. */
export interface WireParseOptions {
  /** Year for the dateline, which wire copy omits. Default: the UTC year of `now`. */
  year?: number;
  /** "Today", for the default year. Default: `new Date()`. */
  now?: Date;
}

/** The story, or why the text was refused. */
export type WireParseResult = { ok: true; story: WireStory } | { ok: false; error: WireParseError };

/** Longer than any headline we print; a longer first line is a paragraph, not a missing-line-break headline. */
const MAX_HEADLINE_LENGTH = 250;

const EXPECTED_DATELINE = 'expected a paragraph starting like "Sept. 17 (UPI) --" or "SEOUL, Oct. 2 (UPI) --"';

interface Line {
  /** 1-based. */
  number: number;
  /** Trimmed. */
  text: string;
}

const isAdvertisement = (text: string): boolean => /^advertisement$/i.test(text);
const isLatestHeadlines = (text: string): boolean => /^latest headlines$/i.test(text);
const isLicenseLink = (text: string): boolean => /^\|?\s*license photo$/i.test(text);

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
 * Decisions: an "Advertisement" above the first paragraph is the `top` slot; repeated markers at the
 * same place make one slot; a marker after the last paragraph is dropped, because it is the page's
 * end-of-article furniture, not a break inside the story. Consecutive non-blank body lines are one
 * hard-wrapped paragraph, joined with a space. Text is kept verbatim (quotes, `<b>`, `&`): paragraphs
 * are plain text and are escaped by whoever renders them.
 *
 * Runs in time linear in the input: the text is read line by line, each line by patterns that cannot backtrack
 * over it more than a fixed number of times. Input over {@link MAX_WIRE_TEXT_BYTES} is refused (`too-large`)
 * before it is decoded.
 *
 * Never throws on bad input; see {@link parseWireStoryOrThrow}.
 * @throws RangeError only for invalid options (a non-integer year, an invalid `now`).
 */
export function parseWireStory(input: string | Uint8Array, options: WireParseOptions = {}): WireParseResult {
  const fallbackYear = resolveYear(options);
  const tooLarge = checkSize(input);
  if (tooLarge) return fail(tooLarge);
  const decoded = decodeWireText(input);
  if (!decoded.ok) return decoded;
  if (decoded.text.trim() === '') {
    return fail({ code: 'empty', message: 'the input is empty — expected a headline, a dateline paragraph and a body' });
  }

  const lines: Line[] = decoded.text
    .split(/\r\n|\r|\n/)
    .map((text, index) => ({ number: index + 1, text: text.trim() }));
  const adPositions: AdPosition[] = [];
  // Repeated markers at one place make one slot; a set keeps that check constant-time however many markers there are.
  const adPlaces = new Set<string>();
  const addAd = (position: AdPosition): void => {
    const place = position.placement === 'after-paragraph' ? `after-paragraph:${position.paragraph}` : position.placement;
    if (adPlaces.has(place)) return;
    adPlaces.add(place);
    adPositions.push(position);
  };

  // Headline: the first line that is neither blank nor an ad marker.
  let cursor = 0;
  for (; cursor < lines.length; cursor += 1) {
    const { text } = lines[cursor]!;
    if (text === '') continue;
    if (isAdvertisement(text)) addAd({ placement: 'top' });
    else break;
  }
  const headlineLine = lines[cursor];
  if (!headlineLine) {
    return fail({ code: 'no-headline', message: 'no headline found — the input holds only "Advertisement" markers' });
  }
  const notHeadline = describeNonHeadline(headlineLine.text, nextContentLine(lines, cursor + 1)?.text);
  if (notHeadline) {
    return fail({
      code: 'no-headline',
      line: headlineLine.number,
      message: `line ${headlineLine.number}: no headline found — the first line of text is ${notHeadline}; expected the headline on its own line above it`,
    });
  }
  const headline = headlineLine.text;

  // Header: byline, photo caption lines and ad markers, up to the first other line.
  let authors: string[] | undefined;
  let photo: Photo | undefined;
  let photoLine: Line | undefined;
  for (cursor += 1; cursor < lines.length; cursor += 1) {
    const line = lines[cursor]!;
    const { text } = line;
    if (text === '') continue;
    if (isAdvertisement(text)) {
      addAd({ placement: 'top' });
      continue;
    }
    if (isLatestHeadlines(text) || matchDatelinePrefix(text)) break;
    const byline = parseByline(text);
    if (byline) {
      if (authors && authors.join('\n') !== byline.join('\n')) {
        return fail({
          code: 'invalid',
          line: line.number,
          message: `line ${line.number}: a second, different byline "${text}" — a story carries one byline`,
        });
      }
      authors = byline;
      continue;
    }
    if (isLicenseLink(text)) {
      if (!photo) {
        return fail({
          code: 'invalid',
          line: line.number,
          message: `line ${line.number}: a "License Photo" link with no photo caption above it`,
        });
      }
      photo.licenseOffered = true;
      continue;
    }
    const caption = splitCaptionLine(text);
    if (caption) {
      if (!photo) {
        photo = {
          ...(caption.caption === '' ? {} : { caption: caption.caption }),
          credit: caption.credit,
          ...(caption.creator === undefined ? {} : { creator: caption.creator }),
          licenseOffered: caption.licenseOffered,
        };
        photoLine = line;
      } else if ((photo.caption ?? '') === caption.caption && photo.credit === caption.credit) {
        // The wire page repeats the caption beside its "License Photo" link.
        photo.licenseOffered = photo.licenseOffered === true || caption.licenseOffered;
      } else {
        return fail({
          code: 'invalid',
          line: line.number,
          message: `line ${line.number}: a second, different photo caption (the first is on line ${photoLine?.number}) — a story carries one lead photo`,
        });
      }
      continue;
    }
    break;
  }

  // The dateline paragraph must come next.
  const firstBodyLine = lines[cursor];
  const prefix = firstBodyLine && !isLatestHeadlines(firstBodyLine.text) ? matchDatelinePrefix(firstBodyLine.text) : undefined;
  if (!firstBodyLine || !prefix) {
    return fail(missingDateline(lines, cursor));
  }
  const resolved = resolveDatelinePrefix(prefix, fallbackYear);
  if (!resolved.ok) {
    return fail({
      code: 'invalid',
      line: firstBodyLine.number,
      message: `line ${firstBodyLine.number}: ${resolved.problem}`,
    });
  }

  // Body: paragraphs separated by blank lines, with ad markers between them.
  const paragraphs: string[] = [];
  let latestHeadlines = false;
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.length > 0) paragraphs.push(pending.join(' '));
    pending = [];
  };
  if (prefix.rest.trim() !== '') pending.push(prefix.rest.trim());
  for (cursor += 1; cursor < lines.length; cursor += 1) {
    const { text } = lines[cursor]!;
    if (text === '') {
      if (pending.length > 0 || paragraphs.length > 0) flush();
      continue;
    }
    if (isAdvertisement(text)) {
      flush();
      if (paragraphs.length > 0) addAd({ placement: 'after-paragraph', paragraph: paragraphs.length });
      continue;
    }
    if (isLatestHeadlines(text)) {
      latestHeadlines = true;
      break;
    }
    pending.push(text);
  }
  if (paragraphs.length === 0 && pending.length === 0) {
    return fail({
      code: 'invalid',
      line: firstBodyLine.number,
      message: `line ${firstBodyLine.number}: the dateline paragraph has no text after "${firstBodyLine.text}"`,
    });
  }
  flush();

  const story: WireStory = {
    headline,
    authors: authors ?? [],
    dateline: resolved.dateline,
    ...(photo ? { photo } : {}),
    paragraphs,
    adPositions: adPositions.filter(
      (position) => position.placement !== 'after-paragraph' || position.paragraph < paragraphs.length,
    ),
    latestHeadlines,
  };
  // A last guard that the parser and the schema agree; a failure here is a parser bug, reported rather than thrown.
  const checked = wireStorySchema.safeParse(story);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return fail({
      code: 'invalid',
      message: `the story read from the input is not valid: ${issue?.path.join('.') || 'story'}: ${issue?.message ?? 'unknown problem'}`,
    });
  }
  return { ok: true, story: checked.data };
}

/**
 * Like {@link parseWireStory}, but returns the story directly.
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

function resolveYear(options: WireParseOptions): number {
  if (options.year !== undefined) {
    if (!Number.isInteger(options.year) || options.year < 1 || options.year > 9999) {
      throw new RangeError(`parseWireStory: year must be an integer from 1 to 9999, got ${options.year}`);
    }
    return options.year;
  }
  const now = options.now ?? new Date();
  const year = now.getUTCFullYear();
  if (Number.isNaN(year)) throw new RangeError('parseWireStory: `now` is an invalid Date');
  return year;
}

/** The next line from `start` that is neither blank nor an ad marker. */
function nextContentLine(lines: readonly Line[], start: number): Line | undefined {
  for (let index = start; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.text !== '' && !isAdvertisement(line.text)) return line;
  }
  return undefined;
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

/**
 * Why a first line of text cannot be a headline, or undefined if it can. A byline-shaped first line
 * followed by a real byline is a headline ("By Land and Sea" over "By Ana Ruiz").
 */
function describeNonHeadline(text: string, next: string | undefined): string | undefined {
  const excerpt = quote(text);
  if (matchDatelinePrefix(text)) return `the dateline paragraph ${excerpt}`;
  if (parseByline(text) && !(next !== undefined && parseByline(next))) return `a byline ${excerpt}`;
  if (isLatestHeadlines(text)) return `the "Latest Headlines" marker`;
  if (isLicenseLink(text) || splitCaptionLine(text)) return `a photo caption ${excerpt}`;
  if (text.length > MAX_HEADLINE_LENGTH) return `${text.length} characters long, a paragraph rather than a headline`;
  return undefined;
}

function missingDateline(lines: readonly Line[], cursor: number): WireParseError {
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
  let later: Line | undefined;
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

function quote(text: string): string {
  return text.length > 60 ? `"${text.slice(0, 57)}…"` : `"${text}"`;
}
