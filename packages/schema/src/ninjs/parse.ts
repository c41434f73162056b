import { parseByline, type WireByline } from '../byline.js';
import { daysInMonth } from '../dateline.js';
import { parseCreditLine } from '../photo.js';
import { validateRichText } from '../rich-text/validate.js';
import { dateTimeMillis, toUtcIso } from './formats.js';
import { hasMarkup, htmlToRichText, htmlToText, type LexicalRoot, paragraphsToRichText, richTextToParagraphs } from './html-to-rich-text.js';
import { findJsonSyntaxError } from './json-syntax.js';
import { cleanText, plainTextParagraphs, singleLine } from './text.js';
import type { NinjsAssociation, NinjsBody, NinjsDocument, NinjsPubStatus, NinjsText, NinjsValidationError } from './types.js';
import { validateNinjs } from './validate.js';

/**
 * The most JSON {@link parseNinjs} reads: 2 MiB of UTF-8, refused before it is parsed. A ninjs text item carries its
 * body twice or three times (plain, HTML, maybe XML) plus metadata; the longest stories stay well under 1 MiB.
 */
export const MAX_NINJS_BYTES = 2 * 1024 * 1024;

/** A picture associated with the story, with the rights information carried alongside it. */
export interface NinjsPhoto {
  /** The picture's own ninjs `uri`. */
  uri: string;
  /** A description with role "alt" (ninjs has no property of its own for a text alternative). */
  alt?: string;
  /** From the caption description (else the first other description, else the picture's headline), as plain text. */
  caption?: string;
  /** The photographer: the picture's `by`, without a credit's "Photo by" or "/AGENCY". */
  creator?: string;
  /** The credit line as printed: an info source with role "credit", else the picture's `by`. */
  credit?: string;
  /** `copyrightNotice`. */
  copyright?: string;
  /** `copyrightHolder`. */
  copyrightHolder?: string;
  usageTerms?: string;
  /** `rightsInfo.linkedRights`, when it is an http(s) URL. */
  licenseUrl?: string;
  /** `rightsInfo.encodedRights`: a rights expression (e.g. ODRL), passed on as sent. */
  encodedRights?: string;
  /** The renditions that have an http(s) `href`, largest (width × height) first; those without a size last. */
  renditions: { href: string; width?: number; height?: number; contentType?: string }[];
}

/** A ninjs text item read into the newsroom's shape. */
export interface NinjsStory {
  /**
   * Which item this is and which version of it: `uri` as sent; `version` the item's `version` as a number
   * (1 when absent). A higher version of the same `uri` replaces a lower one.
   */
  identity: { uri: string; version: number };
  /** `usable` when absent. */
  pubStatus: NinjsPubStatus;
  /** Plain text. Empty only for a `canceled` item that has none. */
  headline: string;
  /** The summary description (role "summary" or "abstract"), as plain text. */
  dek?: string;
  /** `by` as printed (without a leading "By "), and the agency it credits when one is recognised. */
  byline?: WireByline;
  /** The people `by` names; empty when it names none (an agency, or text that is not names). */
  authors: string[];
  /** `located` as the place; the date (UTC) from `firstCreated`, else `contentCreated`, else `versionCreated`, else now. */
  dateline: { place?: string; month: number; day: number; year: number };
  /** The body as plain-text paragraphs. Empty only for a `canceled` item that has no body. */
  paragraphs: string[];
  /** The body as the editor's rich text; passes `validateRichText`. */
  body: LexicalRoot;
  /** The subjects' and genres' names (else literal, else the last segment of the URI), trimmed, without repeats. */
  tags: string[];
  language?: string;
  copyrightNotice?: string;
  usageTerms?: string;
  /** ISO 8601, UTC (`toISOString()`), like the other dates. */
  embargoedUntil?: string;
  firstCreated?: string;
  versionCreated?: string;
  photo?: NinjsPhoto;
}

/**
 * Why an item was refused:
 * - `too-large`: over {@link MAX_NINJS_BYTES}; `not-utf8`: bytes that are not UTF-8; `not-json`: a JSON syntax error;
 * - `invalid`: not valid ninjs 3.1 (`errors` lists every problem, `path`/`message` are the first);
 * - `unsupported`: valid ninjs, but not a story this reader takes (another ninjs major version, a `type` other than
 *   text or composite, a `version` that is not a whole number);
 * - `no-headline` / `no-body`: a usable or withheld item without a headline or without body text;
 * - `body-too-large`: the body exceeds what the editor holds (node count, text length).
 */
export type NinjsParseErrorCode = 'too-large' | 'not-utf8' | 'not-json' | 'invalid' | 'unsupported' | 'no-headline' | 'no-body' | 'body-too-large';

export interface NinjsParseError extends NinjsValidationError {
  code: NinjsParseErrorCode;
  /** For `invalid`: every problem found (at most 100). */
  errors?: NinjsValidationError[];
  /** For `not-json`: 1-based line and column of the syntax error. */
  line?: number;
  column?: number;
  /** For `too-large`: the limit, in bytes. */
  limit?: number;
}

export type NinjsParseResult = { ok: true; story: NinjsStory } | { ok: false; error: NinjsParseError };

export interface NinjsParseOptions {
  /** The time to date the story by when the item carries no date at all; default the current time. */
  now?: Date;
  /** With no date in the item, the dateline's year (month and day still come from `now`). */
  year?: number;
}

/** ninjs `type`s read as a story: a text item, or a composite (text with its pictures). */
const STORY_TYPES: ReadonlySet<string> = new Set(['text', 'composite']);
/** Association names agencies give the story's main picture. */
const MAIN_PICTURE_NAMES: ReadonlySet<string> = new Set(['mainpic', 'featureimage', 'featuremedia', 'mainimage']);
/** Description roles that hold a picture's text alternative rather than its caption. */
const ALT_ROLES: ReadonlySet<string> = new Set(['alt', 'alttext', 'alternative']);

/**
 * Reads one IPTC ninjs 3.x item (a `string`, or UTF-8 bytes with an optional BOM) into a {@link NinjsStory}: size check,
 * `JSON.parse` (a syntax error is reported with its line and column), {@link validateNinjs} against the 3.1 rules, then
 * the mapping below. Never throws for any input.
 *
 * - `headline`: the headline with role "main", else the first; markup is removed (unless its contentType is
 *   text/plain) and whitespace collapsed. A first heading of the body that repeats the headline is dropped.
 * - `version`: a string in ninjs; it must be a whole number ("0", "1", "2", …, refused otherwise at `$.version`)
 *   because versions are compared numerically. No version is version 1.
 * - body: the first `text/html` (or `application/xhtml+xml`) body — the one with role "main" first — converted by
 *   `htmlToRichText`, else the first `text/plain` body split into paragraphs, else a body without contentType, read as
 *   HTML when it holds elements and as plain text when it does not. Other media types (NITF, XML) are ignored.
 * - `by` is read as a byline by `parseByline` ("By " added when it lacks one); `located` is the dateline place.
 * - the photo is the association of type `picture` named "mainpic" or "featureimage" (also "featuremedia",
 *   "mainimage"; any case), else the first picture. Its renditions are listed, never fetched.
 */
export function parseNinjs(input: string | Uint8Array, options: NinjsParseOptions = {}): NinjsParseResult {
  const text = decode(input);
  if (!('text' in text)) return { ok: false, error: text.error };

  let value: unknown;
  try {
    value = JSON.parse(text.text);
  } catch (error) {
    return { ok: false, error: syntaxError(text.text, error) };
  }

  const standardVersion = (value as { standard?: { version?: unknown } } | null)?.standard?.version;
  if (typeof standardVersion === 'string' && !/^3(?:\.|$)/.test(standardVersion.trim())) {
    return refuse('unsupported', '$.standard.version', `is ${JSON.stringify(standardVersion)}: only ninjs 3.x items are read (the rules followed are ninjs 3.1's)`);
  }
  const validation = validateNinjs(value);
  if (!validation.ok) {
    const [first] = validation.errors as [NinjsValidationError, ...NinjsValidationError[]];
    const more = validation.errors.length > 1 ? ` (and ${validation.errors.length - 1} more problem${validation.errors.length > 2 ? 's' : ''})` : '';
    return { ok: false, error: { code: 'invalid', path: first.path, message: `${first.message}${more}`, errors: validation.errors } };
  }
  return mapStory(validation.item, options);
}

function refuse(code: NinjsParseErrorCode, path: string, message: string): NinjsParseResult {
  return { ok: false, error: { code, path, message } };
}

function mapStory(item: NinjsDocument, options: NinjsParseOptions): NinjsParseResult {
  if (item.type !== undefined && !STORY_TYPES.has(item.type)) {
    return refuse('unsupported', '$.type', `is "${item.type}": only stories (type "text" or "composite") are read`);
  }
  const version = readVersion(item.version);
  if (version === undefined) {
    return refuse('unsupported', '$.version', `is ${JSON.stringify(item.version)}: a version must be a whole number ("1", "2", …) so that versions can be compared`);
  }
  const pubStatus = item.pubStatus ?? 'usable';
  const canceled = pubStatus === 'canceled';

  const headline = readHeadline(item.headlines) ?? (canceled ? singleLine(item.title ?? '') : undefined);
  if (headline === undefined) return refuse('no-headline', '$.headlines', 'has no headline with text (a story needs one)');

  const body = readBody(item.bodies ?? [], headline);
  if ('error' in body) return { ok: false, error: body.error };
  if (body.paragraphs.length === 0 && !canceled) {
    return refuse('no-body', '$.bodies', 'has no text/html or text/plain body with text (a story needs one)');
  }

  const by = item.by === undefined ? undefined : readByline(item.by);
  const located = item.located === undefined ? '' : singleLine(item.located);
  const dek = readText(pick(item.descriptions, ['summary', 'abstract'], false));
  const photo = readPhoto(item.associations ?? []);
  const story: NinjsStory = {
    identity: { uri: item.uri, version },
    pubStatus,
    headline,
    ...(dek ? { dek } : {}),
    ...(by?.byline ? { byline: by.byline } : {}),
    authors: by?.authors ?? [],
    dateline: { ...(located === '' ? {} : { place: located }), ...datelineDate(item, options) },
    paragraphs: body.paragraphs,
    body: body.root,
    tags: readTags(item),
    ...optionalText('language', item.language),
    ...optionalText('copyrightNotice', item.copyrightNotice),
    ...optionalText('usageTerms', item.usageTerms),
    ...optionalDate('embargoedUntil', item.embargoedUntil),
    ...optionalDate('firstCreated', item.firstCreated),
    ...optionalDate('versionCreated', item.versionCreated),
    ...(photo ? { photo } : {}),
  };
  return { ok: true, story };
}

// ---------------------------------------------------------------------------------------------------------------
// Input

function decode(input: string | Uint8Array): { text: string } | { error: NinjsParseError } {
  const tooLarge = (size: string): { error: NinjsParseError } => ({
    error: { code: 'too-large', path: '$', message: `is ${size}; a ninjs item may be at most ${MAX_NINJS_BYTES} bytes (2 MiB)`, limit: MAX_NINJS_BYTES },
  });
  if (typeof input !== 'string') {
    if (input.byteLength > MAX_NINJS_BYTES) return tooLarge(`${input.byteLength} bytes`);
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(input) };
    } catch {
      return { error: { code: 'not-utf8', path: '$', message: 'is not UTF-8 text (ninjs is JSON, which is UTF-8)' } };
    }
  }
  // Every UTF-16 code unit is at least one byte of UTF-8, so a longer string is too large whatever it holds.
  if (input.length > MAX_NINJS_BYTES || utf8Length(input) > MAX_NINJS_BYTES) return tooLarge('over the limit');
  return { text: input.startsWith('\uFEFF') ? input.slice(1) : input };
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** "is not JSON: expected "," or "}" after a property value, found "\"" (line 3, column 14)" */
function syntaxError(text: string, error: unknown): NinjsParseError {
  const found = findJsonSyntaxError(text);
  if (!found) return { code: 'not-json', path: '$', message: `is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  const { line, column, reason } = found;
  return { code: 'not-json', path: '$', message: `is not JSON: ${reason} (line ${line}, column ${column})`, line, column };
}

// ---------------------------------------------------------------------------------------------------------------
// Fields

/** "12" → 12; none → 1; anything but a whole number → undefined (refused). */
function readVersion(version: string | undefined): number | undefined {
  if (version === undefined) return 1;
  if (!/^[0-9]{1,16}$/.test(version)) return undefined;
  const number = Number(version);
  return Number.isSafeInteger(number) ? number : undefined;
}

/** The entry with text whose role is the first of `roles` found (case-insensitive); else, when `orFirst`, the first with text. */
function pick(entries: readonly NinjsText[] | undefined, roles: readonly string[], orFirst: boolean): NinjsText | undefined {
  const withText = (entries ?? []).filter((entry) => entry.value.trim() !== '');
  for (const role of roles) {
    const found = withText.find((entry) => entry.role?.toLowerCase() === role);
    if (found) return found;
  }
  return orFirst ? withText[0] : undefined;
}

/** One line of plain text: markup removed unless the contentType says text/plain. */
function readText(entry: NinjsText | undefined): string | undefined {
  if (!entry) return undefined;
  const text = mediaType(entry.contentType) === 'text/plain' ? singleLine(entry.value) : singleLine(htmlToText(entry.value));
  return text === '' ? undefined : text;
}

function readHeadline(headlines: readonly NinjsText[] | undefined): string | undefined {
  return readText(pick(headlines, ['main'], true));
}

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase();
}

const HTML_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);

type BodyResult = { paragraphs: string[]; root: LexicalRoot } | { error: NinjsParseError };

function readBody(bodies: readonly NinjsBody[], headline: string): BodyResult {
  const indexed = bodies.map((body, index) => ({ body, index, type: mediaType(body.contentType) }));
  const mainFirst = (list: typeof indexed) => [...list.filter(({ body }) => body.role?.toLowerCase() === 'main'), ...list.filter(({ body }) => body.role?.toLowerCase() !== 'main')];
  const candidates = [
    ...mainFirst(indexed.filter(({ type }) => type !== undefined && HTML_TYPES.has(type))),
    ...mainFirst(indexed.filter(({ type }) => type === 'text/plain')),
    ...mainFirst(indexed.filter(({ type }) => type === undefined)),
  ];
  let refused: NinjsParseError | undefined;
  for (const { body, index, type } of candidates) {
    const plain = type === 'text/plain' || (type === undefined && !hasMarkup(body.value));
    const root = plain ? paragraphsToRichText(plainTextParagraphs(body.value)) : type === undefined ? untypedMarkup(body.value) : htmlToRichText(body.value);
    dropRepeatedHeadline(root, headline);
    const paragraphs = richTextToParagraphs(root);
    if (paragraphs.length === 0) continue;
    const check = validateRichText(root, { path: 'body', maxIssues: 1 });
    if (!check.ok) {
      refused ??= {
        code: 'body-too-large',
        path: `$.bodies[${index}].value`,
        message: `cannot be held by the editor: ${check.issues[0]?.problem ?? check.message}`,
      };
      continue;
    }
    return { paragraphs, root };
  }
  if (refused) return { error: refused };
  return { paragraphs: [], root: paragraphsToRichText([]) };
}

/**
 * A body of unknown type that holds markup: HTML. When the markup makes no blocks of its own (at most one paragraph)
 * but the text has blank lines, it is text with inline markup, and each blank-line paragraph is converted apart.
 */
function untypedMarkup(value: string): LexicalRoot {
  const whole = htmlToRichText(value);
  const chunks = plainTextParagraphs(value);
  if (whole.root.children.length > 1 || chunks.length < 2 || !/\n[ \t]*\r?\n/.test(value)) return whole;
  return { root: { ...whole.root, children: chunks.flatMap((chunk) => htmlToRichText(chunk).root.children) } };
}

function dropRepeatedHeadline(root: LexicalRoot, headline: string): void {
  const first = root.root.children[0];
  if (first?.type !== 'heading') return;
  const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (normal(richTextToParagraphs({ root: { ...root.root, children: [first] } }).join(' ')) === normal(headline)) root.root.children.shift();
}

/** `by` as a byline: "By " is added unless it is there, then read by `parseByline`. */
function readByline(by: string): { byline?: WireByline; authors: string[] } {
  const text = singleLine(by);
  if (text === '') return { authors: [] };
  const parsed = parseByline(/^by\s/i.test(text) ? `By ${text.slice(3)}` : `By ${text}`);
  if (!parsed) return { byline: { text }, authors: [] };
  return { byline: { text: parsed.text, ...(parsed.agency ? { agency: parsed.agency } : {}) }, authors: parsed.authors };
}

function datelineDate(item: NinjsDocument, options: NinjsParseOptions): { month: number; day: number; year: number } {
  const stamp = [item.firstCreated, item.contentCreated, item.versionCreated].map((value) => (value === undefined ? undefined : dateTimeMillis(value))).find((millis) => millis !== undefined);
  const now = options.now?.getTime();
  const date = new Date(stamp ?? (now !== undefined && Number.isFinite(now) ? now : Date.now()));
  const year = stamp === undefined && options.year !== undefined ? options.year : date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  // With `year` given, Feb. 29 of today may not exist in it.
  return { month, day: Math.min(date.getUTCDate(), daysInMonth(month, year)), year };
}

function readTags(item: NinjsDocument): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const concept of [...(item.subjects ?? []), ...(item.genres ?? [])]) {
    const tag = singleLine(concept.name ?? '') || singleLine(concept.literal ?? '') || lastSegment(concept.uri ?? '');
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

/** "http://cv.iptc.org/newscodes/mediatopic/20000002" → "20000002"; "medtop:04000000" → "04000000". */
function lastSegment(uri: string): string {
  const trimmed = uri.trim().replace(/[/#]+$/, '');
  const segment = trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#'), trimmed.lastIndexOf(':')) + 1);
  try {
    return singleLine(decodeURIComponent(segment));
  } catch {
    return singleLine(segment);
  }
}

function optionalText<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  const text = value === undefined ? '' : cleanText(value).trim();
  return text === '' ? {} : ({ [key]: text } as Record<K, string>);
}

function optionalDate<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  const iso = value === undefined ? undefined : toUtcIso(value);
  return iso === undefined ? {} : ({ [key]: iso } as Record<K, string>);
}

// ---------------------------------------------------------------------------------------------------------------
// Photo

function readPhoto(associations: readonly NinjsAssociation[]): NinjsPhoto | undefined {
  const pictures = associations.filter((association) => association.type === 'picture');
  const picture = pictures.find((association) => MAIN_PICTURE_NAMES.has(association.name.toLowerCase())) ?? pictures[0];
  if (!picture) return undefined;
  const descriptions = picture.descriptions?.filter((description) => !ALT_ROLES.has(description.role?.toLowerCase() ?? ''));
  const caption = readText(pick(descriptions, ['caption'], true)) ?? readHeadline(picture.headlines);
  const alt = readText(picture.descriptions?.find((description) => ALT_ROLES.has(description.role?.toLowerCase() ?? '') && description.value.trim() !== ''));
  const by = picture.by === undefined ? '' : singleLine(picture.by);
  const creditSource = picture.infoSources?.find((source) => ['credit', 'creditline'].includes(source.role?.toLowerCase() ?? '') && singleLine(source.name ?? '') !== '');
  const credit = creditSource ? singleLine(creditSource.name ?? '') : by;
  const creator = by === '' ? (credit === '' ? undefined : parseCreditLine(credit)?.creator) : creatorOf(by);
  const linked = picture.rightsInfo?.linkedRights;
  return {
    uri: picture.uri,
    ...(alt ? { alt } : {}),
    ...(caption ? { caption } : {}),
    ...(creator ? { creator } : {}),
    ...(credit ? { credit } : {}),
    ...optionalText('copyright', picture.copyrightNotice),
    ...optionalText('copyrightHolder', picture.copyrightHolder),
    ...optionalText('usageTerms', picture.usageTerms),
    ...(linked !== undefined && /^https?:\/\/[^\s/]+/i.test(linked) ? { licenseUrl: linked } : {}),
    ...optionalText('encodedRights', picture.rightsInfo?.encodedRights),
    renditions: readRenditions(picture),
  };
}

/**
 * The photographer in a picture's `by`: the creator a credit line names ("Photo by Ana Ruiz/UPI" → "Ana Ruiz"), the
 * name before an agency ("Karl Melander/TT" → "Karl Melander"), none for an agency-only credit ("UPI Photo"), else
 * `by` itself.
 */
function creatorOf(by: string): string | undefined {
  const credit = parseCreditLine(by);
  if (credit) return credit.creator;
  const slash = by.indexOf('/');
  if (slash > 0 && by.indexOf('/', slash + 1) === -1 && !by.includes('://')) {
    const name = by.slice(0, slash).trim();
    const agency = by.slice(slash + 1).trim();
    if (name !== '' && agency !== '' && agency.length <= 60) return name;
  }
  return by;
}

function readRenditions(picture: NinjsAssociation): NinjsPhoto['renditions'] {
  const renditions = (picture.renditions ?? [])
    .filter((rendition) => rendition.href !== undefined && /^https?:\/\/[^\s/]+/i.test(rendition.href))
    .map((rendition) => ({
      href: rendition.href!,
      ...(rendition.width === undefined ? {} : { width: rendition.width }),
      ...(rendition.height === undefined ? {} : { height: rendition.height }),
      ...(rendition.contentType === undefined ? {} : { contentType: rendition.contentType }),
    }));
  const area = (rendition: (typeof renditions)[number]) => (rendition.width !== undefined && rendition.height !== undefined ? rendition.width * rendition.height : -1);
  return renditions.map((rendition, index) => ({ rendition, index })).sort((a, b) => area(b.rendition) - area(a.rendition) || a.index - b.index).map(({ rendition }) => rendition);
}
