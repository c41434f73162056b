import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateRichText } from '../rich-text/validate.js';
import { MAX_NINJS_BYTES, type NinjsParseOptions, type NinjsParseResult, type NinjsStory, parseNinjs } from './parse.js';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');
const NOW = new Date('2026-01-15T12:00:00Z');

function story(input: string | Uint8Array | object, options: NinjsParseOptions = { now: NOW }): NinjsStory {
  const result = parseNinjs(typeof input === 'object' && !(input instanceof Uint8Array) ? JSON.stringify(input) : input, options);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.story;
}

function refusal(input: string | Uint8Array | object) {
  const result: NinjsParseResult = parseNinjs(typeof input === 'object' && !(input instanceof Uint8Array) ? JSON.stringify(input) : input, { now: NOW });
  if (result.ok) throw new Error('accepted');
  return result.error;
}

const BASE = {
  uri: 'urn:example:item:1',
  type: 'text',
  version: '1',
  headlines: [{ value: 'A headline' }],
  bodies: [{ contentType: 'text/plain', value: 'A paragraph.' }],
};

describe('parseNinjs: the fixtures', () => {
  it('reads version 1 of a story', () => {
    expect(story(read('story-v1.json'))).toEqual({
      identity: { uri: 'https://wire.example.com/items/2025/harbour-lights', version: 1 },
      pubStatus: 'usable',
      headline: 'Harbour lights relit after two-year restoration',
      dek: 'The six lamps on the north pier shine again.',
      byline: { text: 'Maren Holt and Tobias Reyes' },
      authors: ['Maren Holt', 'Tobias Reyes'],
      dateline: { place: 'BERGEN', month: 11, day: 3, year: 2025 },
      paragraphs: [
        'The six cast-iron lamps on the north pier were lit again on Monday evening, two years after a storm toppled them.',
        'Volunteers from the harbour society rebuilt every lamp by hand, using drawings kept in the town archive.',
        '"We wanted them to look exactly as they did," said the society\'s chair.',
      ],
      body: expect.objectContaining({ root: expect.objectContaining({ type: 'root' }) }),
      tags: ['Maritime heritage', 'restoration', 'tourism', 'Feature'],
      language: 'en',
      copyrightNotice: 'Copyright 2025 Example Wire',
      usageTerms: 'For use by Example Wire subscribers only.',
      firstCreated: '2025-11-03T07:30:00.000Z',
      versionCreated: '2025-11-03T07:30:00.000Z',
    });
  });

  it('takes the HTML body, keeping its formatting in the rich text', () => {
    const { body } = story(read('story-v1.json'));
    expect(validateRichText(body).ok).toBe(true);
    expect(body.root.children[1]).toMatchObject({ type: 'paragraph', children: [{ text: 'Volunteers from the harbour society ' }, { text: 'rebuilt every lamp by hand', format: 2 }, { text: ', using drawings kept in the town archive.' }] });
  });

  it('gives v1, v2 and v3 of one item the same uri and increasing versions', () => {
    const [v1, v2, v3] = ['story-v1.json', 'story-v2.json', 'story-v3-canceled.json'].map((name) => story(read(name)));
    expect(new Set([v1!.identity.uri, v2!.identity.uri, v3!.identity.uri]).size).toBe(1);
    expect([v1!.identity.version, v2!.identity.version, v3!.identity.version]).toEqual([1, 2, 3]);
    expect(v2!.headline).toBe('Harbour lights relit after two-year restoration, society plans a seventh lamp');
    expect(v2!.paragraphs[2]).toBe('The society said on Tuesday it would add a seventh lamp at the end of the pier next spring.');
    expect(v2!.versionCreated).toBe('2025-11-03T11:05:00.000Z');
    expect(v3).toMatchObject({ pubStatus: 'canceled', paragraphs: [], authors: [], versionCreated: '2025-11-04T09:00:00.000Z' });
    expect(v3!.body.root.children).toEqual([]);
  });

  it('reads the embargo time', () => {
    expect(story(read('embargoed.json'))).toMatchObject({
      embargoedUntil: '2099-01-01T06:00:00.000Z',
      headline: 'City budget to fund three new libraries',
      authors: ['Nora Berg'],
      paragraphs: ['The city will build three new libraries under the budget presented on Thursday.', "The plan needs the council's approval in December."],
    });
  });

  it('keeps only text and allowed nodes from hostile HTML', () => {
    const hostile = story(read('hostile-html.json'));
    expect(hostile.headline).toBe('Council approves the tram plan');
    expect(hostile.paragraphs).toEqual([
      'The council voted 9 to 2 for the line.',
      'Read the plan, the map, the data and the vote.',
      'Text that looks like markup stays text: <script>alert(8)</script>',
      'Next steps',
      'We will start building in spring.\nIt opens in 2028.',
      'Six stops',
      'Two depots',
      'one north',
      'Inside a div struck italic',
      'Cell one',
      'Cell two',
    ]);
    expect(validateRichText(hostile.body).ok).toBe(true);
    const json = JSON.stringify(hostile.body);
    expect(json).not.toMatch(/onclick|onerror|onload|onmouseover|iframe|javascript|data:text|evil|color:red|"lead"|svg text|template text|framed text|object text|no script|Caption inside|steal|Send/i);
    expect(json.match(/"url":"[^"]*"/g)).toEqual(['"url":"https://council.example/vote?id=7&lang=en"']);
    // The body's <h1> repeats the headline: it is not kept as the first block.
    expect(hostile.body.root.children[0]).toMatchObject({ type: 'paragraph' });
    expect(hostile.dateline).toEqual({ place: 'AARHUS', month: 12, day: 1, year: 2025 });
    expect(hostile.firstCreated).toBe('2025-12-01T11:00:00.000Z');
  });

  it('reads the picture association into the photo and its rights', () => {
    const withPicture = story(read('with-picture.json'));
    expect(withPicture.photo).toEqual({
      uri: 'https://wire.example.com/pictures/2025/glacier-front',
      alt: 'Ice meeting a grey lake',
      caption: 'The front of the glacier seen from the lake on August 12.',
      creator: 'Jonas Lie',
      credit: 'Photo by Jonas Lie/Example Wire',
      copyright: '© 2025 Example Wire',
      copyrightHolder: 'Example Wire',
      usageTerms: 'Editorial use only. No archiving.',
      licenseUrl: 'https://wire.example.com/licensing/glacier-front',
      renditions: [
        { href: 'https://images.example.com/glacier-front/original.jpg', width: 4800, height: 3200, contentType: 'image/jpeg' },
        { href: 'https://images.example.com/glacier-front/preview.jpg', width: 1024, height: 683, contentType: 'image/jpeg' },
        { href: 'https://images.example.com/glacier-front/thumb.jpg', width: 320, height: 213, contentType: 'image/jpeg' },
      ],
    });
    expect(withPicture.byline).toEqual({ text: 'Sofie Brandvold, Example News Service', agency: 'Example News Service' });
    expect(withPicture.authors).toEqual(['Sofie Brandvold']);
    expect(withPicture.tags).toEqual(['Climate', 'Glaciers']);
  });

  it('reads a body without contentType as plain text when it holds no markup', () => {
    expect(story(read('plain-text.json'))).toMatchObject({
      identity: { uri: 'urn:example-wire:item:2025-ferry-timetable', version: 4 },
      paragraphs: ['Ferries to the outer islands will run four times a day from November.', 'The last departure leaves at 21:40, an hour earlier than in summer.'],
      dateline: { month: 10, day: 1, year: 2025 },
    });
  });

  it('refuses the bad fixtures with the path of the problem', () => {
    expect(refusal(read('bad-nested-type.json'))).toMatchObject({ code: 'invalid', path: '$.associations[0].renditions[1].width', message: 'must be a whole number, not the string "4800"' });
    expect(refusal(read('bad-unknown-property.json'))).toMatchObject({ code: 'invalid', path: '$.headline' });
    expect(refusal(read('bad-missing-uri.json'))).toMatchObject({ code: 'invalid', path: '$.uri', message: expect.stringMatching(/is required/) });
    expect(refusal(read('bad-invalid-date.json'))).toMatchObject({ code: 'invalid', path: '$.versionCreated', message: expect.stringMatching(/RFC 3339/) });
    expect(refusal(read('bad-version.json'))).toMatchObject({ code: 'unsupported', path: '$.version', message: expect.stringMatching(/"2b".*whole number/) });
    expect(refusal(read('bad-syntax.json'))).toMatchObject({ code: 'not-json', path: '$', line: 5, column: 1, message: expect.stringMatching(/^is not JSON: .*\(line 5, column 1\)$/) });
  });

  it('gives every accepted fixture a body the editor accepts', () => {
    for (const name of ['story-v1.json', 'story-v2.json', 'story-v3-canceled.json', 'embargoed.json', 'hostile-html.json', 'with-picture.json', 'plain-text.json']) {
      const check = validateRichText(story(read(name)).body);
      expect([name, check.ok]).toEqual([name, true]);
    }
  });
});

describe('parseNinjs: input', () => {
  it('reads UTF-8 bytes, with or without a BOM', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${JSON.stringify({ ...BASE, headlines: [{ value: 'Smørbrød à la carte' }] })}`);
    expect(story(bytes).headline).toBe('Smørbrød à la carte');
    expect(story(`\uFEFF${JSON.stringify(BASE)}`).headline).toBe('A headline');
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(refusal(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]))).toMatchObject({ code: 'not-utf8', path: '$' });
  });

  it(`refuses more than ${MAX_NINJS_BYTES} bytes before parsing`, () => {
    const padding = 'x'.repeat(MAX_NINJS_BYTES);
    expect(refusal(JSON.stringify({ ...BASE, edNote: padding }))).toMatchObject({ code: 'too-large', limit: MAX_NINJS_BYTES });
    expect(refusal(new Uint8Array(MAX_NINJS_BYTES + 1))).toMatchObject({ code: 'too-large' });
    // Counted in UTF-8: 700 Ki three-byte characters are over the limit though the string is shorter.
    expect(refusal(JSON.stringify({ ...BASE, edNote: '€'.repeat(700 * 1024) }))).toMatchObject({ code: 'too-large' });
    expect(story({ ...BASE, edNote: 'x'.repeat(MAX_NINJS_BYTES - 200) }).headline).toBe('A headline');
  });

  it('reports a JSON syntax error with its line and column', () => {
    expect(refusal('{\n  "uri": "urn:x:1",\n  "type": text\n}')).toMatchObject({ code: 'not-json', path: '$', line: 3, column: 11 });
    expect(refusal('')).toMatchObject({ code: 'not-json', message: expect.stringMatching(/JSON/) });
    expect(refusal('{"uri": "urn:x", "type": "text",')).toMatchObject({ code: 'not-json', message: expect.stringMatching(/JSON/) });
  });

  it('refuses a document that is valid JSON but not a ninjs object', () => {
    expect(refusal('[]')).toMatchObject({ code: 'invalid', path: '$' });
    expect(refusal('"text"')).toMatchObject({ code: 'invalid', path: '$' });
  });

  it('lists every validation problem, the first as the error', () => {
    const error = refusal({ ...BASE, pubStatus: 'killed', headlines: [{ value: 42 }] });
    expect(error).toMatchObject({ code: 'invalid', path: '$.headlines[0].value', message: 'must be a string, not the number 42 (and 1 more problem)' });
    expect(error.errors?.map((problem) => problem.path)).toEqual(['$.headlines[0].value', '$.pubStatus']);
  });

  it('refuses other ninjs major versions and types that are not stories', () => {
    expect(refusal({ ...BASE, standard: { name: 'ninjs', version: '2.1' } })).toMatchObject({ code: 'unsupported', path: '$.standard.version' });
    expect(story({ ...BASE, standard: { name: 'ninjs', version: '3.0' } }).headline).toBe('A headline');
    expect(refusal({ ...BASE, type: 'picture' })).toMatchObject({ code: 'unsupported', path: '$.type', message: expect.stringMatching(/"picture"/) });
    expect(story({ ...BASE, type: 'composite' }).headline).toBe('A headline');
    const { type: _type, ...untyped } = BASE;
    expect(story(untyped).headline).toBe('A headline');
  });

  it('never throws, whatever the input', () => {
    const inputs: (string | Uint8Array)[] = ['null', '0', 'true', '{}', '{"uri":1}', '{"uri":"urn:x:1","bodies":[{"value":"<p>"}]}', '\u0000', 'x'.repeat(10_000), new Uint8Array([0xef, 0xbb, 0xbf])];
    const base = JSON.stringify(BASE);
    for (let i = 0; i < 300; i++) {
      const at = (i * 7919) % base.length;
      inputs.push(base.slice(0, at) + String.fromCharCode(32 + ((i * 31) % 95)) + base.slice(at + 1));
    }
    for (const input of inputs) expect(() => parseNinjs(input)).not.toThrow();
  });
});

describe('parseNinjs: mapping', () => {
  it('compares versions as whole numbers; no version is version 1', () => {
    const { version: _version, ...unversioned } = BASE;
    expect(story(unversioned).identity).toEqual({ uri: 'urn:example:item:1', version: 1 });
    expect(story({ ...BASE, version: '0' }).identity.version).toBe(0);
    expect(story({ ...BASE, version: '010' }).identity.version).toBe(10);
    expect(story({ ...BASE, version: '1747301234567' }).identity.version).toBe(1747301234567);
    for (const version of ['1.2', '-1', ' 2', 'v2', '', '99999999999999999']) {
      expect([version, refusal({ ...BASE, version }).path]).toEqual([version, '$.version']);
    }
  });

  it('takes the main headline, without markup unless it is declared text/plain', () => {
    expect(story({ ...BASE, headlines: [{ role: 'sub', value: 'Sub' }, { role: 'main', value: 'Main' }] }).headline).toBe('Main');
    expect(story({ ...BASE, headlines: [{ role: 'sub', value: ' ' }, { role: 'short', value: 'First with text' }] }).headline).toBe('First with text');
    expect(story({ ...BASE, headlines: [{ value: 'Council <b>approves</b>\n the &amp; plan' }] }).headline).toBe('Council approves the & plan');
    expect(story({ ...BASE, headlines: [{ contentType: 'text/html', value: '<h1>A <i>b</i></h1><script>c</script>' }] }).headline).toBe('A b');
    expect(story({ ...BASE, headlines: [{ contentType: 'text/plain', value: 'Why <b> tags &amp; matter' }] }).headline).toBe('Why <b> tags &amp; matter');
  });

  it('needs a headline and a body, except from a canceled item', () => {
    expect(refusal({ ...BASE, headlines: [] })).toMatchObject({ code: 'no-headline', path: '$.headlines' });
    expect(refusal({ ...BASE, headlines: [{ value: '<p></p>' }] })).toMatchObject({ code: 'no-headline' });
    expect(refusal({ ...BASE, bodies: [] })).toMatchObject({ code: 'no-body', path: '$.bodies' });
    expect(refusal({ ...BASE, bodies: [{ contentType: 'application/nitf+xml', value: '<nitf/>' }] })).toMatchObject({ code: 'no-body' });
    expect(story({ ...BASE, pubStatus: 'canceled', headlines: [], bodies: [], title: 'Killed item' })).toMatchObject({ headline: 'Killed item', paragraphs: [] });
    expect(story({ uri: 'urn:x:killed', pubStatus: 'canceled' })).toMatchObject({ headline: '', paragraphs: [], pubStatus: 'canceled' });
  });

  it('prefers an HTML body, the main one first, and falls back to plain text', () => {
    const bodies = [
      { role: 'teaser', contentType: 'text/plain', value: 'Plain teaser.' },
      { role: 'extra', contentType: 'text/html', value: '<p>Extra HTML.</p>' },
      { role: 'main', contentType: 'text/html; charset=utf-8', value: '<p>Main HTML.</p>' },
      { role: 'main', contentType: 'application/xml', value: '<x>XML</x>' },
    ];
    expect(story({ ...BASE, bodies }).paragraphs).toEqual(['Main HTML.']);
    expect(story({ ...BASE, bodies: [{ contentType: 'application/xhtml+xml', value: '<p>XHTML.</p>' }] }).paragraphs).toEqual(['XHTML.']);
    expect(story({ ...BASE, bodies: [{ contentType: 'text/html', value: '<script>only()</script>' }, { contentType: 'text/plain', value: 'Fallback.' }] }).paragraphs).toEqual(['Fallback.']);
    expect(story({ ...BASE, bodies: [{ value: 'One.\n\nTwo <b>bold</b>.' }] }).paragraphs).toEqual(['One.', 'Two bold.']);
    expect(story({ ...BASE, bodies: [{ value: 'Line one.\nLine two.' }] }).paragraphs).toEqual(['Line one.', 'Line two.']);
    expect(story({ ...BASE, bodies: [{ contentType: 'text/plain', value: 'Wrapped\nline.\r\n\r\n<p>Not markup</p>' }] }).paragraphs).toEqual(['Wrapped line.', '<p>Not markup</p>']);
  });

  it('refuses a body too large for the editor, naming the body', () => {
    const html = `<p>${'<b>x</b><i>y</i>'.repeat(12_000)}</p>`;
    expect(refusal({ ...BASE, bodies: [{ contentType: 'text/html', value: html }] })).toMatchObject({ code: 'body-too-large', path: '$.bodies[0].value', message: expect.stringMatching(/more than 20000 nodes/) });
    expect(story({ ...BASE, bodies: [{ contentType: 'text/html', value: html }, { contentType: 'text/plain', value: 'Plain instead.' }] }).paragraphs).toEqual(['Plain instead.']);
  });

  it('reads by as a byline', () => {
    expect(story({ ...BASE, by: 'Ana Ruiz and Jun Seo' })).toMatchObject({ byline: { text: 'Ana Ruiz and Jun Seo' }, authors: ['Ana Ruiz', 'Jun Seo'] });
    expect(story({ ...BASE, by: 'By Ana Ruiz' })).toMatchObject({ byline: { text: 'Ana Ruiz' }, authors: ['Ana Ruiz'] });
    expect(story({ ...BASE, by: 'BY  Ana Ruiz' })).toMatchObject({ byline: { text: 'Ana Ruiz' }, authors: ['Ana Ruiz'] });
    expect(story({ ...BASE, by: 'the Associated Press' })).toMatchObject({ byline: { text: 'the Associated Press', agency: 'Associated Press' }, authors: [] });
    expect(story({ ...BASE, by: 'our science desk' })).toMatchObject({ byline: { text: 'our science desk' }, authors: [] });
    const none = story({ ...BASE, by: '  ' });
    expect([none.byline, none.authors]).toEqual([undefined, []]);
  });

  it('dates the dateline from firstCreated, else contentCreated, else versionCreated, else now (UTC)', () => {
    expect(story({ ...BASE, located: ' SEOUL ', firstCreated: '2025-03-01T23:30:00-05:00', contentCreated: '2020-01-01T00:00:00Z' }).dateline).toEqual({ place: 'SEOUL', month: 3, day: 2, year: 2025 });
    expect(story({ ...BASE, contentCreated: '2020-01-02T00:00:00Z', versionCreated: '2024-01-01T00:00:00Z' }).dateline).toEqual({ month: 1, day: 2, year: 2020 });
    expect(story({ ...BASE, versionCreated: '2024-07-04T12:00:00Z' }).dateline).toEqual({ month: 7, day: 4, year: 2024 });
    expect(story(BASE).dateline).toEqual({ month: 1, day: 15, year: 2026 });
    expect(story(BASE, { now: NOW, year: 2019 }).dateline).toEqual({ month: 1, day: 15, year: 2019 });
  });

  it('makes tags of subjects and genres', () => {
    const tags = story({
      ...BASE,
      subjects: [{ name: ' Ports ' }, { literal: 'shipping' }, { uri: 'http://cv.iptc.org/newscodes/mediatopic/20000002/' }, { name: 'ports' }, { uri: 'medtop:04000000' }, { uri: 'https://vocab.example.com/t#harbour%20life' }, {}],
      genres: [{ name: 'Analysis', uri: 'INR' }, { uri: 'INR' }],
    }).tags;
    expect(tags).toEqual(['Ports', 'shipping', '20000002', '04000000', 'harbour life', 'Analysis', 'INR']);
  });

  it('normalizes dates to UTC and passes rights and language through', () => {
    expect(
      story({ ...BASE, language: 'nb', copyrightNotice: ' © Example ', usageTerms: 'Terms.', embargoedUntil: '2030-01-01T01:00:00+01:00', versionCreated: '2024-01-01t00:00:00.5z' }),
    ).toMatchObject({ language: 'nb', copyrightNotice: '© Example', usageTerms: 'Terms.', embargoedUntil: '2030-01-01T00:00:00.000Z', versionCreated: '2024-01-01T00:00:00.500Z' });
    const bare = story(BASE);
    expect([bare.language, bare.copyrightNotice, bare.usageTerms, bare.embargoedUntil, bare.photo, bare.dek]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('picks the main picture among the associations', () => {
    const picture = (name: string, uri: string, extra: object = {}) => ({ name, uri, type: 'picture', ...extra });
    const photoOf = (associations: object[]) => story({ ...BASE, associations }).photo;
    expect(photoOf([picture('p1', 'urn:p:1'), picture('featureimage', 'urn:p:2')])?.uri).toBe('urn:p:2');
    expect(photoOf([picture('p1', 'urn:p:1'), picture('MAINPIC', 'urn:p:3')])?.uri).toBe('urn:p:3');
    expect(photoOf([{ name: 'video', uri: 'urn:v:1', type: 'video' }, picture('p1', 'urn:p:1')])?.uri).toBe('urn:p:1');
    expect(photoOf([{ name: 'graphic', uri: 'urn:g:1', type: 'graphic' }])).toBeUndefined();
    expect(photoOf([picture('p', 'urn:p:1')])).toEqual({ uri: 'urn:p:1', renditions: [] });
  });

  it('reads a picture’s caption, credit and rights', () => {
    const photoOf = (extra: object) => story({ ...BASE, associations: [{ name: 'mainpic', uri: 'urn:p:1', type: 'picture', ...extra }] }).photo;
    expect(photoOf({ descriptions: [{ value: 'First <i>description</i>' }], headlines: [{ value: 'Headline' }] })?.caption).toBe('First description');
    expect(photoOf({ headlines: [{ value: 'Only a headline' }] })?.caption).toBe('Only a headline');
    expect(photoOf({ descriptions: [{ role: 'alt', value: 'A tram, side view' }], headlines: [{ value: 'Tram' }] })).toMatchObject({ alt: 'A tram, side view', caption: 'Tram' });
    expect(photoOf({ by: 'Photo by Ana Ruiz/UPI' })).toMatchObject({ creator: 'Ana Ruiz', credit: 'Photo by Ana Ruiz/UPI' });
    expect(photoOf({ by: 'Karl Berg/TT' })).toMatchObject({ creator: 'Karl Berg', credit: 'Karl Berg/TT' });
    expect(photoOf({ by: 'Lea Moreau' })).toMatchObject({ creator: 'Lea Moreau', credit: 'Lea Moreau' });
    const agencyOnly = photoOf({ by: 'UPI Photo' });
    expect([agencyOnly?.creator, agencyOnly?.credit]).toEqual([undefined, 'UPI Photo']);
    expect(photoOf({ infoSources: [{ name: 'File Photo by Lea Moreau/UPI', role: 'credit' }] })).toMatchObject({ creator: 'Lea Moreau', credit: 'File Photo by Lea Moreau/UPI' });
    expect(photoOf({ rightsInfo: { linkedRights: 'urn:rights:1' } })?.licenseUrl).toBeUndefined();
    expect(photoOf({ rightsInfo: { encodedRights: '{"odrl":true}' } })).toMatchObject({ encodedRights: '{"odrl":true}' });
    expect(
      photoOf({
        renditions: [
          { name: 'a', href: 'https://i.example/a.jpg' },
          { name: 'b', href: 'https://i.example/b.jpg', width: 10, height: 10 },
          { name: 'c', href: 'data:image/png;base64,AAAA', width: 5000, height: 5000 },
          { name: 'd', href: 'http://i.example/d.jpg', width: 20, height: 5 },
        ],
      })?.renditions.map((rendition) => rendition.href),
    ).toEqual(['https://i.example/b.jpg', 'http://i.example/d.jpg', 'https://i.example/a.jpg']);
  });

  it('reads a 2 MiB hostile body within seconds', () => {
    const nested = `${'<div><blockquote><b>'.repeat(300)}${'<p>x</p>'.repeat(200_000)}`;
    const item = JSON.stringify({ ...BASE, bodies: [{ contentType: 'text/html', value: nested }] });
    expect(item.length).toBeLessThan(MAX_NINJS_BYTES);
    const start = performance.now();
    const result = parseNinjs(item);
    expect(performance.now() - start).toBeLessThan(15_000);
    expect(result.ok || result.error.code === 'body-too-large').toBe(true);
  });
});
