import type { AdPosition } from '../ad-position.js';
import type { WireDatelineParagraph } from './read-wire-dateline.js';
import type { WireParseError } from './wire-parse-error.js';
import { isAdvertisement, isLatestHeadlines, type WireLine } from './wire-lines.js';

/** The story text below the header. */
export interface WireBody {
  /** Plain text; the first without its dateline. */
  paragraphs: string[];
  /** Ad slots between paragraphs (`after-paragraph`), in order, one per place. */
  adPositions: AdPosition[];
  /** The "Latest Headlines" marker ended the story. */
  latestHeadlines: boolean;
}

/** The body, or why it cannot be read. */
export type WireBodyResult = { ok: true; body: WireBody } | { ok: false; error: WireParseError };

/**
 * Reads the paragraphs from the dateline paragraph on: paragraphs are separated by blank lines, and consecutive
 * non-blank lines are one hard-wrapped paragraph, joined with a space. An "Advertisement" line marks an ad slot after
 * the paragraphs above it; repeated markers at one place make one slot, and a marker after the last paragraph is
 * dropped, because it is the page's end-of-article furniture, not a break inside the story. A "Latest Headlines" line
 * ends the story; what follows is the page's headline rail and is ignored.
 *
 * Refused (`invalid`) when the dateline paragraph has no text after its dateline.
 */
export function readWireBody(lines: readonly WireLine[], opening: WireDatelineParagraph): WireBodyResult {
  const paragraphs: string[] = [];
  // Paragraph counts that have an ad after them; a set keeps the repeat check constant-time however many markers there are.
  const adAfter = new Set<number>();
  let latestHeadlines = false;
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.length > 0) paragraphs.push(pending.join(' '));
    pending = [];
  };
  if (opening.rest !== '') pending.push(opening.rest);
  for (let cursor = opening.index + 1; cursor < lines.length; cursor += 1) {
    const { text } = lines[cursor]!;
    if (text === '') {
      if (pending.length > 0 || paragraphs.length > 0) flush();
      continue;
    }
    if (isAdvertisement(text)) {
      flush();
      if (paragraphs.length > 0) adAfter.add(paragraphs.length);
      continue;
    }
    if (isLatestHeadlines(text)) {
      latestHeadlines = true;
      break;
    }
    pending.push(text);
  }
  flush();
  if (paragraphs.length === 0) {
    const { line } = opening;
    return {
      ok: false,
      error: { code: 'invalid', line: line.number, message: `line ${line.number}: the dateline paragraph has no text after "${line.text}"` },
    };
  }
  const adPositions: AdPosition[] = [...adAfter]
    .filter((paragraph) => paragraph < paragraphs.length)
    .map((paragraph) => ({ placement: 'after-paragraph' as const, paragraph }));
  return { ok: true, body: { paragraphs, adPositions, latestHeadlines } };
}
