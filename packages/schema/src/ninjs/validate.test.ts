import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dateTimeMillis, isDateTime, isTruncatedDateTime, isUri } from './formats.js';
import type { NinjsDocument } from './types.js';
import { formatNinjsError, MAX_NINJS_ASSOCIATION_DEPTH, MAX_NINJS_ERRORS, validateNinjs } from './validate.js';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));

/** Every property of ninjs 3.1 at least once, with valid values; checked by the compiler against NinjsDocument too. */
const EVERY_PROPERTY: NinjsDocument = {
  uri: 'https://wire.example.com/items/every-property',
  type: 'composite',
  representationType: 'full',
  profile: 'text-photo',
  version: '7',
  firstCreated: '2024-02-29T08:00:00Z',
  versionCreated: '2024-02-29T09:15:30.125+01:00',
  contentCreated: '2016-12-31T23:59:60Z',
  embargoedUntil: '2030-01-01t00:00:00z',
  pubStatus: 'withheld',
  urgency: 9,
  copyrightHolder: 'Example Wire',
  copyrightNotice: 'Copyright 2024 Example Wire',
  usageTerms: 'Subscribers only.',
  edNote: 'Check the spelling of the mayor.',
  language: 'nb-NO',
  descriptions: [{ value: 'A summary.' }, { role: 'summary', contentType: 'text/plain', value: 'Another.' }],
  bodies: [{ role: 'main', contentType: 'text/html', charCount: 11, wordCount: 2, value: '<p>Body text</p>' }],
  headlines: [{ role: 'main', contentType: 'text/plain', value: 'A headline' }],
  people: [
    {
      name: 'Ada Example',
      rel: 'about',
      uri: 'https://people.example.com/ada',
      literal: 'ada',
      contactInfo: [
        { type: 'phone', role: 'office', lang: 'en', name: 'Desk', value: '+47 00 00 00 00' },
        { type: 'address', address: { lines: ['Pier 1'], locality: 'Bergen', area: 'Vestland', postalCode: '5003', country: 'NO' } },
      ],
    },
  ],
  organisations: [
    {
      name: 'Harbour Society',
      rel: 'mentions',
      uri: 'https://orgs.example.com/harbour',
      literal: 'harbour-society',
      symbols: [{ exchange: 'XOSL', symbolType: 'http://cv.iptc.org/newscodes/financialinstrumentsymboltype/ticker', symbol: 'HRBR' }],
      contactInfo: [{ value: 'desk@harbour.example' }],
    },
  ],
  places: [
    { name: 'Bergen', rel: 'located', uri: 'https://places.example.com/bergen', literal: 'bergen', contactInfo: [], geoJSON: { type: 'Point', coordinates: [5.32, 60.39] } },
  ],
  subjects: [{ name: 'Heritage', rel: 'about', uri: 'https://vocab.example.com/heritage', literal: 'heritage', creator: 'editor', relevance: 0, confidence: 100 }],
  events: [{ id: 'e1', name: 'Relighting', rel: 'about', uri: 'https://events.example.com/relighting', literal: 'relighting' }],
  eventDetails: {
    eventStatus: 'http://cv.iptc.org/newscodes/eventstatus/confirmed',
    plannedCoverageStatus: 'http://cv.iptc.org/newscodes/newscoveragestatus/int',
    dates: {
      startDate: '2024-03-01T18:00:00Z',
      expectedEndDate: '2024-03',
      expectedDuration: 'PT2H',
      recurrence: {
        recurrenceDates: ['2024', '2024-04-01', '2024-05-01T18:00:00+02:00'],
        recurrenceRules: [{ frequency: 'monthly', interval: 1, until: '2024-12-31T23:59:59Z', count: 10 }],
      },
    },
    organiser: { name: 'Harbour Society' },
  },
  plannedCoverage: [
    {
      uri: 'https://wire.example.com/coverage/1',
      title: 'Photos of the evening',
      pubStatus: 'usable',
      type: 'picture',
      commissioned: { by: 'Picture desk', on: '2024-02-28T12:00:00Z', references: [{ name: 'PO', value: '1234' }] },
      dates: { expectedStartDate: '2024-03-01' },
      audiences: [{ audience: 'national', significance: 2 }],
      exclAudience: ['children'],
      edNote: 'Two photographers.',
      urgency: 1,
      language: 'en',
      itemCount: { rangeFrom: 5, rangeTo: 10 },
      wordCount: 0,
      renditions: [{ name: 'web' }],
    },
  ],
  objects: [{ name: 'Lamp', rel: 'about', uri: 'https://objects.example.com/lamp', literal: 'lamp' }],
  infoSources: [{ name: 'Harbour Society', role: 'source', uri: 'https://orgs.example.com/harbour', literal: 'hs', contactInfo: [{ value: 'x' }] }],
  title: 'Harbour lights',
  by: 'Maren Holt',
  slugline: 'harbour-lights',
  located: 'BERGEN',
  renditions: [
    {
      name: 'original',
      href: 'https://media.example.com/a.mp4',
      contentType: 'video/mp4',
      title: 'Original',
      width: 1920,
      height: 1080,
      sizeInBytes: 123456,
      duration: 12.5,
      format: 'mp4',
      aspectRatio: '16:9',
      videoCodec: 'h264',
      frameRate: 29.97,
      poi: { x: 10, y: 20 },
      transportProtocol: 'HLS',
      scanType: 'progressive',
      bitrate: '4000 kbps',
    },
  ],
  associations: [
    {
      name: 'mainpic',
      rel: 'illustrates',
      uri: 'https://wire.example.com/pictures/1',
      type: 'picture',
      associations: [{ name: 'source', uri: 'urn:example:raw:1' }],
      rightsInfo: { langId: 'http://www.w3.org/ns/odrl/2/', encodedRights: '{"permission":[]}' },
    },
  ],
  altIds: [{ role: 'internal', value: 'A-1' }],
  trustIndicators: [{ role: 'http://cv.iptc.org/newscodes/trustindicator/ethics', title: 'Ethics', href: 'https://example.com/ethics' }],
  standard: { name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#' },
  genres: [{ name: 'Feature', uri: 'INR', literal: 'feature' }],
  expires: '2025-01-01T00:00:00Z',
  rightsInfo: { linkedRights: 'https://wire.example.com/rights' },
  digitalSourceType: { name: 'Digital capture', uri: 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture', literal: 'capture' },
};

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A JSON value reached by any property path: what a test breaks on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests write wrong types into the document at will
type Loose = Record<string, any>;

/** The base document with one change applied. */
function changed(change: (doc: Loose) => void): unknown {
  const doc = clone(EVERY_PROPERTY) as Loose;
  change(doc);
  return doc;
}

function errorsOf(value: unknown): { path: string; message: string }[] {
  const result = validateNinjs(value);
  return result.ok ? [] : result.errors;
}

describe('validateNinjs accepts', () => {
  it('a document using every ninjs 3.1 property', () => {
    expect(errorsOf(EVERY_PROPERTY)).toEqual([]);
    const result = validateNinjs(EVERY_PROPERTY);
    expect(result.ok && result.item).toBe(EVERY_PROPERTY);
  });

  it('a document with only a uri (the one required property)', () => {
    expect(validateNinjs({ uri: 'urn:example:1' }).ok).toBe(true);
  });

  it('every fixture that is not named bad-, and the one that is bad only for the story reader', () => {
    const names = readdirSync(FIXTURES).filter((name) => name.endsWith('.json') && (!name.startsWith('bad-') || name === 'bad-version.json'));
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) expect([name, errorsOf(fixture(name))]).toEqual([name, []]);
  });

  it('what the schema leaves open: any genre uri string, associations without type, empty arrays, integral floats', () => {
    expect(errorsOf({ uri: 'urn:x:1', genres: [{ uri: 'not a uri at all' }] })).toEqual([]);
    expect(errorsOf({ uri: 'urn:x:1', associations: [{ name: 'a', uri: 'urn:x:2' }], headlines: [], bodies: [] })).toEqual([]);
    expect(errorsOf({ uri: 'urn:x:1', urgency: 3.0, renditions: [{ name: 'r', width: 10.0 }] })).toEqual([]);
  });
});

/** Each rule encoded from the schema, with a document that breaks it and the path the error must name. */
const BROKEN: [rule: string, value: unknown, path: string, message: RegExp][] = [
  ['the document is an object', ['uri'], '$', /must be a ninjs 3.1 item/],
  ['the document is not null', null, '$', /not null/],
  ['uri is required', changed((d) => delete d.uri), '$.uri', /is required/],
  ['uri is a string', changed((d) => (d.uri = 42)), '$.uri', /must be a string, not the number 42/],
  ['uri is absolute', changed((d) => (d.uri = '/items/1')), '$.uri', /absolute URI/],
  ['uri has no spaces', changed((d) => (d.uri = 'https://wire.example.com/items/a b')), '$.uri', /absolute URI/],
  ['uri has valid percent-encodings', changed((d) => (d.uri = 'https://wire.example.com/%zz')), '$.uri', /absolute URI/],
  ['unknown top-level property refused', changed((d) => (d.headline = 'x')), '$.headline', /not a ninjs 3.1 property; did you mean "headlines"/],
  ['ninjs 2.x lower-case names refused', changed((d) => (d.versioncreated = '2024-01-01T00:00:00Z')), '$.versioncreated', /did you mean "versionCreated"/],
  ['name and rel only on associations', changed((d) => (d.rel = 'x')), '$.rel', /not a ninjs 3.1 property/],
  ['type enum', changed((d) => (d.type = 'article')), '$.type', /must be one of "text", "audio".*not the string "article"/],
  ['representationType enum', changed((d) => (d.representationType = 'complete')), '$.representationType', /"full", "partial"/],
  ['version is a string', changed((d) => (d.version = 2)), '$.version', /must be a string, not the number 2/],
  ['firstCreated date-time needs a zone', changed((d) => (d.firstCreated = '2024-01-01T10:00:00')), '$.firstCreated', /RFC 3339/],
  ['versionCreated is a real date', changed((d) => (d.versionCreated = '2023-02-29T10:00:00Z')), '$.versionCreated', /real date/],
  ['contentCreated needs seconds', changed((d) => (d.contentCreated = '2024-01-01T10:00Z')), '$.contentCreated', /RFC 3339/],
  ['embargoedUntil is a date-time', changed((d) => (d.embargoedUntil = 'tomorrow')), '$.embargoedUntil', /RFC 3339/],
  ['expires is a date-time', changed((d) => (d.expires = '2024-13-01T00:00:00Z')), '$.expires', /RFC 3339/],
  ['pubStatus enum', changed((d) => (d.pubStatus = 'killed')), '$.pubStatus', /"usable", "withheld", "canceled"/],
  ['urgency at least 1', changed((d) => (d.urgency = 0)), '$.urgency', /at least 1/],
  ['urgency at most 9', changed((d) => (d.urgency = 10)), '$.urgency', /at most 9/],
  ['urgency is whole', changed((d) => (d.urgency = 2.5)), '$.urgency', /whole number/],
  ['copyrightNotice is a string', changed((d) => (d.copyrightNotice = ['©'])), '$.copyrightNotice', /must be a string, not an array/],
  ['copyrightHolder is a string', changed((d) => (d.copyrightHolder = {})), '$.copyrightHolder', /must be a string, not an object/],
  ['usageTerms is a string', changed((d) => (d.usageTerms = true)), '$.usageTerms', /must be a string, not true/],
  ['language is a string', changed((d) => (d.language = 1)), '$.language', /must be a string/],
  ['by is a string', changed((d) => (d.by = { name: 'A' })), '$.by', /must be a string/],
  ['located is a string', changed((d) => (d.located = null)), '$.located', /must be a string, not null/],
  ['title, slugline, profile, edNote are strings', changed((d) => (d.slugline = 3)), '$.slugline', /must be a string/],
  ['headlines is an array', changed((d) => (d.headlines = { value: 'x' })), '$.headlines', /must be an array, not an object/],
  ['a headline has a value', changed((d) => (d.headlines = [{ role: 'main' }])), '$.headlines[0].value', /is required \(a headline must have "value"\)/],
  ['a headline value is a string', changed((d) => (d.headlines[0].value = 42)), '$.headlines[0].value', /must be a string, not the number 42/],
  ['a headline has no other properties', changed((d) => (d.headlines[0].text = 'x')), '$.headlines[0].text', /a headline has only "role", "contentType", "value"/],
  ['a description has a value', changed((d) => (d.descriptions[1] = { role: 'summary' })), '$.descriptions[1].value', /is required/],
  ['a body charCount is whole', changed((d) => (d.bodies[0].charCount = 1.5)), '$.bodies[0].charCount', /whole number/],
  ['a body has no other properties', changed((d) => (d.bodies[0].format = 'html')), '$.bodies[0].format', /not allowed/],
  ['a subject is an object', changed((d) => (d.subjects = ['Heritage'])), '$.subjects[0]', /must be an object, not the string "Heritage"/],
  ['a subject uri is a URI', changed((d) => (d.subjects[0].uri = 'heritage')), '$.subjects[0].uri', /absolute URI/],
  ['subject relevance 0-100', changed((d) => (d.subjects[0].relevance = 101)), '$.subjects[0].relevance', /at most 100/],
  ['subject confidence 0-100', changed((d) => (d.subjects[0].confidence = -1)), '$.subjects[0].confidence', /at least 0/],
  ['a genre has no other properties', changed((d) => (d.genres[0].rel = 'x')), '$.genres[0].rel', /not allowed/],
  ['an association has a name', changed((d) => delete d.associations[0].name), '$.associations[0].name', /is required \(an association must have "name"\)/],
  ['an association has a uri', changed((d) => delete d.associations[0].uri), '$.associations[0].uri', /is required/],
  ['an association is a ninjs item', changed((d) => (d.associations[0].pubStatus = 'gone')), '$.associations[0].pubStatus', /must be one of/],
  ['an association has no unknown properties', changed((d) => (d.associations[0].caption = 'x')), '$.associations[0].caption', /not a ninjs 3.1 property/],
  [
    'nested rendition href is a URI',
    changed((d) => (d.associations[0].renditions = [{ name: 'a', href: 'https://x.example/a' }, { name: 'b', href: 'not a url' }])),
    '$.associations[0].renditions[1].href',
    /absolute URI/,
  ],
  ['associations inside associations are checked', changed((d) => (d.associations[0].associations[0].uri = 'x')), '$.associations[0].associations[0].uri', /absolute URI/],
  ['a rendition has a name', changed((d) => delete d.renditions[0].name), '$.renditions[0].name', /is required/],
  ['rendition width is whole', changed((d) => (d.renditions[0].width = '1920')), '$.renditions[0].width', /whole number, not the string "1920"/],
  ['rendition duration is a number', changed((d) => (d.renditions[0].duration = '12')), '$.renditions[0].duration', /must be a number/],
  ['rendition scanType enum', changed((d) => (d.renditions[0].scanType = 'mixed')), '$.renditions[0].scanType', /"progressive", "interlaced"/],
  ['rendition poi is whole', changed((d) => (d.renditions[0].poi.x = 0.5)), '$.renditions[0].poi.x', /whole number/],
  ['a rendition has no other properties', changed((d) => (d.renditions[0].url = 'https://x')), '$.renditions[0].url', /a rendition has only "name"/],
  ['rightsInfo needs linkedRights or encodedRights', changed((d) => (d.rightsInfo = { langId: 'http://www.w3.org/ns/odrl/2/' })), '$.rightsInfo', /either "linkedRights" or "encodedRights"/],
  ['rightsInfo has only one of them', changed((d) => (d.rightsInfo.encodedRights = '{}')), '$.rightsInfo', /only one of/],
  ['rightsInfo linkedRights is a URI', changed((d) => (d.rightsInfo.linkedRights = 'see our website')), '$.rightsInfo.linkedRights', /absolute URI/],
  ['standard has no other properties', changed((d) => (d.standard.url = 'x')), '$.standard.url', /a standard has only "name", "version", "schema"/],
  ['standard schema is a URI', changed((d) => (d.standard.schema = 'ninjs 3.1')), '$.standard.schema', /absolute URI/],
  ['standard version is a string', changed((d) => (d.standard.version = 3.1)), '$.standard.version', /must be a string/],
  ['contactInfo has value or address', changed((d) => (d.people[0].contactInfo[0].address = { lines: [] })), '$.people[0].contactInfo[0]', /only one of "value" and "address"/],
  ['contactInfo has one of them', changed((d) => (d.people[0].contactInfo[0] = { type: 'phone' })), '$.people[0].contactInfo[0]', /either "value" or "address"/],
  ['address lines are strings', changed((d) => (d.people[0].contactInfo[1].address.lines = [1])), '$.people[0].contactInfo[1].address.lines[0]', /must be a string/],
  ['organisation symbolType is a URI', changed((d) => (d.organisations[0].symbols[0].symbolType = 'ticker')), '$.organisations[0].symbols[0].symbolType', /absolute URI/],
  ['a place geoJSON is an object', changed((d) => (d.places[0].geoJSON = 'POINT(5 60)')), '$.places[0].geoJSON', /GeoJSON object/],
  ['a place geoJSON has a type', changed((d) => (d.places[0].geoJSON = { coordinates: [1, 2] })), '$.places[0].geoJSON', /string "type"/],
  ['event uri is a URI', changed((d) => (d.events[0].uri = 'relighting')), '$.events[0].uri', /absolute URI/],
  ['object uri is a URI', changed((d) => (d.objects[0].uri = 'lamp')), '$.objects[0].uri', /absolute URI/],
  ['infoSource uri is a URI', changed((d) => (d.infoSources[0].uri = 'society')), '$.infoSources[0].uri', /absolute URI/],
  ['eventStatus is a URI', changed((d) => (d.eventDetails.eventStatus = 'confirmed')), '$.eventDetails.eventStatus', /absolute URI/],
  ['event dates need a start or an end', changed((d) => (d.eventDetails.dates = { expectedDuration: 'PT1H' })), '$.eventDetails.dates', /must have a start/],
  ['event dates: not exact and expected together', changed((d) => (d.eventDetails.dates = { startDate: '2024-03-01T18:00:00Z', expectedStartDate: '2024-03-01' })), '$.eventDetails.dates', /not give both/],
  ['expected dates follow the truncated pattern', changed((d) => (d.eventDetails.dates.expectedEndDate = '03/2024')), '$.eventDetails.dates.expectedEndDate', /year, year-month/],
  ['recurrence dates follow the truncated pattern', changed((d) => (d.eventDetails.dates.recurrence.recurrenceDates[1] = '2024-4-1')), '$.eventDetails.dates.recurrence.recurrenceDates[1]', /year, year-month/],
  ['recurrence frequency enum', changed((d) => (d.eventDetails.dates.recurrence.recurrenceRules[0].frequency = 'fortnightly')), '$.eventDetails.dates.recurrence.recurrenceRules[0].frequency', /"secondly"/],
  ['planned coverage pubStatus enum', changed((d) => (d.plannedCoverage[0].pubStatus = 'ok')), '$.plannedCoverage[0].pubStatus', /must be one of/],
  ['planned coverage itemCount is whole', changed((d) => (d.plannedCoverage[0].itemCount.rangeFrom = '5')), '$.plannedCoverage[0].itemCount.rangeFrom', /whole number/],
  ['planned coverage commissioned on is a date-time', changed((d) => (d.plannedCoverage[0].commissioned.on = 'yesterday')), '$.plannedCoverage[0].commissioned.on', /RFC 3339/],
  ['planned coverage exclAudience holds strings', changed((d) => (d.plannedCoverage[0].exclAudience = [{}])), '$.plannedCoverage[0].exclAudience[0]', /must be a string/],
  ['altIds have no other properties', changed((d) => (d.altIds[0].id = 'x')), '$.altIds[0].id', /not allowed/],
  ['trustIndicator href is a URI', changed((d) => (d.trustIndicators[0].href = 'ethics page')), '$.trustIndicators[0].href', /absolute URI/],
  ['digitalSourceType uri is a URI', changed((d) => (d.digitalSourceType.uri = 'capture')), '$.digitalSourceType.uri', /absolute URI/],
  ['odd property names are quoted in the path', changed((d) => (d['x-custom field'] = 1)), '$["x-custom field"]', /not a ninjs 3.1 property/],
];

describe('validateNinjs refuses', () => {
  it.each(BROKEN)('%s', (_rule, value, path, message) => {
    const errors = errorsOf(value);
    expect(errors.length).toBeGreaterThan(0);
    const error = errors.find((candidate) => candidate.path === path);
    expect(error, `errors were ${JSON.stringify(errors)}`).toBeDefined();
    expect(error!.message).toMatch(message);
  });

  it('each bad- fixture, at the path it names', () => {
    expect(errorsOf(fixture('bad-nested-type.json'))[0]).toEqual({ path: '$.associations[0].renditions[1].width', message: 'must be a whole number, not the string "4800"' });
    expect(errorsOf(fixture('bad-unknown-property.json'))[0]?.path).toBe('$.headline');
    expect(errorsOf(fixture('bad-missing-uri.json'))[0]?.path).toBe('$.uri');
    expect(errorsOf(fixture('bad-invalid-date.json'))[0]?.path).toBe('$.versionCreated');
  });

  it('reports every problem, not only the first, and formats them with their path', () => {
    const errors = errorsOf({ type: 'story', headlines: [{}], extra: 1 });
    expect(errors.map(formatNinjsError)).toEqual([
      '$.uri: is required (a ninjs 3.1 item must have "uri")',
      '$.type: must be one of "text", "audio", "video", "picture", "graphic", "composite", "component", "event", "planning", not the string "story"',
      '$.headlines[0].value: is required (a headline must have "value")',
      '$.extra: is not a ninjs 3.1 property (a ninjs 3.1 item may not have "extra")',
    ]);
  });

  it(`stops at ${MAX_NINJS_ERRORS} errors`, () => {
    const doc: Record<string, unknown> = { uri: 'urn:x:1' };
    for (let i = 0; i < 500; i++) doc[`p${i}`] = i;
    expect(errorsOf(doc)).toHaveLength(MAX_NINJS_ERRORS);
  });

  it(`refuses associations nested more than ${MAX_NINJS_ASSOCIATION_DEPTH} deep, and does not overflow the stack on deeper ones`, () => {
    const nest = (levels: number) => {
      let item: Record<string, unknown> = { name: 'leaf', uri: 'urn:x:leaf' };
      for (let i = 1; i < levels; i++) item = { name: `level${i}`, uri: `urn:x:${i}`, associations: [item] };
      return { uri: 'urn:x:top', associations: [item] };
    };
    expect(errorsOf(nest(MAX_NINJS_ASSOCIATION_DEPTH))).toEqual([]);
    const errors = errorsOf(nest(MAX_NINJS_ASSOCIATION_DEPTH + 1));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/nested more than 32 levels/);
    expect(errors[0]!.path).toBe(`$${'.associations[0]'.repeat(MAX_NINJS_ASSOCIATION_DEPTH + 1)}`);
    expect(errorsOf(nest(100_000))).toHaveLength(1);
  });
});

describe('formats', () => {
  it('isUri follows RFC 3986', () => {
    for (const good of [
      'https://example.com',
      'http://a.example:8080/p/a/t/h?q=1&r%5B%5D=2#frag',
      'urn:newsroom:item:1',
      'mailto:desk@example.com',
      'http://[2001:db8::1]/x',
      'https://user:pw@example.com/%20a',
      'tag:example.com,2024:item/1',
      'x:',
    ]) {
      expect([good, isUri(good)]).toEqual([good, true]);
    }
    for (const bad of ['', '/relative', 'example.com/a', '//example.com', 'https://exa mple.com', 'https://example.com/ä', 'https://example.com/%2', 'http://[::1/x', 'https://a.example:80a/', 'https://a.example/<x>', '1http://a', 'http://a.example/a#b#c', 'http://a.example/?r[]=1']) {
      expect([bad, isUri(bad)]).toEqual([bad, false]);
    }
  });

  it('isDateTime follows RFC 3339 and the calendar', () => {
    for (const good of ['2024-02-29T00:00:00Z', '2024-05-01T09:30:00.123456+02:00', '2024-05-01t09:30:00z', '2016-12-31T23:59:60Z', '2017-01-01T00:59:60+01:00']) {
      expect([good, isDateTime(good)]).toEqual([good, true]);
    }
    for (const bad of ['2023-02-29T00:00:00Z', '2024-04-31T00:00:00Z', '2024-05-01 09:30:00Z', '2024-05-01T24:00:00Z', '2024-05-01T09:30:00', '2024-05-01T09:30Z', '2024-05-01T09:30:00+0200', '2024-05-01T09:30:60Z', '2024-05-01']) {
      expect([bad, isDateTime(bad)]).toEqual([bad, false]);
    }
    expect(dateTimeMillis('2024-05-01T09:30:00+02:00')).toBe(Date.UTC(2024, 4, 1, 7, 30));
    expect(dateTimeMillis('0099-01-01T00:00:00Z')).toBe(new Date('0099-01-01T00:00:00Z').getTime());
  });

  it('isTruncatedDateTime is the schema pattern', () => {
    for (const good of ['2024', '2024-05', '2024-05-01', '2024-05-01T09:30:00', '2024-05-01T09:30:00Z', '-0044-03-15']) expect(isTruncatedDateTime(good)).toBe(true);
    for (const bad of ['24', '2024-5', '2024-05-01T09:30', '2024-13']) expect(isTruncatedDateTime(bad)).toBe(false);
  });

  it('takes linear time on long hostile values', () => {
    const long = `https://example.com/${'a'.repeat(1_000_000)} `;
    const start = performance.now();
    expect(isUri(long)).toBe(false);
    expect(isUri(`https://${'@'.repeat(500_000)}`)).toBe(false);
    expect(isUri(`https://${'a:'.repeat(500_000)}`)).toBe(false);
    expect(isTruncatedDateTime(`1${'0'.repeat(1_000_000)}x`)).toBe(false);
    expect(isDateTime(`2024-05-01T09:30:00.${'1'.repeat(1_000_000)}`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
