import { createHash } from 'node:crypto';

import { type NinjsPhoto, type WireStory, parseNinjs, parseWireStory } from '@newsroom/schema';

import type { LexicalDocument } from '../lib/lexical';

/**
 * What the import reads from a file, whatever its format: the story, and the wire item's identity and status.
 *
 * Two formats are read, told apart by content (a `.json` name or a first character of `{`): wire text as copied from
 * a wire page (`parseWireStory`), and IPTC ninjs 3.x JSON (`parseNinjs`). Every item has an identity — the ninjs `uri`,
 * or for text the SHA-256 of the file's bytes — so the same item imported twice is one story, and a higher ninjs
 * `version` updates the story it made.
 */

export type WireFile = { name: string; content: string | Uint8Array };

/** ninjs `pubStatus`: `usable` goes out, `withheld` is taken down, `canceled` is killed. Text copy is always usable. */
export type WirePubStatus = 'usable' | 'withheld' | 'canceled';

export type WireItem = {
  format: 'text' | 'ninjs';
  /** `uri` as the agency sends it; for text, `urn:newsroom:wire-text:sha256:<hex>` of the file's bytes. */
  uri: string;
  /** Whole number, higher is newer. Text copy is version 1. */
  version: number;
  pubStatus: WirePubStatus;
  /** The body as the editor's rich text, when the source had structure (a ninjs HTML body); else built from paragraphs. */
  body?: LexicalDocument;
  tags?: string[];
  language?: string;
  copyrightNotice?: string;
  usageTerms?: string;
  /** ISO 8601: readers see the story from then on. */
  embargoedUntil?: string;
  /** The byline as printed, when it names no reporter (an agency, or text that is not names). */
  bylineText?: string;
  /** Renditions of the hero photo the item links to, largest first (fetched only when configuration allows). */
  photoRenditions?: { href: string; width?: number; height?: number; contentType?: string }[];
};

export type ParsedWireFile = {
  name: string;
  story: WireStory;
  /** Absent for stories built by other means (tests, the seed): those are always created anew. */
  item?: WireItem;
  /** What the reader of the file changed and why (control characters removed, …): reported, not refused. */
  warnings?: string[];
};

/** A wire file that cannot be imported, with where and why. */
export class WireImportError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line?: number,
    /** For JSON: where in the document, as `$.associations[0].uri`. */
    readonly path?: string,
  ) {
    super(`${file}: ${line ? `line ${line}: ` : ''}${path ? `${path}: ` : ''}${problem}`);
    this.name = 'WireImportError';
  }
}

export type ParseWireOptions = { year?: number; now?: Date };

/** A `.json` file, or any file whose first non-blank character is `{`, is read as ninjs. */
export function looksLikeJson(file: WireFile): boolean {
  if (/\.json$/i.test(file.name)) return true;
  const content = file.content;
  if (typeof content === 'string') return /^\uFEFF?\s*\{/u.test(content.slice(0, 64));
  let i = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? 3 : 0;
  while (i < content.length && (content[i] === 0x20 || content[i] === 0x09 || content[i] === 0x0a || content[i] === 0x0d)) i++;
  return content[i] === 0x7b;
}

/** `urn:newsroom:wire-text:sha256:…` — the identity of a text file: the same bytes are the same story. */
export function textIdentity(content: string | Uint8Array): string {
  return `urn:newsroom:wire-text:sha256:${createHash('sha256').update(content).digest('hex')}`;
}

/** Reads one file; throws a {@link WireImportError} naming the problem. */
export function parseWireFile(file: WireFile, options: ParseWireOptions = {}): ParsedWireFile {
  return looksLikeJson(file) ? parseNinjsFile(file, options) : parseTextFile(file, options);
}

/**
 * Parses every file before anything is written, so one bad file stops the whole run.
 * Returns the stories, or throws an AggregateError of WireImportError naming each bad file.
 */
export function parseWireFiles(files: readonly WireFile[], options: ParseWireOptions = {}): ParsedWireFile[] {
  const parsed: ParsedWireFile[] = [];
  const errors: WireImportError[] = [];
  for (const file of files) {
    try {
      parsed.push(parseWireFile(file, options));
    } catch (error) {
      if (!(error instanceof WireImportError)) throw error;
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, errors.map((e) => e.message).join('\n'));
  return parsed;
}

function parseTextFile(file: WireFile, options: ParseWireOptions): ParsedWireFile {
  const result = parseWireStory(file.content, { year: options.year, now: options.now });
  if (!result.ok) throw new WireImportError(file.name, stripLinePrefix(result.error.message), result.error.line);
  const story = result.story;
  const bylineText = story.byline && story.authors.length === 0 ? story.byline.text : undefined;
  return {
    name: file.name,
    story,
    item: { format: 'text', uri: textIdentity(file.content), version: 1, pubStatus: 'usable', bylineText },
    warnings: result.warnings.map((warning) => (typeof warning === 'string' ? warning : warning.message)),
  };
}

function parseNinjsFile(file: WireFile, options: ParseWireOptions): ParsedWireFile {
  const result = parseNinjs(file.content, { now: options.now, year: options.year });
  if (!result.ok) throw new WireImportError(file.name, result.error.message, undefined, result.error.path);
  const ninjs = result.story;
  const version = Number(ninjs.identity.version);
  const story: WireStory = {
    headline: ninjs.headline,
    authors: ninjs.authors,
    ...(ninjs.byline ? { byline: ninjs.byline } : {}),
    dateline: ninjs.dateline,
    ...(ninjs.photo ? { photo: ninjsPhoto(ninjs.photo) } : {}),
    paragraphs: ninjs.paragraphs,
    adPositions: [],
    latestHeadlines: true,
  };
  return {
    name: file.name,
    story,
    item: {
      format: 'ninjs',
      uri: ninjs.identity.uri,
      version,
      pubStatus: ninjs.pubStatus,
      body: ninjs.body as LexicalDocument,
      tags: ninjs.tags,
      language: ninjs.language,
      copyrightNotice: ninjs.copyrightNotice,
      usageTerms: ninjs.usageTerms,
      embargoedUntil: ninjs.embargoedUntil,
      bylineText: ninjs.byline && ninjs.authors.length === 0 ? ninjs.byline.text : undefined,
      photoRenditions: ninjs.photo?.renditions,
    },
    warnings: [],
  };
}

/** The picture association's rights as the hero photo's: a license URL is the "License Photo" link. */
function ninjsPhoto(photo: NinjsPhoto): NonNullable<WireStory['photo']> {
  return {
    ...(photo.alt ? { alt: photo.alt } : {}),
    ...(photo.caption ? { caption: photo.caption } : {}),
    ...(photo.credit ? { credit: photo.credit } : {}),
    ...(photo.creator ? { creator: photo.creator } : {}),
    ...(photo.copyright ? { copyright: photo.copyright } : {}),
    ...(photo.usageTerms ? { usageTerms: photo.usageTerms } : {}),
    ...(photo.licenseUrl ? { licenseUrl: photo.licenseUrl, licenseOffered: true } : {}),
  };
}

function stripLinePrefix(message: string): string {
  return message.replace(/^line \d+:\s*/i, '');
}
