import { decodeXML } from 'entities';
import exifr from 'exifr';
import { create } from 'xmlbuilder2';

/**
 * A photo's rights as its file states them: IPTC's core fields, read from XMP first (what IPTC recommends writing),
 * then IPTC-IIM, then EXIF. Every value is trimmed text; what the file does not state is absent.
 */
export type PhotoRights = {
  /** `dc:creator` / IPTC By-line / EXIF Artist. */
  creator?: string;
  /** `photoshop:Credit` / IPTC Credit. */
  credit?: string;
  /** `dc:rights` / IPTC CopyrightNotice / EXIF Copyright. */
  copyright?: string;
  /** `dc:description` / IPTC Caption-Abstract / EXIF ImageDescription. */
  caption?: string;
  /** `xmpRights:WebStatement`: where to license the photo (http(s) only). */
  licenseUrl?: string;
  /** `xmpRights:UsageTerms`. */
  usageTerms?: string;
  /** `photoshop:DateCreated` / IPTC Date Created / EXIF DateTimeOriginal, as ISO 8601. */
  dateCreated?: string;
};

export const RIGHTS_FIELDS = ['caption', 'creator', 'credit', 'copyright', 'licenseUrl', 'usageTerms', 'dateCreated'] as const satisfies readonly (keyof PhotoRights)[];
export type RightsField = (typeof RIGHTS_FIELDS)[number];

/** How the admin names each field when it says which came from the file. */
export const RIGHTS_FIELD_LABELS: Record<RightsField, string> = {
  caption: 'caption',
  creator: 'creator',
  credit: 'credit line',
  copyright: 'copyright',
  licenseUrl: 'license URL',
  usageTerms: 'usage terms',
  dateCreated: 'date created',
};

const MAX_FIELD_LENGTH = 2000;

type Parsed = Record<string, Record<string, unknown> | undefined>;

/** exifr leaves XMP's character references as written (`&amp;`): XML's five and numeric ones, decoded. */
function xmpText(value: unknown): unknown {
  if (typeof value === 'string') return decodeXML(value);
  if (Array.isArray(value)) return value.map(xmpText);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, xmpText(inner)]));
  }
  return value;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * exifr reads IPTC-IIM strings as Latin-1; agencies write them in UTF-8 (record 1:90 says so, and exifr ignores it).
 * A value whose bytes are valid UTF-8 is read as UTF-8; anything else stays Latin-1.
 */
function iimText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(iimText);
  if (typeof value !== 'string' || !/[\u0080-\u00ff]/.test(value)) return value;
  try {
    return UTF8.decode(Buffer.from(value, 'latin1'));
  } catch {
    return value;
  }
}

/** Text from whatever shape a metadata reader gives: a string, a list (`rdf:Seq`), a language alternative. */
function textOf(value: unknown): string | undefined {
  if (value == null) return undefined;
  if (typeof value === 'string' || typeof value === 'number') {
    // Control characters never belong in a caption or a credit (a NUL ends IIM strings in some writers).
    // eslint-disable-next-line no-control-regex
    const text = String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
    return text === '' ? undefined : text.slice(0, MAX_FIELD_LENGTH);
  }
  if (Array.isArray(value)) {
    const parts = value.map(textOf).filter((part): part is string => part !== undefined);
    return parts.length > 0 ? parts.join(', ').slice(0, MAX_FIELD_LENGTH) : undefined;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // exifr gives a language alternative as { lang, value } or as { 'x-default': …, en: … }.
    if ('value' in record) return textOf(record.value);
    return textOf(record['x-default'] ?? Object.values(record)[0]);
  }
  return undefined;
}

function first(...values: unknown[]): string | undefined {
  for (const value of values) {
    const text = textOf(value);
    if (text !== undefined) return text;
  }
  return undefined;
}

function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** `2018:06:14 10:30:00`, `2018-06-14`, `20180614` or a Date, as ISO 8601; undefined when it is no date. */
function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  const text = textOf(value);
  if (!text) return undefined;
  const exif = /^(\d{4}):(\d{2}):(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?/.exec(text);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const normalized = exif
    ? `${exif[1]}-${exif[2]}-${exif[3]}${exif[4] ? `T${exif[4]}:${exif[5]}:${exif[6]}Z` : ''}`
    : compact
      ? `${compact[1]}-${compact[2]}-${compact[3]}`
      : text;
  const time = Date.parse(normalized);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * The rights a photo file states, read with exifr from its XMP, IPTC-IIM and EXIF blocks (only those: nothing is
 * decoded). A file with no metadata, or none exifr can read, gives `{}`.
 */
export async function readPhotoRights(input: Buffer | string): Promise<PhotoRights> {
  let parsed: Parsed | undefined;
  try {
    parsed = (await exifr.parse(input, {
      tiff: true,
      ifd0: { pick: ['Artist', 'Copyright', 'ImageDescription'] } as never,
      exif: { pick: ['DateTimeOriginal'] } as never,
      gps: false,
      interop: false,
      ifd1: false,
      xmp: true,
      iptc: true,
      icc: false,
      jfif: false,
      ihdr: false,
      mergeOutput: false,
      reviveValues: false,
      translateValues: false,
    })) as Parsed | undefined;
  } catch {
    return {};
  }
  if (!parsed) return {};
  const dc = (xmpText(parsed.dc) ?? {}) as Record<string, unknown>;
  const photoshop = (xmpText(parsed.photoshop) ?? {}) as Record<string, unknown>;
  const xmpRights = (xmpText(parsed.xmpRights) ?? {}) as Record<string, unknown>;
  const iptc = Object.fromEntries(Object.entries(parsed.iptc ?? {}).map(([key, value]) => [key, iimText(value)]));
  const ifd0 = parsed.ifd0 ?? {};
  const exif = parsed.exif ?? {};
  const rights: PhotoRights = {
    creator: first(dc.creator, iptc.Byline, ifd0.Artist),
    credit: first(photoshop.Credit, iptc.Credit),
    copyright: first(dc.rights, iptc.CopyrightNotice, ifd0.Copyright),
    caption: first(dc.description, iptc.Caption, ifd0.ImageDescription),
    licenseUrl: httpUrl(first(xmpRights.WebStatement)),
    usageTerms: first(xmpRights.UsageTerms),
    dateCreated: isoDate(photoshop.DateCreated) ?? isoDate(iptc.DateCreated) ?? isoDate(exif.DateTimeOriginal),
  };
  return Object.fromEntries(Object.entries(rights).filter(([, value]) => value !== undefined)) as PhotoRights;
}

/**
 * The rights as an XMP packet, for sharp's `withXmp`: Dublin Core creator, rights and description, Photoshop's Credit
 * and DateCreated, and XMP Rights Management's Marked, WebStatement and UsageTerms — the fields IPTC Photo Metadata
 * and Google Images read. Built with xmlbuilder2, so every value is escaped.
 */
export function rightsXmp(rights: PhotoRights): string {
  const doc = create({ version: '1.0' })
    .ins('xpacket', 'begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"')
    .ele('adobe:ns:meta/', 'x:xmpmeta')
    .ele('http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf:RDF')
    .ele('http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf:Description')
    .att('http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf:about', '')
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:dc', 'http://purl.org/dc/elements/1.1/')
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:photoshop', 'http://ns.adobe.com/photoshop/1.0/')
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:xmpRights', 'http://ns.adobe.com/xap/1.0/rights/');
  const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
  const langAlt = (ns: string, name: string, value: string) =>
    doc.ele(ns, name).ele(RDF, 'rdf:Alt').ele(RDF, 'rdf:li').att('http://www.w3.org/XML/1998/namespace', 'xml:lang', 'x-default').txt(value);
  if (rights.creator) doc.ele('http://purl.org/dc/elements/1.1/', 'dc:creator').ele(RDF, 'rdf:Seq').ele(RDF, 'rdf:li').txt(rights.creator);
  if (rights.copyright) langAlt('http://purl.org/dc/elements/1.1/', 'dc:rights', rights.copyright);
  if (rights.caption) langAlt('http://purl.org/dc/elements/1.1/', 'dc:description', rights.caption);
  if (rights.credit) doc.ele('http://ns.adobe.com/photoshop/1.0/', 'photoshop:Credit').txt(rights.credit);
  if (rights.dateCreated) doc.ele('http://ns.adobe.com/photoshop/1.0/', 'photoshop:DateCreated').txt(rights.dateCreated);
  if (rights.copyright || rights.licenseUrl || rights.usageTerms) doc.ele('http://ns.adobe.com/xap/1.0/rights/', 'xmpRights:Marked').txt('True');
  if (rights.licenseUrl) doc.ele('http://ns.adobe.com/xap/1.0/rights/', 'xmpRights:WebStatement').txt(rights.licenseUrl);
  if (rights.usageTerms) langAlt('http://ns.adobe.com/xap/1.0/rights/', 'xmpRights:UsageTerms', rights.usageTerms);
  const body = doc.root().end({ headless: true, prettyPrint: false });
  return `${body}<?xpacket end="w"?>`;
}

/** EXIF can carry only ASCII text reliably; XMP carries the rest. */
export function asciiOnly(value: string | undefined): string | undefined {
   
  return value !== undefined && /^[\u0020-\u007e]*$/.test(value) ? value : undefined;
}
