import { z } from 'zod';
import { linkSchema } from './link.js';

/**
 * A photo with the rights information a newsroom must carry alongside it.
 * Everything is optional because wire copy gives a caption and credit but no image file,
 * while an uploaded image may not have its caption written yet.
 */
export const photoSchema = z.object({
  /** Image URL or site path. */
  src: linkSchema.optional(),
  /** Text alternative for readers who cannot see the image. */
  alt: z.string().optional(),
  /** What the photo shows, without the credit. */
  caption: z.string().optional(),
  /** Full credit line as printed, e.g. "File Photo by Stephen Shaver/UPI". */
  credit: z.string().optional(),
  /** The photographer, e.g. "Stephen Shaver". */
  creator: z.string().optional(),
  /** Copyright notice, e.g. "© 2018 UPI". */
  copyright: z.string().optional(),
  /** Where the photo can be licensed: the source's own page (an agency's), or the publisher's. */
  licenseUrl: linkSchema.optional(),
  /** The publisher's page for this photo: its rights and terms, and a way to ask for a license. */
  licensePage: linkSchema.optional(),
  /** How the photo may be used, as its source states it (ninjs `usageTerms`). */
  usageTerms: z.string().optional(),
  /** The wire copy carried a "License Photo" link. */
  licenseOffered: z.boolean().optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});

/** See {@link photoSchema}. */
export type Photo = z.infer<typeof photoSchema>;

/** What a photo credit line says about who made the photo. */
export interface PhotoCredit {
  /** The credit exactly as printed (trimmed). */
  credit: string;
  /** The photographer, when the credit names one ("Stephen Shaver"). */
  creator?: string;
  /** The agency, when the credit names one ("UPI"). */
  agency?: string;
  /** The source of a courtesy photo ("Photo courtesy of NASA" → "NASA"). */
  courtesyOf?: string;
}

// "Photo by X[/AGENCY]" and "Photo courtesy of X": the fixed opening by regex, the names after it by hand. As one
// regex (/^…by\s+([^/|]+?)\s*(?:\/\s*([^/|]+?))?$/, /^…of\s+(.+?)$/) the lazy name and the spaces around it
// overlap, and a credit holding a long run of spaces takes quadratic time.
const BY_CREDIT_OPENING = /^(?:(?:File|Pool|Handout)\s+)?Photos?\s+by(?=\s)/u;
const AGENCY_CREDIT = /^(\p{Lu}[\p{Lu}\d&.]*(?:\/\p{Lu}[\p{Lu}\d&.]*)?)\s+(?:File\s+)?Photo$/u;
const COURTESY_CREDIT_OPENING = /^Photo\s+courtesy\s+of(?=\s)/u;
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/u;

/** Length of the run of whitespace at the start of `text`. */
const leadingSpace = (text: string): number => text.length - text.trimStart().length;

/**
 * The names after "Photo by": `tail` starts with whitespace, then "Creator" or "Creator/Agency", neither holding
 * "/" or "|". Reads what /^\s+([^/|]+?)\s*(?:\/\s*([^/|]+?))?$/ reads, in one pass.
 */
function readByCreditTail(tail: string): { creator: string; agency?: string } | undefined {
  if (tail.includes('|')) return undefined;
  const slash = tail.indexOf('/');
  if (slash !== -1 && tail.indexOf('/', slash + 1) !== -1) return undefined;
  const lead = leadingSpace(tail);
  if (slash === -1) {
    const creator = tail.slice(lead).trimEnd();
    if (creator !== '') return { creator };
    return lead >= 2 ? { creator: tail.charAt(lead - 1) } : undefined;
  }
  const after = tail.slice(slash + 1);
  const agencyLead = leadingSpace(after);
  const agency = agencyLead < after.length ? after.slice(agencyLead) : after.length > 0 ? after.charAt(after.length - 1) : '';
  if (agency === '') return undefined;
  const creator = tail.slice(lead, slash).trimEnd();
  if (creator !== '') return { creator, agency };
  // Nothing before the slash but spaces: the pattern gives the creator the last of them.
  return lead >= 2 ? { creator: tail.charAt(lead - 1), agency } : undefined;
}

/**
 * Reads a photo credit line. Understands "Photo by X/UPI", "File Photo by X/UPI" (also "Pool"
 * and "Handout"), "Photo by X", "UPI Photo", "UPI File Photo" and "Photo courtesy of X".
 * Returns undefined when the text is not one of those.
 */
export function parseCreditLine(text: string): PhotoCredit | undefined {
  const credit = text.trim();
  const byOpening = BY_CREDIT_OPENING.exec(credit);
  const by = byOpening ? readByCreditTail(credit.slice(byOpening[0].length)) : undefined;
  if (by) return { credit, creator: by.creator, ...(by.agency ? { agency: by.agency } : {}) };
  const agency = AGENCY_CREDIT.exec(credit);
  if (agency?.[1]) return { credit, agency: agency[1] };
  const courtesyOpening = COURTESY_CREDIT_OPENING.exec(credit);
  if (courtesyOpening) {
    const tail = credit.slice(courtesyOpening[0].length);
    const courtesyOf = tail.slice(leadingSpace(tail));
    if (courtesyOf !== '' && !LINE_TERMINATOR.test(courtesyOf)) return { credit, courtesyOf };
  }
  return undefined;
}

/** A caption line from wire copy, split into its parts. */
export interface CaptionLine extends PhotoCredit {
  /** The caption without the credit; may be "" when the line is only a credit. */
  caption: string;
  /** The line ended with "| License Photo". */
  licenseOffered: boolean;
}

// Where a credit may begin inside a caption line; the last such place wins because the credit closes the caption.
const CREDIT_START =
  /(?<=^|\s)(?:(?:(?:File|Pool|Handout)\s+)?Photos?\s+by\s|Photo\s+courtesy\s+of\s|\p{Lu}[\p{Lu}\d&.]*(?:\/\p{Lu}[\p{Lu}\d&.]*)?\s+(?:File\s+)?Photo\s*$)/gu;
// The spaces before the bar are matched only from the first of their run ((?<!\s)), so a line of spaces is scanned
// once; /\s*\|…/ would retry the run from every one of its positions. Same matches, same leftmost start.
const LICENSE_SUFFIX = /(?:(?<!\s)\s+)?\|\s*License Photo\s*$/u;

/**
 * Splits a wire caption line — "<caption> <credit>", optionally ending "| License Photo" —
 * into caption and credit. Returns undefined when the line does not end in a credit.
 *
 * @example splitCaptionLine('Rescuers search the hillside. Photo by Ana Ruiz/UPI | License Photo')
 *   // { caption: 'Rescuers search the hillside.', credit: 'Photo by Ana Ruiz/UPI',
 *   //   creator: 'Ana Ruiz', agency: 'UPI', licenseOffered: true }
 */
export function splitCaptionLine(line: string): CaptionLine | undefined {
  const trimmed = line.trim();
  const licenseOffered = LICENSE_SUFFIX.test(trimmed);
  const body = trimmed.replace(LICENSE_SUFFIX, '');
  let start: number | undefined;
  for (const match of body.matchAll(CREDIT_START)) start = match.index;
  if (start === undefined) return undefined;
  const credit = parseCreditLine(body.slice(start));
  if (!credit) return undefined;
  return { caption: body.slice(0, start).trim(), ...credit, licenseOffered };
}
