import type { IncomingMessage } from 'node:http';

import {
  INTENDED_USES,
  LICENSE_REQUEST_EMAIL,
  LICENSE_REQUEST_FIELDS,
  LICENSE_REQUEST_HONEYPOT,
  LICENSE_REQUEST_FIELD_LIMITS,
  type LicenseRequestField,
  type LicenseRequestValues,
  parseCreditLine,
} from '@newsroom/schema';

import { fromPayloadArticle, renditionsOf } from '../model/from-payload-article';
import { LAYOUT_RENDITIONS, LEAD_PHOTO_SIZES, responsiveImage } from '../model/responsive-image';
import { safeLink } from '../model/safe-link';
import { readIncomingText } from './bounded-body';
import { cms } from './cms';
import type { LicenseRequestInput } from './cms-client';

/**
 * The largest form body taken: the longest message (5,000 characters) in a script of three UTF-8 bytes each, each
 * byte percent-encoded (×3), with the other fields — about 50 KB — fits with room.
 */
export const MAX_FORM_BYTES = 64 * 1024;

/** What the licensing page shows of a photo: the image when the library holds it, and every right it states. */
export interface LicensingPhoto {
  /** The page's key: the media id, or the slug of the story whose photo it is. */
  key: string;
  kind: 'media' | 'story';
  image?: { src: string; width: number; height: number; srcset?: string; sizes: string; sources: { type: string; srcset: string }[]; alt: string };
  caption?: string;
  credit?: string;
  creator?: string;
  copyright?: string;
  usageTerms?: string;
  /** The source's own licensing page (an agency's), when it names one: requests go there, not to the desk. */
  externalLicenseUrl?: string;
  /** The story it ran with, for a story's photo (its CMS id names it in a request). */
  story?: { id: number | string; headline: string; href: string };
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const compact = <T extends object>(record: T): T => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;

/** A licensing URL that leaves this site (an agency's page), or undefined for ours. */
function external(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

const MEDIA_KEY = /^\d{1,18}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The photo `/licensing/<key>` is about: a media id (digits) names a photo of the library that readers may see; a
 * slug names a live story whose lead photo the library does not hold (wire copy's caption and credit). Undefined when
 * there is no such photo a reader may see.
 */
export async function licensingPhoto(key: string): Promise<LicensingPhoto | undefined> {
  if (MEDIA_KEY.test(key)) {
    const media = await cms().photo(key);
    if (!media) return undefined;
    const responsive = responsiveImage(renditionsOf(media), LAYOUT_RENDITIONS, 'hero');
    const credit = text(media.credit);
    return compact({
      key,
      kind: 'media' as const,
      image: responsive && compact({ ...responsive, sizes: LEAD_PHOTO_SIZES, alt: text(media.alt) ?? '' }),
      caption: text(media.caption),
      credit,
      creator: text(media.creator) ?? (credit ? parseCreditLine(credit)?.creator : undefined),
      copyright: text(media.copyright),
      usageTerms: text(media.usageTerms),
      externalLicenseUrl: external(safeLink(media.licenseUrl)),
    });
  }
  if (!SLUG.test(key) || key.length > 200) return undefined;
  const doc = await cms().article(key);
  if (!doc) return undefined;
  const { article } = fromPayloadArticle(doc);
  const photo = article.photo;
  if (!photo || (!photo.caption && !photo.credit)) return undefined;
  return compact({
    key,
    kind: 'story' as const,
    caption: photo.caption,
    credit: photo.credit,
    creator: photo.creator,
    copyright: photo.copyright,
    usageTerms: photo.usageTerms,
    externalLicenseUrl: external(photo.licenseUrl),
    story: { id: doc.id, headline: article.headline, href: `/news/${article.slug}` },
  });
}

export type Submission =
  | { outcome: 'sent'; id: string }
  | { outcome: 'invalid'; values: LicenseRequestValues; errors: Partial<Record<LicenseRequestField, string>> }
  | { outcome: 'too-many'; values: LicenseRequestValues; message: string }
  | { outcome: 'too-large' }
  | { outcome: 'cross-site' };


/** The form's values, trimmed, with line breaks as `\n` (a browser sends CRLF); what is missing is empty. */
export function readForm(body: string): { values: LicenseRequestValues; trap: string } {
  const form = new URLSearchParams(body);
  const values = Object.fromEntries(LICENSE_REQUEST_FIELDS.map((field) => [field, (form.get(field) ?? '').replace(/\r\n?/g, '\n').trim()])) as LicenseRequestValues;
  return { values, trap: form.get(LICENSE_REQUEST_HONEYPOT) ?? '' };
}

/** The site's own check, so a reader sees every mistake at once and the CMS is asked only for plausible requests. */
export function validateForm(values: LicenseRequestValues): Partial<Record<LicenseRequestField, string>> {
  const errors: Partial<Record<LicenseRequestField, string>> = {};
  // Too long is said, never cut: nothing the reader wrote is dropped without a word.
  for (const field of LICENSE_REQUEST_FIELDS) {
    if (values[field].length > LICENSE_REQUEST_FIELD_LIMITS[field]) errors[field] = `At most ${LICENSE_REQUEST_FIELD_LIMITS[field].toLocaleString('en-US')} characters, please (this has ${values[field].length.toLocaleString('en-US')}).`;
  }
  if (!values.name) errors.name = 'Enter your name.';
  if (!values.email) errors.email = 'Enter your email address.';
  else if (!LICENSE_REQUEST_EMAIL.test(values.email)) errors.email = 'Enter an email address like name@example.org.';
  if (!INTENDED_USES.some((use) => use.value === values.intendedUse)) errors.intendedUse = 'Choose how you intend to use the photo.';
  if (!values.message) errors.message = 'Tell us where and how the photo would appear.';
  return errors;
}

/** The reader's address: the last `X-Forwarded-For` entry (what the front door saw), else the socket's. */
export function readerAddress(req: IncomingMessage): string {
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
  return (forwarded || req.socket?.remoteAddress || 'unknown').slice(0, 64);
}

/** A form posted from another site (a page tricking its visitors' browsers into sending it). */
function crossSite(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/**
 * A posted request form for the photo: refused when it comes from another site or is too large; checked; then stored
 * in the CMS, which limits requests per reader and refuses a filled trap. A filled trap is answered as if sent, so a
 * bot learns nothing, and nothing is stored.
 */
export async function submitLicenseRequest(req: IncomingMessage, photo: LicensingPhoto): Promise<Submission> {
  if (crossSite(req)) return { outcome: 'cross-site' };
  const body = await readIncomingText(req, MAX_FORM_BYTES);
  if (!body.ok) return { outcome: 'too-large' };
  const { values, trap } = readForm(body.text);
  if (trap.trim() !== '') return { outcome: 'sent', id: '' };
  const errors = validateForm(values);
  if (Object.keys(errors).length > 0) return { outcome: 'invalid', values, errors };
  // The CMS relates the request to the photo, or to the story, by id.
  // Ids as the CMS types them: a number on databases with numeric ids.
  const input: LicenseRequestInput = { ...(photo.story ? { article: photo.story.id } : { photo: /^\d+$/.test(photo.key) ? Number(photo.key) : photo.key }), ...values };
  const result = await cms().createLicenseRequest(input, readerAddress(req));
  if (result.ok) return { outcome: 'sent', id: result.id };
  if (result.status === 429) return { outcome: 'too-many', values, message: result.message };
  const byField: Partial<Record<LicenseRequestField, string>> = {};
  for (const [field, message] of Object.entries(result.errors)) {
    if ((LICENSE_REQUEST_FIELDS as readonly string[]).includes(field)) byField[field as LicenseRequestField] = message;
  }
  return { outcome: 'invalid', values, errors: Object.keys(byField).length > 0 ? byField : { message: result.message } };
}
