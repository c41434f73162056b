/**
 * The IPTC ninjs 3.1 news item as TypeScript types: every property the 3.1 JSON Schema
 * (http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json) defines, with its type. A value of
 * {@link NinjsDocument} is what {@link validateNinjs} accepts; `format` rules (URI, date-time) and
 * "exactly one of" rules are checked there, not expressed here.
 */

/** The generic news type of a news object (IPTC NewsCodes "ninature"). */
export type NinjsNewsObjectType = 'text' | 'audio' | 'video' | 'picture' | 'graphic' | 'composite' | 'component' | 'event' | 'planning';

export type NinjsPubStatus = 'usable' | 'withheld' | 'canceled';

/** A headline or description: the text, what it is for (`role`) and its media type. */
export interface NinjsText {
  role?: string;
  contentType?: string;
  value: string;
}

export interface NinjsBody extends NinjsText {
  charCount?: number;
  wordCount?: number;
}

export interface NinjsContactInfo {
  type?: string;
  role?: string;
  lang?: string;
  name?: string;
  /** Exactly one of `value` and `address` is present. */
  value?: string;
  address?: {
    lines?: string[];
    locality?: string;
    area?: string;
    postalCode?: string;
    country?: string;
  };
}

export interface NinjsOrganisation {
  name?: string;
  rel?: string;
  uri?: string;
  literal?: string;
  symbols?: { exchange?: string; symbolType?: string; symbol?: string }[];
  contactInfo?: NinjsContactInfo[];
}

export interface NinjsRendition {
  /** Required: e.g. "thumbnail", "original". */
  name: string;
  href?: string;
  contentType?: string;
  title?: string;
  width?: number;
  height?: number;
  sizeInBytes?: number;
  duration?: number;
  format?: string;
  aspectRatio?: string;
  videoCodec?: string;
  frameRate?: number;
  poi?: { x?: number; y?: number };
  transportProtocol?: string;
  scanType?: 'progressive' | 'interlaced';
  bitrate?: string;
}

/** `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a full date-time, each with an optional zone. */
export type NinjsTruncatedDateTime = string;

/** When an event or coverage happens: at least a start or an end, each given exactly or approximately. */
export interface NinjsDates {
  startDate?: string;
  endDate?: string;
  expectedStartDate?: NinjsTruncatedDateTime;
  expectedEndDate?: NinjsTruncatedDateTime;
  expectedDuration?: string;
  recurrence?: {
    recurrenceDates?: NinjsTruncatedDateTime[];
    recurrenceRules?: {
      frequency?: 'secondly' | 'minutely' | 'hourly' | 'daily' | 'weekly' | 'monthly' | 'yearly';
      interval?: number;
      until?: string;
      count?: number;
    }[];
  };
}

export interface NinjsCommissioned {
  by?: string;
  on?: string;
  references?: { name?: string; value?: string }[];
}

export interface NinjsPlannedCoverage {
  uri?: string;
  title?: string;
  pubStatus?: NinjsPubStatus;
  type?: NinjsNewsObjectType;
  commissioned?: NinjsCommissioned;
  dates?: NinjsDates;
  audiences?: { audience?: string; significance?: number }[];
  exclAudience?: string[];
  edNote?: string;
  urgency?: number;
  language?: string;
  itemCount?: { rangeFrom?: number; rangeTo?: number };
  wordCount?: number;
  renditions?: NinjsRendition[];
}

/** A concept, person, place… the item is about: by name, by URI, or by a free-text identifier. */
export interface NinjsConcept {
  name?: string;
  rel?: string;
  uri?: string;
  literal?: string;
}

export interface NinjsSubject extends NinjsConcept {
  creator?: string;
  /** 0-100. */
  relevance?: number;
  /** 0-100. */
  confidence?: number;
}

export interface NinjsPerson extends NinjsConcept {
  contactInfo?: NinjsContactInfo[];
}

export interface NinjsPlace extends NinjsConcept {
  contactInfo?: NinjsContactInfo[];
  /** A GeoJSON object (RFC 7946); checked only to be an object with a string `type`. */
  geoJSON?: { type: string; [key: string]: unknown };
}

export interface NinjsEvent extends NinjsConcept {
  id?: string;
}

export interface NinjsInfoSource {
  name?: string;
  role?: string;
  uri?: string;
  literal?: string;
  contactInfo?: NinjsContactInfo[];
}

/** Exactly one of `linkedRights` and `encodedRights` is present. */
export interface NinjsRightsInfo {
  langId?: string;
  linkedRights?: string;
  encodedRights?: string;
}

/** The properties shared by a news item and each of its associations (the schema's `ninjsType`). */
export interface NinjsItemProperties {
  uri: string;
  type?: NinjsNewsObjectType;
  representationType?: 'full' | 'partial';
  profile?: string;
  /** The version of the object named by `uri`; a string in ninjs. */
  version?: string;
  firstCreated?: string;
  versionCreated?: string;
  contentCreated?: string;
  embargoedUntil?: string;
  /** Absent means "usable". */
  pubStatus?: NinjsPubStatus;
  /** 1 (most urgent) to 9. */
  urgency?: number;
  copyrightHolder?: string;
  copyrightNotice?: string;
  usageTerms?: string;
  edNote?: string;
  /** BCP 47. */
  language?: string;
  descriptions?: NinjsText[];
  bodies?: NinjsBody[];
  headlines?: NinjsText[];
  people?: NinjsPerson[];
  organisations?: NinjsOrganisation[];
  places?: NinjsPlace[];
  subjects?: NinjsSubject[];
  events?: NinjsEvent[];
  eventDetails?: {
    eventStatus?: string;
    plannedCoverageStatus?: string;
    dates?: NinjsDates;
    organiser?: NinjsOrganisation;
  };
  plannedCoverage?: NinjsPlannedCoverage[];
  objects?: NinjsConcept[];
  infoSources?: NinjsInfoSource[];
  title?: string;
  by?: string;
  slugline?: string;
  located?: string;
  renditions?: NinjsRendition[];
  associations?: NinjsAssociation[];
  altIds?: { role?: string; value?: string }[];
  trustIndicators?: { role?: string; title?: string; href?: string }[];
  standard?: { name?: string; version?: string; schema?: string };
  genres?: { name?: string; uri?: string; literal?: string }[];
  expires?: string;
  rightsInfo?: NinjsRightsInfo;
  digitalSourceType?: { name?: string; uri?: string; literal?: string };
}

/** An associated news object: any ninjs properties, plus its `name` (required) and relationship. */
export interface NinjsAssociation extends NinjsItemProperties {
  name: string;
  rel?: string;
}

/** A whole ninjs 3.1 document (the top-level item; `uri` is its only required property). */
export type NinjsDocument = NinjsItemProperties;

/** One reason a value is not valid ninjs 3.1: where (see {@link validateNinjs} for the path form) and what is wrong. */
export interface NinjsValidationError {
  path: string;
  message: string;
}
