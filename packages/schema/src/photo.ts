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
  /** Where the photo can be licensed. */
  licenseUrl: linkSchema.optional(),
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

const BY_CREDIT = /^(?:(?:File|Pool|Handout)\s+)?Photos?\s+by\s+([^/|]+?)\s*(?:\/\s*([^/|]+?))?$/u;
const AGENCY_CREDIT = /^(\p{Lu}[\p{Lu}\d&.]*(?:\/\p{Lu}[\p{Lu}\d&.]*)?)\s+(?:File\s+)?Photo$/u;
const COURTESY_CREDIT = /^Photo\s+courtesy\s+of\s+(.+?)$/u;

/**
 * Reads a photo credit line. Understands "Photo by X/UPI", "File Photo by X/UPI" (also "Pool"
 * and "Handout"), "Photo by X", "UPI Photo", "UPI File Photo" and "Photo courtesy of X".
 * Returns undefined when the text is not one of those.
 */
export function parseCreditLine(text: string): PhotoCredit | undefined {
  const credit = text.trim();
  const by = BY_CREDIT.exec(credit);
  if (by?.[1]) {
    return { credit, creator: by[1], ...(by[2] ? { agency: by[2] } : {}) };
  }
  const agency = AGENCY_CREDIT.exec(credit);
  if (agency?.[1]) return { credit, agency: agency[1] };
  const courtesy = COURTESY_CREDIT.exec(credit);
  if (courtesy?.[1]) return { credit, courtesyOf: courtesy[1] };
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
const LICENSE_SUFFIX = /\s*\|\s*License Photo\s*$/u;

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
