import { parseByline, type ParsedByline } from '../byline.js';
import { splitCaptionLine, type Photo } from '../photo.js';
import { matchDatelinePrefix } from './dateline-prefix.js';
import type { WireParseError, WireParseWarning } from './wire-parse-error.js';
import { isAdvertisement, isLatestHeadlines, isLicenseLink, nextContentLine, quote, type WireLine } from './wire-lines.js';

/** Longer than any headline we print; a longer first line is a paragraph, not a missing-line-break headline. */
export const MAX_HEADLINE_LENGTH = 250;

/** The top of a wire story, above its dateline paragraph. */
export interface WireHeader {
  headline: string;
  /** The "By" line, when the story has one. */
  byline?: ParsedByline;
  photo?: Photo;
  /** An "Advertisement" marker sits above the first paragraph: the page's `top` ad slot. */
  topAd: boolean;
  /** Index in the lines of the first line after the header, where the dateline paragraph should start. */
  end: number;
}

/** The header, or why it cannot be read. */
export type WireHeaderResult = { ok: true; header: WireHeader; warnings: WireParseWarning[] } | { ok: false; error: WireParseError };

/**
 * Reads the header: optional "Advertisement" lines; the headline, the first other line; then, in any order and with
 * or without blank lines between them, the byline ("By …"), the photo caption ending in its credit (usually repeated
 * on a line ending "| License Photo", or followed by a bare "| License Photo" line) and more "Advertisement" lines.
 * It ends at the first other line, or at a dateline or "Latest Headlines" line.
 *
 * Any line starting "By " after the headline is the byline: one that names neither people nor an agency is kept as
 * printed text, with a `byline-as-text` warning. The first line of text is refused as the headline when it is a
 * dateline paragraph, a photo caption, the "Latest Headlines" marker, longer than {@link MAX_HEADLINE_LENGTH}, or a
 * byline that names people or an agency — unless another "By" line follows it ("By Land and Sea" over "By Ana Ruiz").
 */
export function readWireHeader(lines: readonly WireLine[]): WireHeaderResult {
  let topAd = false;
  let cursor = 0;
  for (; cursor < lines.length; cursor += 1) {
    const { text } = lines[cursor]!;
    if (text === '') continue;
    if (isAdvertisement(text)) topAd = true;
    else break;
  }
  const headlineLine = lines[cursor];
  if (!headlineLine) {
    const holds = topAd ? 'the input holds only "Advertisement" markers' : 'the input has no text';
    return fail({ code: 'no-headline', message: `no headline found — ${holds}` });
  }
  const notHeadline = describeNonHeadline(headlineLine.text, nextContentLine(lines, cursor + 1)?.text);
  if (notHeadline) {
    return fail({
      code: 'no-headline',
      line: headlineLine.number,
      message: `line ${headlineLine.number}: no headline found — the first line of text is ${notHeadline}; expected the headline on its own line above it`,
    });
  }

  const warnings: WireParseWarning[] = [];
  let byline: ParsedByline | undefined;
  let photo: Photo | undefined;
  let photoLine: WireLine | undefined;
  for (cursor += 1; cursor < lines.length; cursor += 1) {
    const line = lines[cursor]!;
    const { text } = line;
    if (text === '') continue;
    if (isAdvertisement(text)) {
      topAd = true;
      continue;
    }
    if (isLatestHeadlines(text) || matchDatelinePrefix(text)) break;
    const parsed = parseByline(text);
    if (parsed) {
      if (byline) {
        if (sameText(byline.text, parsed.text)) continue;
        return fail({
          code: 'invalid',
          line: line.number,
          message: `line ${line.number}: a second, different byline ${quote(text)} — a story carries one byline`,
        });
      }
      byline = parsed;
      if (parsed.authors.length === 0 && parsed.agency === undefined) {
        warnings.push({
          code: 'byline-as-text',
          line: line.number,
          message: `line ${line.number}: the byline ${quote(text)} names no one the importer recognises, so it is kept as printed and the story has no authors`,
        });
      }
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

  return {
    ok: true,
    header: { headline: headlineLine.text, ...(byline ? { byline } : {}), ...(photo ? { photo } : {}), topAd, end: cursor },
    warnings,
  };
}

function fail(error: WireParseError): WireHeaderResult {
  return { ok: false, error };
}

/** The same words with the same spacing rules: a byline repeated with different spaces is the same byline. */
function sameText(a: string, b: string): boolean {
  return a === b || a.split(/\s+/u).join(' ') === b.split(/\s+/u).join(' ');
}

/** A first line that reads as a byline: one naming people or an agency. "By the numbers: …" is a headline. */
function isCreditLine(text: string): boolean {
  const byline = parseByline(text);
  return byline !== undefined && (byline.authors.length > 0 || byline.agency !== undefined);
}

/**
 * Why a first line of text cannot be a headline, or undefined if it can. A byline-shaped first line
 * followed by another "By" line is a headline ("By Land and Sea" over "By Ana Ruiz").
 */
function describeNonHeadline(text: string, next: string | undefined): string | undefined {
  const excerpt = quote(text);
  if (matchDatelinePrefix(text)) return `the dateline paragraph ${excerpt}`;
  if (isCreditLine(text) && !(next !== undefined && parseByline(next))) return `a byline ${excerpt}`;
  if (isLatestHeadlines(text)) return `the "Latest Headlines" marker`;
  if (isLicenseLink(text) || splitCaptionLine(text)) return `a photo caption ${excerpt}`;
  if (text.length > MAX_HEADLINE_LENGTH) return `${text.length} characters long, a paragraph rather than a headline`;
  return undefined;
}
