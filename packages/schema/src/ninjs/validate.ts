import { isDateTime, isTruncatedDateTime, isUri } from './formats.js';
import type { NinjsDocument, NinjsValidationError } from './types.js';

/**
 * The rules of the ninjs 3.1 JSON Schema (http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#), written out as data
 * and checked by {@link validateNinjs}. Each object lists its properties; none accepts a property it does not list
 * (the schema's `additionalProperties: false` / `unevaluatedProperties: false`), which is why every object is "closed".
 */
type Rule =
  | { kind: 'string'; format?: 'uri' | 'date-time' | 'truncated-date-time'; enum?: readonly string[] }
  | { kind: 'integer'; minimum?: number; maximum?: number }
  | { kind: 'number' }
  | { kind: 'array'; items: Rule }
  | { kind: 'object'; name: string; properties: Readonly<Record<string, Rule>>; required?: readonly string[]; check?: ObjectCheck }
  | { kind: 'item'; association: boolean }
  | { kind: 'geojson' };

/** A rule across properties ("exactly one of"), reported at the object's path. */
type ObjectCheck = (value: Readonly<Record<string, unknown>>) => string | undefined;

const string: Rule = { kind: 'string' };
const uri: Rule = { kind: 'string', format: 'uri' };
const dateTime: Rule = { kind: 'string', format: 'date-time' };
const truncatedDateTime: Rule = { kind: 'string', format: 'truncated-date-time' };
const integer: Rule = { kind: 'integer' };
const number: Rule = { kind: 'number' };
const oneOfStrings = (...values: string[]): Rule => ({ kind: 'string', enum: values });
const arrayOf = (items: Rule): Rule => ({ kind: 'array', items });
const object = (name: string, properties: Record<string, Rule>, extra: { required?: string[]; check?: ObjectCheck } = {}): Rule => ({
  kind: 'object',
  name,
  properties,
  ...extra,
});

/** "exactly one of a and b": the schema's `oneOf: [{required: [a]}, {required: [b]}]`. */
const exactlyOne =
  (a: string, b: string): ObjectCheck =>
  (value) => {
    const count = Number(value[a] !== undefined) + Number(value[b] !== undefined);
    if (count === 1) return undefined;
    return count === 0 ? `must have either "${a}" or "${b}"` : `must have only one of "${a}" and "${b}", not both`;
  };

const NEWS_OBJECT_TYPES = ['text', 'audio', 'video', 'picture', 'graphic', 'composite', 'component', 'event', 'planning'];
const PUB_STATUSES = ['usable', 'withheld', 'canceled'];

const contactInfo = object(
  'contactInfo',
  {
    type: string,
    role: string,
    lang: string,
    name: string,
    value: string,
    address: object('address', { lines: arrayOf(string), locality: string, area: string, postalCode: string, country: string }),
  },
  { check: exactlyOne('value', 'address') },
);

const organisation = object('organisation', {
  name: string,
  rel: string,
  uri,
  literal: string,
  symbols: arrayOf(object('symbol', { exchange: string, symbolType: uri, symbol: string })),
  contactInfo: arrayOf(contactInfo),
});

const rendition = object(
  'rendition',
  {
    name: string,
    href: uri,
    contentType: string,
    title: string,
    width: integer,
    height: integer,
    sizeInBytes: integer,
    duration: number,
    format: string,
    aspectRatio: string,
    videoCodec: string,
    frameRate: number,
    poi: object('poi', { x: integer, y: integer }),
    transportProtocol: string,
    scanType: oneOfStrings('progressive', 'interlaced'),
    bitrate: string,
  },
  { required: ['name'] },
);

/**
 * The schema's `datesObjectType` requires `anyOf` [`oneOf` startDate/expectedStartDate, `oneOf` endDate/expectedEndDate]:
 * a start given one way, or an end given one way, or both.
 */
const datesCheck: ObjectCheck = (value) => {
  const has = (key: string) => value[key] !== undefined;
  const start = has('startDate') !== has('expectedStartDate');
  const end = has('endDate') !== has('expectedEndDate');
  if (start || end) return undefined;
  if (has('startDate') || has('endDate')) return 'must not give both an exact and an expected date for the same end ("startDate" and "expectedStartDate", or "endDate" and "expectedEndDate")';
  return 'must have a start ("startDate" or "expectedStartDate") or an end ("endDate" or "expectedEndDate")';
};

const dates = object(
  'dates',
  {
    startDate: dateTime,
    endDate: dateTime,
    expectedStartDate: truncatedDateTime,
    expectedEndDate: truncatedDateTime,
    expectedDuration: string,
    recurrence: object('recurrence', {
      // The schema says `"type": "array"` with a `$ref` to the (string) truncated date-time, which no value can satisfy;
      // read as intended: an array of truncated date-times.
      recurrenceDates: arrayOf(truncatedDateTime),
      recurrenceRules: arrayOf(
        object('recurrenceRule', {
          frequency: oneOfStrings('secondly', 'minutely', 'hourly', 'daily', 'weekly', 'monthly', 'yearly'),
          interval: integer,
          until: dateTime,
          count: integer,
        }),
      ),
    }),
  },
  { check: datesCheck },
);

const text = (name: string) => object(name, { role: string, contentType: string, value: string }, { required: ['value'] });

/** The schema's `ninjsType`: the properties of a news item, and of each association. */
const ITEM_PROPERTIES: Readonly<Record<string, Rule>> = {
  uri,
  type: oneOfStrings(...NEWS_OBJECT_TYPES),
  representationType: oneOfStrings('full', 'partial'),
  profile: string,
  version: string,
  firstCreated: dateTime,
  versionCreated: dateTime,
  contentCreated: dateTime,
  embargoedUntil: dateTime,
  pubStatus: oneOfStrings(...PUB_STATUSES),
  urgency: { kind: 'integer', minimum: 1, maximum: 9 },
  copyrightHolder: string,
  copyrightNotice: string,
  usageTerms: string,
  edNote: string,
  language: string,
  descriptions: arrayOf(text('description')),
  bodies: arrayOf(
    object('body', { role: string, contentType: string, charCount: integer, wordCount: integer, value: string }, { required: ['value'] }),
  ),
  headlines: arrayOf(text('headline')),
  people: arrayOf(object('person', { name: string, rel: string, uri, literal: string, contactInfo: arrayOf(contactInfo) })),
  organisations: arrayOf(organisation),
  places: arrayOf(object('place', { name: string, rel: string, uri, literal: string, contactInfo: arrayOf(contactInfo), geoJSON: { kind: 'geojson' } })),
  subjects: arrayOf(
    object('subject', {
      name: string,
      rel: string,
      uri,
      literal: string,
      creator: string,
      relevance: { kind: 'integer', minimum: 0, maximum: 100 },
      confidence: { kind: 'integer', minimum: 0, maximum: 100 },
    }),
  ),
  events: arrayOf(object('event', { id: string, name: string, rel: string, uri, literal: string })),
  eventDetails: object('eventDetails', { eventStatus: uri, plannedCoverageStatus: uri, dates, organiser: organisation }),
  plannedCoverage: arrayOf(
    object('plannedCoverage', {
      uri,
      title: string,
      pubStatus: oneOfStrings(...PUB_STATUSES),
      type: oneOfStrings(...NEWS_OBJECT_TYPES),
      commissioned: object('commissioned', {
        by: string,
        on: dateTime,
        references: arrayOf(object('reference', { name: string, value: string })),
      }),
      dates,
      audiences: arrayOf(object('audience', { audience: string, significance: integer })),
      exclAudience: arrayOf(string),
      edNote: string,
      urgency: { kind: 'integer', minimum: 1, maximum: 9 },
      language: string,
      itemCount: object('itemCount', { rangeFrom: integer, rangeTo: integer }),
      wordCount: integer,
      renditions: arrayOf(rendition),
    }),
  ),
  objects: arrayOf(object('object', { name: string, rel: string, uri, literal: string })),
  infoSources: arrayOf(object('infoSource', { name: string, role: string, uri, literal: string, contactInfo: arrayOf(contactInfo) })),
  title: string,
  by: string,
  slugline: string,
  located: string,
  renditions: arrayOf(rendition),
  associations: arrayOf({ kind: 'item', association: true }),
  altIds: arrayOf(object('altId', { role: string, value: string })),
  trustIndicators: arrayOf(object('trustIndicator', { role: uri, title: string, href: uri })),
  standard: object('standard', { name: string, version: string, schema: uri }),
  // Unlike every other concept, a genre's `uri` has no `format` in the schema.
  genres: arrayOf(object('genre', { name: string, uri: string, literal: string })),
  expires: dateTime,
  rightsInfo: object('rightsInfo', { langId: uri, linkedRights: uri, encodedRights: string }, { check: exactlyOne('linkedRights', 'encodedRights') }),
  digitalSourceType: object('digitalSourceType', { name: string, uri, literal: string }),
};

/**
 * An association is `ninjsType` plus `name` and `rel`, with `name` and `uri` required. (Read literally, the schema's
 * `unevaluatedProperties: false` inside `ninjsType` would refuse the very `name` it requires, since a referenced schema
 * cannot see its referrer's properties; the intent, followed here, is ninjs properties plus `name` and `rel`.)
 */
const ASSOCIATION_PROPERTIES: Readonly<Record<string, Rule>> = { ...ITEM_PROPERTIES, name: string, rel: string };

/** Associations nested deeper than this are refused: the schema sets no limit, this bounds the work on hostile input. */
export const MAX_NINJS_ASSOCIATION_DEPTH = 32;
/** At most this many errors are reported for one document. */
export const MAX_NINJS_ERRORS = 100;

export type NinjsValidation = { ok: true; item: NinjsDocument } | { ok: false; errors: NinjsValidationError[] };

/**
 * Checks a parsed JSON value against the ninjs 3.1 JSON Schema: `uri` is required (and must be an absolute URI);
 * every object refuses properties the schema does not define (the top level, and each association, headline,
 * rendition, subject…); types, enums (`type`, `pubStatus`, `representationType`, `scanType`…), integer ranges
 * (`urgency` 1-9, `relevance` 0-100), `format: uri` and `format: date-time` (RFC 3339, a real calendar date) are
 * enforced, as are the "exactly one of" rules (`rightsInfo`: `linkedRights` or `encodedRights`; `contactInfo`:
 * `value` or `address`) and the start/end rule of event dates. Associations need `name` and `uri`; renditions need
 * `name`; headlines, descriptions and bodies need `value`. `places[].geoJSON` (an external schema) is checked only
 * to be an object with a string `type`. Nothing else is refused: ninjs requires no `type`, `version`, headline or body.
 *
 * Paths: `$` is the document, `.name` a property, `[3]` an array index, `["odd key"]` a property whose name is not
 * an identifier — e.g. `$.associations[0].renditions[1].href`. A missing required property is reported at its own
 * path (`$.uri`), an unknown property at its path (`$.headline`), a cross-property rule at the object's path.
 * Stops after {@link MAX_NINJS_ERRORS} errors; associations may nest {@link MAX_NINJS_ASSOCIATION_DEPTH} deep.
 */
export function validateNinjs(value: unknown): NinjsValidation {
  const errors: NinjsValidationError[] = [];
  try {
    check(value, { kind: 'item', association: false }, '$', errors, 0);
  } catch (error) {
    if (!(error instanceof TooManyErrors)) throw error;
  }
  return errors.length === 0 ? { ok: true, item: value as NinjsDocument } : { ok: false, errors };
}

/** "$.associations[0].href: must be an absolute URI …" */
export function formatNinjsError(error: NinjsValidationError): string {
  return `${error.path}: ${error.message}`;
}

class TooManyErrors extends Error {}

function check(value: unknown, rule: Rule, path: string, errors: NinjsValidationError[], depth: number): void {
  const fail = (message: string) => {
    errors.push({ path, message });
    if (errors.length >= MAX_NINJS_ERRORS) throw new TooManyErrors();
  };
  switch (rule.kind) {
    case 'string': {
      if (typeof value !== 'string') return fail(`must be a string, not ${describe(value)}`);
      if (rule.enum && !rule.enum.includes(value)) return fail(`must be one of ${rule.enum.map((item) => JSON.stringify(item)).join(', ')}, not ${describe(value)}`);
      if (rule.format === 'uri' && !isUri(value)) return fail(`must be an absolute URI (RFC 3986, e.g. "https://example.com/a"), not ${describe(value)}`);
      if (rule.format === 'date-time' && !isDateTime(value)) {
        return fail(`must be an RFC 3339 date-time naming a real date and time (e.g. "2024-05-01T09:30:00Z"), not ${describe(value)}`);
      }
      if (rule.format === 'truncated-date-time' && !isTruncatedDateTime(value)) {
        return fail(`must be a year, year-month, date or date-time ("2024", "2024-05", "2024-05-01", "2024-05-01T09:30:00Z"), not ${describe(value)}`);
      }
      return;
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return fail(`must be a whole number, not ${describe(value)}`);
      if (rule.minimum !== undefined && value < rule.minimum) return fail(`must be at least ${rule.minimum}, not ${value}`);
      if (rule.maximum !== undefined && value > rule.maximum) return fail(`must be at most ${rule.maximum}, not ${value}`);
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`must be a number, not ${describe(value)}`);
      return;
    case 'array':
      if (!Array.isArray(value)) return fail(`must be an array, not ${describe(value)}`);
      value.forEach((item, index) => check(item, rule.items, `${path}[${index}]`, errors, depth));
      return;
    case 'geojson':
      if (!isRecord(value)) return fail(`must be a GeoJSON object, not ${describe(value)}`);
      if (typeof value.type !== 'string') fail(`must be a GeoJSON object with a string "type" (e.g. "Point"), not ${describe(value.type)}`);
      return;
    case 'object':
      return checkObject(value, rule.name, rule.properties, rule.required ?? [], rule.check, path, errors, depth, fail);
    case 'item': {
      if (rule.association && depth > MAX_NINJS_ASSOCIATION_DEPTH) return fail(`associations are nested more than ${MAX_NINJS_ASSOCIATION_DEPTH} levels deep`);
      const properties = rule.association ? ASSOCIATION_PROPERTIES : ITEM_PROPERTIES;
      const required = rule.association ? ['name', 'uri'] : ['uri'];
      return checkObject(value, rule.association ? 'association' : 'ninjs 3.1 item', properties, required, undefined, path, errors, depth + 1, fail);
    }
  }
}

function checkObject(
  value: unknown,
  name: string,
  properties: Readonly<Record<string, Rule>>,
  required: readonly string[],
  crossCheck: ObjectCheck | undefined,
  path: string,
  errors: NinjsValidationError[],
  depth: number,
  fail: (message: string) => void,
): void {
  if (!isRecord(value)) return fail(`must be ${name === 'ninjs 3.1 item' ? 'a ninjs 3.1 item (a JSON object)' : 'an object'}, not ${describe(value)}`);
  for (const key of required) {
    if (value[key] === undefined) errors.push({ path: childPath(path, key), message: `is required (${article(name)} must have "${key}")` });
  }
  if (errors.length >= MAX_NINJS_ERRORS) throw new TooManyErrors();
  for (const [key, child] of Object.entries(value)) {
    const rule = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (rule === undefined) {
      errors.push({ path: childPath(path, key), message: unknownMessage(name, key, properties) });
      if (errors.length >= MAX_NINJS_ERRORS) throw new TooManyErrors();
      continue;
    }
    check(child, rule, childPath(path, key), errors, depth);
  }
  const problem = crossCheck?.(value);
  if (problem) fail(problem);
}

function unknownMessage(name: string, key: string, properties: Readonly<Record<string, Rule>>): string {
  const lower = key.toLowerCase();
  const known = Object.keys(properties);
  const camel = known.find((property) => property.toLowerCase() === lower);
  if (camel) return `is not a ninjs 3.1 property; did you mean "${camel}"? (ninjs 3.x names are camelCase)`;
  const plural = known.find((property) => property.toLowerCase() === `${lower}s`);
  if (plural) return `is not a ninjs 3.1 property; did you mean "${plural}"? (ninjs 3.x holds it in an array)`;
  if (name === 'ninjs 3.1 item' || name === 'association') return `is not a ninjs 3.1 property (${article(name)} may not have "${truncate(key)}")`;
  return `is not allowed: ${article(name)} has only ${known.map((property) => `"${property}"`).join(', ')}`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function childPath(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(truncate(key))}]`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function article(name: string): string {
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
}

function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(truncate(value))}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return 'an object';
}
