import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AP_MONTHS, resolveDatelineYear } from '../dateline.js';
import { MAX_WIRE_TEXT_BYTES, parseWireStory, parseWireStoryOrThrow, WireParseException, type WireParseResult } from './parse-wire-story.js';
import { readSeedBytes } from './fixtures/seed.js';

/** Joins lines with LF and no trailing newline, so every byte of a fixture is visible in the test. */
const wire = (...lines: string[]): string => lines.join('\n');

function storyOf(result: WireParseResult) {
  if (!result.ok) throw new Error(`expected a story, got ${result.error.code}: ${result.error.message}`);
  return result.story;
}

function errorOf(result: WireParseResult) {
  if (result.ok) throw new Error('expected a refusal, got a story');
  return result.error;
}

// The seed's sentences stay out of the repo; its caption and paragraphs are checked by SHA-256 prefix.
const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

describe('parseWireStory on the seed wire page', () => {
  const bytes = readSeedBytes();
  const text = new TextDecoder().decode(bytes);
  const story = storyOf(parseWireStory(text, { year: 2018 }));

  it('reads the headline', () => {
    expect(story.headline).toBe('Beijing: Inter-Korea liaison office a sign of progress');
  });

  it('reads the byline', () => {
    expect(story.authors).toEqual(['Elizabeth Shim']);
  });

  it('reads the photo: caption without its credit, the credit, its creator and the license link', () => {
    const { caption, ...rest } = story.photo ?? {};
    expect(rest).toEqual({
      credit: 'File Photo by Stephen Shaver/UPI',
      creator: 'Stephen Shaver',
      licenseOffered: true,
    });
    expect(caption?.startsWith("China's foreign ministry spokesman")).toBe(true);
    expect(caption?.endsWith('in Pyongyang.')).toBe(true);
    expect(sha(caption ?? '')).toBe('ec6910f71a44528b');
  });

  it('reads the dateline as data, with the year from options', () => {
    expect(story.dateline).toEqual({ month: 9, day: 17, year: 2018, agency: 'UPI' });
  });

  it('defaults the year to the latest year that does not put Sept. 17 after options.now', () => {
    const year = (now: string): number | undefined => storyOf(parseWireStory(text, { now: new Date(now) })).dateline.year;
    expect(year('2021-06-30T12:00:00Z')).toBe(2020);
    expect(year('2021-09-17T00:00:00Z')).toBe(2021);
    expect(year('2026-12-01T12:00:00Z')).toBe(2026);
  });

  it('defaults the year by that rule from the current date without options', () => {
    const before = resolveDatelineYear(9, 17, new Date());
    const year = storyOf(parseWireStory(text)).dateline.year;
    expect([before, resolveDatelineYear(9, 17, new Date())]).toContain(year);
  });

  it('reads the byline as printed, with no agency, and has no warnings', () => {
    expect(story.byline).toEqual({ text: 'Elizabeth Shim' });
    const result = parseWireStory(text, { year: 2018 });
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('reads exactly 11 paragraphs, the first without the dateline prefix', () => {
    expect(story.paragraphs.map(sha)).toEqual([
      '6687aebf5cfb45ef',
      '0d14a6546f56451d',
      '4591ccd10ca3387e',
      'f03f70c22238571d',
      '82d3199dca870fa2',
      '1895ddb2f6647c2a',
      'a32fed215da90407',
      '8f4332f794d88423',
      '12a8bc856e714b31',
      '3c126fb59daaf312',
      '24a69957c5c4453c',
    ]);
    expect(story.paragraphs[0]?.startsWith('China endorsed')).toBe(true);
    expect(story.paragraphs.some((paragraph) => /Sept\. 17 \(UPI\)|^Advertisement$|^Latest Headlines$/.test(paragraph))).toBe(false);
  });

  it('reads the ad positions: top, after paragraph 2, after paragraph 8', () => {
    expect(story.adPositions).toEqual([
      { placement: 'top' },
      { placement: 'after-paragraph', paragraph: 2 },
      { placement: 'after-paragraph', paragraph: 8 },
    ]);
  });

  it('sees the Latest Headlines marker', () => {
    expect(story.latestHeadlines).toBe(true);
  });

  it('reads the same story from the bytes, from CRLF text and from text with a BOM', () => {
    expect(storyOf(parseWireStory(bytes, { year: 2018 }))).toEqual(story);
    expect(storyOf(parseWireStory(text.replace(/\n/g, '\r\n'), { year: 2018 }))).toEqual(story);
    expect(storyOf(parseWireStory(`\uFEFF${text}`, { year: 2018 }))).toEqual(story);
  });
});

// Invented stories from here on.
const LIGHTHOUSE = wire(
  'Lighthouse keepers vote to keep the lamps lit',
  '',
  'By Marta Okafor and Daniel Reyes',
  'A keeper climbs the stairs of the Hallim light on Sunday. Photo by Jun Seo/UPI',
  '',
  'SEOUL, Oct. 2 (UPI) -- Keepers of the last staffed lighthouses on the southern coast voted on Tuesday to keep working through the winter.',
  '',
  'The vote was 41 to 3, their union said.',
  '',
  'The coast guard had planned to automate the lights by December.',
);

describe('parseWireStory on invented stories', () => {
  it('keeps the place of a city dateline and strips the dateline from the first paragraph', () => {
    const story = storyOf(parseWireStory(LIGHTHOUSE, { year: 2019 }));
    expect(story.dateline).toEqual({ place: 'SEOUL', month: 10, day: 2, year: 2019, agency: 'UPI' });
    expect(story.paragraphs).toEqual([
      'Keepers of the last staffed lighthouses on the southern coast voted on Tuesday to keep working through the winter.',
      'The vote was 41 to 3, their union said.',
      'The coast guard had planned to automate the lights by December.',
    ]);
    expect(story.adPositions).toEqual([]);
    expect(story.latestHeadlines).toBe(false);
  });

  it('keeps a place that itself contains a comma ("WASHINGTON, D.C.")', () => {
    const story = storyOf(
      parseWireStory(
        wire('Capital bakeries run out of rye', '', 'WASHINGTON, D.C., March 3 (UPI) -- Rye bread sold out across the city on Friday.'),
        { year: 2020 },
      ),
    );
    expect(story.dateline).toEqual({ place: 'WASHINGTON, D.C.', month: 3, day: 3, year: 2020, agency: 'UPI' });
    expect(story.paragraphs).toEqual(['Rye bread sold out across the city on Friday.']);
  });

  it.each(AP_MONTHS.map((month, index) => [month, index + 1] as const))('reads the AP month "%s" as %i', (month, number) => {
    const story = storyOf(
      parseWireStory(wire('Tide tables reprinted', '', `${month} 5 (UPI) -- The harbor office reprinted its tide tables.`), {
        year: 2022,
      }),
    );
    expect(story.dateline).toEqual({ month: number, day: 5, year: 2022, agency: 'UPI' });
    expect(story.paragraphs).toEqual(['The harbor office reprinted its tide tables.']);
  });

  it.each([
    ['Sep.', 9],
    ['Sept', 9],
    ['September', 9],
    ['Jan', 1],
  ] as const)('accepts the non-AP month form "%s" leniently', (month, number) => {
    const story = storyOf(parseWireStory(wire('Ferry timetable changes', '', `${month} 12 (UPI) -- Ferries will leave earlier.`), { year: 2022 }));
    expect(story.dateline.month).toBe(number);
  });

  it('reads a year printed in the dateline over the year option', () => {
    const story = storyOf(parseWireStory(wire('Old news resurfaces', '', 'Nov. 9, 1989 (UPI) -- Crowds gathered at the wall.'), { year: 2022 }));
    expect(story.dateline).toEqual({ month: 11, day: 9, year: 1989, agency: 'UPI' });
  });

  it('accepts an em dash after the dateline', () => {
    const story = storyOf(parseWireStory(wire('Kite festival opens', '', 'LIMA, Peru, Aug. 8 (AFP) — Hundreds of kites filled the sky.'), { year: 2022 }));
    expect(story.dateline).toEqual({ place: 'LIMA, Peru', month: 8, day: 8, year: 2022, agency: 'AFP' });
    expect(story.paragraphs).toEqual(['Hundreds of kites filled the sky.']);
  });

  it('reads two authors ("By A and B")', () => {
    expect(storyOf(parseWireStory(LIGHTHOUSE, { year: 2019 })).authors).toEqual(['Marta Okafor', 'Daniel Reyes']);
  });

  it('reads three authors ("By A, B and C")', () => {
    const story = storyOf(
      parseWireStory(
        wire('Orchard harvest breaks record', '', 'By Ines Varga, Tomas Lind and Ruth Adeyemi', '', 'Oct. 14 (UPI) -- Apple growers picked more fruit than ever.'),
        { year: 2022 },
      ),
    );
    expect(story.authors).toEqual(['Ines Varga', 'Tomas Lind', 'Ruth Adeyemi']);
  });

  it('reads a story without a byline as having no authors', () => {
    const story = storyOf(parseWireStory(wire('Snow closes mountain pass', '', 'Jan. 3 (UPI) -- The pass closed at noon.'), { year: 2022 }));
    expect(story.authors).toEqual([]);
    expect(story.headline).toBe('Snow closes mountain pass');
  });

  it('leaves photo out when the story has none', () => {
    const story = storyOf(parseWireStory(wire('Snow closes mountain pass', '', 'Jan. 3 (UPI) -- The pass closed at noon.'), { year: 2022 }));
    expect('photo' in story).toBe(false);
  });

  it('reads a "Photo by" credit and no license link', () => {
    const story = storyOf(parseWireStory(LIGHTHOUSE, { year: 2019 }));
    expect(story.photo).toEqual({
      caption: 'A keeper climbs the stairs of the Hallim light on Sunday.',
      credit: 'Photo by Jun Seo/UPI',
      creator: 'Jun Seo',
      licenseOffered: false,
    });
  });

  it('reads a "File Photo by" caption that is repeated with a license link, after a byline with no blank line', () => {
    const story = storyOf(
      parseWireStory(
        wire(
          'Night trains return to the northern line',
          '',
          'By Oskar Brandt',
          'A sleeper car waits at the depot in March. File Photo by Lea Moreau/UPI',
          'A sleeper car waits at the depot in March. File Photo by Lea Moreau/UPI | License Photo',
          '',
          'April 30 (UPI) -- Overnight trains will run again from June.',
        ),
        { year: 2022 },
      ),
    );
    expect(story.authors).toEqual(['Oskar Brandt']);
    expect(story.photo).toEqual({
      caption: 'A sleeper car waits at the depot in March.',
      credit: 'File Photo by Lea Moreau/UPI',
      creator: 'Lea Moreau',
      licenseOffered: true,
    });
    expect(story.paragraphs).toEqual(['Overnight trains will run again from June.']);
  });

  it('keeps straight and curly quotes exactly as given', () => {
    const story = storyOf(
      parseWireStory(
        wire(
          'Mayor calls bridge “a gift” to the city',
          '',
          'May 6 (UPI) -- “It’s a gift,” the mayor said of the bridge.',
          '',
          '"It\'s late," a resident said, \'but welcome.\'',
        ),
        { year: 2022 },
      ),
    );
    expect(story.headline).toBe('Mayor calls bridge “a gift” to the city');
    expect(story.paragraphs).toEqual(['“It’s a gift,” the mayor said of the bridge.', '"It\'s late," a resident said, \'but welcome.\'']);
  });

  it('reads CRLF line endings like LF', () => {
    expect(parseWireStory(LIGHTHOUSE.replace(/\n/g, '\r\n'), { year: 2019 })).toEqual(parseWireStory(LIGHTHOUSE, { year: 2019 }));
  });

  it('drops a UTF-8 byte order mark, in text and in bytes', () => {
    const expected = parseWireStory(LIGHTHOUSE, { year: 2019 });
    expect(parseWireStory(`\uFEFF${LIGHTHOUSE}`, { year: 2019 })).toEqual(expected);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(LIGHTHOUSE)]);
    expect(parseWireStory(bytes, { year: 2019 })).toEqual(expected);
    expect(storyOf(expected).headline).toBe('Lighthouse keepers vote to keep the lamps lit');
  });

  it('keeps text that looks like HTML verbatim, as plain text', () => {
    const story = storyOf(
      parseWireStory(
        wire(
          'Hackers post <script>alert(1)</script> on <b>council</b> site',
          '',
          'June 9 (UPI) -- The page showed <script>alert(1)</script> and a <b>bold</b> claim & more.',
          '',
          '<p>Officials said</p> &amp; nothing else.',
        ),
        { year: 2022 },
      ),
    );
    expect(story.headline).toBe('Hackers post <script>alert(1)</script> on <b>council</b> site');
    expect(story.paragraphs).toEqual([
      'The page showed <script>alert(1)</script> and a <b>bold</b> claim & more.',
      '<p>Officials said</p> &amp; nothing else.',
    ]);
  });

  it('drops an "Advertisement" after the last paragraph and merges doubled markers', () => {
    const story = storyOf(
      parseWireStory(
        wire(
          'Advertisement',
          'Advertisement',
          '',
          'Library extends opening hours',
          '',
          'Dec. 1 (UPI) -- The central library will open until 10 p.m.',
          '',
          'Advertisement',
          '',
          'Advertisement',
          '',
          'Staff agreed to the change last week.',
          '',
          'Advertisement',
          '',
          'Latest Headlines',
        ),
        { year: 2022 },
      ),
    );
    expect(story.adPositions).toEqual([{ placement: 'top' }, { placement: 'after-paragraph', paragraph: 1 }]);
    expect(story.paragraphs).toEqual(['The central library will open until 10 p.m.', 'Staff agreed to the change last week.']);
    expect(story.latestHeadlines).toBe(true);
  });

  it('treats an "Advertisement" between the header and the dateline paragraph as the top slot', () => {
    const story = storyOf(parseWireStory(wire('Port strike ends', '', 'By Nia Holm', '', 'Advertisement', '', 'July 2 (UPI) -- Dock workers returned.'), { year: 2022 }));
    expect(story.adPositions).toEqual([{ placement: 'top' }]);
  });

  it('joins a hard-wrapped paragraph with single spaces', () => {
    const story = storyOf(
      parseWireStory(wire('Canal reopens', '', 'Feb. 2 (UPI) -- The canal reopened', 'to barges on Thursday', 'after repairs.', '', 'Tolls are unchanged.'), { year: 2022 }),
    );
    expect(story.paragraphs).toEqual(['The canal reopened to barges on Thursday after repairs.', 'Tolls are unchanged.']);
  });

  it('ignores the headline rail after "Latest Headlines"', () => {
    const story = storyOf(
      parseWireStory(wire('Canal reopens', '', 'Feb. 2 (UPI) -- The canal reopened.', '', 'Latest Headlines', 'Some other story', '', 'Yet another story'), { year: 2022 }),
    );
    expect(story.paragraphs).toEqual(['The canal reopened.']);
    expect(story.latestHeadlines).toBe(true);
  });

  it('reads a bare "| License Photo" line as the license link of the photo above it', () => {
    const story = storyOf(
      parseWireStory(wire('Port strike ends', '', 'Dock workers at the gate. UPI Photo', '| License Photo', '', 'July 2 (UPI) -- Dock workers returned.'), { year: 2022 }),
    );
    expect(story.photo).toEqual({ caption: 'Dock workers at the gate.', credit: 'UPI Photo', licenseOffered: true });
  });

  it('takes a byline-shaped first line as the headline when a real byline follows', () => {
    const story = storyOf(parseWireStory(wire('By Land and Sea', '', 'By Ana Ruiz', '', 'March 8 (UPI) -- Two expeditions set out.'), { year: 2022 }));
    expect(story.headline).toBe('By Land and Sea');
    expect(story.authors).toEqual(['Ana Ruiz']);
  });
});

describe('parseWireStory refusals', () => {
  it.each([[''], ['   '], ['\n\n\t\r\n  \n']])('refuses empty or whitespace-only input %j', (input) => {
    expect(errorOf(parseWireStory(input))).toEqual({
      code: 'empty',
      message: 'the input is empty — expected a headline, a dateline paragraph and a body',
    });
  });

  it('refuses an empty byte array and a lone BOM as empty', () => {
    expect(errorOf(parseWireStory(new Uint8Array())).code).toBe('empty');
    expect(errorOf(parseWireStory(new Uint8Array([0xef, 0xbb, 0xbf]))).code).toBe('empty');
  });

  it('removes a stray NUL character with a warning, naming the line', () => {
    const result = parseWireStory(wire('Headline', '', 'Jan. 3 (UPI) -- A\u0000B'), { year: 2024 });
    expect(storyOf(result).paragraphs).toEqual(['AB']);
    expect(result.ok && result.warnings).toEqual([
      {
        code: 'control-characters',
        line: 3,
        count: 1,
        message:
          'line 3: removed 1 character that is not allowed in HTML or XML text (control characters, noncharacters or unpaired surrogates), the first of them (U+0000) on this line',
      },
    ]);
  });

  it('refuses text that is mostly NUL characters (UTF-16 read as UTF-8) as binary', () => {
    const utf16 = new Uint8Array([...'Headline\n\nJan. 3 (UPI) -- A dog.'].flatMap((character) => [character.charCodeAt(0), 0]));
    expect(errorOf(parseWireStory(utf16))).toMatchObject({ code: 'binary', line: 1 });
  });

  it('refuses invalid UTF-8 bytes as binary, naming the line and the byte', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Headline\n\nJan. 3 (UPI) -- caf'), 0xe9, 0x21]);
    expect(errorOf(parseWireStory(bytes))).toEqual({
      code: 'binary',
      line: 3,
      message: 'line 3: the input is not UTF-8 text — invalid byte 0xE9 at offset 29',
    });
  });

  it('refuses a PNG header as binary', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(errorOf(parseWireStory(png))).toMatchObject({ code: 'binary', line: 1 });
  });

  it('refuses text that is mostly control characters as binary', () => {
    expect(errorOf(parseWireStory('\u0001\u0002\u0003ab\u0004\u0005\n\u0006'))).toEqual({
      code: 'binary',
      line: 1,
      message: 'line 1: the input is binary, not text — 6 of its 8 visible characters are control characters',
    });
  });

  it('refuses a story whose first line of text is the dateline paragraph', () => {
    expect(errorOf(parseWireStory(wire('Advertisement', '', 'Jan. 3 (UPI) -- The pass closed at noon.')))).toEqual({
      code: 'no-headline',
      line: 3,
      message:
        'line 3: no headline found — the first line of text is the dateline paragraph "Jan. 3 (UPI) -- The pass closed at noon."; expected the headline on its own line above it',
    });
  });

  it('refuses a story whose first line of text is a byline', () => {
    expect(errorOf(parseWireStory(wire('By Nia Holm', '', 'Jan. 3 (UPI) -- The pass closed.')))).toMatchObject({ code: 'no-headline', line: 1 });
  });

  it('refuses input holding only ad markers as having no headline', () => {
    expect(errorOf(parseWireStory(wire('Advertisement', '', 'Advertisement')))).toEqual({
      code: 'no-headline',
      message: 'no headline found — the input holds only "Advertisement" markers',
    });
  });

  it('refuses a story with no dateline paragraph, naming the line where one was expected', () => {
    expect(errorOf(parseWireStory(wire('Snow closes mountain pass', '', 'By Nia Holm', '', 'The pass closed at noon.', '', 'It may reopen Friday.')))).toEqual({
      code: 'no-dateline',
      line: 5,
      message:
        'line 5: no dateline paragraph found — expected a paragraph starting like "Sept. 17 (UPI) --" or "SEOUL, Oct. 2 (UPI) --", found "The pass closed at noon."',
    });
  });

  it('refuses a story that ends after its header', () => {
    expect(errorOf(parseWireStory(wire('Snow closes mountain pass', '', 'By Nia Holm', '', 'Latest Headlines')))).toEqual({
      code: 'no-dateline',
      line: 5,
      message:
        'line 5: no dateline paragraph found — the story ends after its header; expected a paragraph starting like "Sept. 17 (UPI) --" or "SEOUL, Oct. 2 (UPI) --"',
    });
  });

  it('refuses an impossible date (Feb. 31) with its line', () => {
    expect(errorOf(parseWireStory(wire('Leap day party', '', 'Feb. 31 (UPI) -- Guests arrived.'), { year: 2024 }))).toEqual({
      code: 'invalid',
      line: 3,
      message: 'line 3: the dateline date "Feb. 31" does not exist in 2024',
    });
  });

  it('accepts Feb. 29 in a leap year and refuses it in other years', () => {
    const text = wire('Leap day party', '', 'Feb. 29 (UPI) -- Guests arrived.');
    expect(storyOf(parseWireStory(text, { year: 2024 })).dateline).toEqual({ month: 2, day: 29, year: 2024, agency: 'UPI' });
    expect(errorOf(parseWireStory(text, { year: 2023 }))).toMatchObject({ code: 'invalid', line: 3 });
  });

  it('refuses an unknown month word with its line', () => {
    expect(errorOf(parseWireStory(wire('Harvest fair', '', 'Septembre 4 (UPI) -- Farmers gathered.'), { year: 2024 }))).toEqual({
      code: 'invalid',
      line: 3,
      message: 'line 3: "Septembre" in the dateline is not a month — expected Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.',
    });
  });

  it('refuses unexpected text between the header and the dateline paragraph', () => {
    expect(errorOf(parseWireStory(wire('Harvest fair', '', 'A stray subtitle', '', 'Sept. 4 (UPI) -- Farmers gathered.')))).toEqual({
      code: 'invalid',
      line: 3,
      message:
        'line 3: unexpected text "A stray subtitle" before the dateline paragraph on line 5 — only a byline ("By …"), a photo caption ending in its credit, or "Advertisement" may sit between the headline and the dateline paragraph',
    });
  });

  it('refuses a second, different photo caption', () => {
    const text = wire('Harvest fair', '', 'Farmers sort apples. Photo by Ana Ruiz/UPI', 'A tractor parade. Photo by Ana Ruiz/UPI', '', 'Sept. 4 (UPI) -- Farmers gathered.');
    expect(errorOf(parseWireStory(text))).toMatchObject({ code: 'invalid', line: 4 });
  });

  it('refuses a "License Photo" link with no photo caption above it', () => {
    expect(errorOf(parseWireStory(wire('Port strike ends', '', 'License Photo', '', 'July 2 (UPI) -- Dock workers returned.')))).toEqual({
      code: 'invalid',
      line: 3,
      message: 'line 3: a "License Photo" link with no photo caption above it',
    });
  });

  it('removes an unpaired surrogate with a warning', () => {
    const result = parseWireStory(wire('Port strike ends', '', 'July 2 (UPI) -- Dock \uD800workers returned.'), { year: 2024 });
    expect(storyOf(result).paragraphs).toEqual(['Dock workers returned.']);
    expect(result.ok && result.warnings).toMatchObject([{ code: 'control-characters', line: 3, count: 1 }]);
  });

  it('refuses a dateline with no text after it', () => {
    expect(errorOf(parseWireStory(wire('Harvest fair', '', 'Sept. 4 (UPI) --')))).toEqual({
      code: 'invalid',
      line: 3,
      message: 'line 3: the dateline paragraph has no text after "Sept. 4 (UPI) --"',
    });
  });

  it('throws RangeError for an invalid year option rather than blaming the input', () => {
    expect(() => parseWireStory(LIGHTHOUSE, { year: 2019.5 })).toThrow(RangeError);
    expect(() => parseWireStory(LIGHTHOUSE, { now: new Date('not a date') })).toThrow(RangeError);
  });
});

describe('parseWireStory bylines', () => {
  const withByline = (byline: string): string => wire('Ferry service resumes', '', byline, '', 'May 4 (UPI) -- The ferry sailed at dawn.');
  const read = (byline: string) => storyOf(parseWireStory(withByline(byline), { year: 2025 }));

  it.each([
    ['By the Associated Press', [], { text: 'the Associated Press', agency: 'Associated Press' }],
    ['By UPI Staff', [], { text: 'UPI Staff', agency: 'UPI' }],
    ['By Elizabeth Shim, UPI', ['Elizabeth Shim'], { text: 'Elizabeth Shim, UPI', agency: 'UPI' }],
    ['By Jane Roe, UPI Correspondent', ['Jane Roe'], { text: 'Jane Roe, UPI Correspondent', agency: 'UPI' }],
    ['By 김민지', ['김민지'], { text: '김민지' }],
    ['By Иван Петров and Анна Смирнова', ['Иван Петров', 'Анна Смирнова'], { text: 'Иван Петров and Анна Смирнова' }],
    ['By محمد علي', ['محمد علي'], { text: 'محمد علي' }],
    ['By 王小明', ['王小明'], { text: '王小明' }],
    ['By Dr. Jane Roe Jr.', ['Dr. Jane Roe Jr.'], { text: 'Dr. Jane Roe Jr.' }],
    ['By A, B and C', ['A', 'B', 'C'], { text: 'A, B and C' }],
  ])('reads %j into authors and the byline', (line, authors, byline) => {
    const story = read(line);
    expect(story.authors).toEqual(authors);
    expect(story.byline).toEqual(byline);
  });

  it.each(['By <b>Jane</b>', 'By the end of the week, the river had risen.', 'By Jane Roe, 42, and her sister'])(
    'keeps %j as text with no authors and a warning, rather than refusing it',
    (line) => {
      const result = parseWireStory(withByline(line), { year: 2025 });
      const story = storyOf(result);
      expect(story.authors).toEqual([]);
      expect(story.byline).toEqual({ text: line.slice(3) });
      expect(result.ok && result.warnings).toEqual([
        {
          code: 'byline-as-text',
          line: 3,
          message: `line 3: the byline "${line.length > 60 ? `${line.slice(0, 57)}…` : line}" names no one the importer recognises, so it is kept as printed and the story has no authors`,
        },
      ]);
    },
  );

  it('leaves the byline out when the copy has none', () => {
    expect('byline' in storyOf(parseWireStory(wire('Snow closes pass', '', 'Jan. 3 (UPI) -- It closed.'), { year: 2025 }))).toBe(false);
  });

  it('accepts a byline repeated with other spacing, and refuses a second, different one', () => {
    expect(storyOf(parseWireStory(wire('Ferry service resumes', 'By Ana Ruiz', 'By  Ana Ruiz', '', 'May 4 (UPI) -- It sailed.'), { year: 2025 })).authors).toEqual(['Ana Ruiz']);
    expect(errorOf(parseWireStory(wire('Ferry service resumes', 'By Ana Ruiz', 'By UPI Staff', '', 'May 4 (UPI) -- It sailed.'), { year: 2025 }))).toEqual({
      code: 'invalid',
      line: 3,
      message: 'line 3: a second, different byline "By UPI Staff" — a story carries one byline',
    });
  });

  it('takes a first line starting "By" that names no one as the headline', () => {
    const story = storyOf(parseWireStory(wire('By the numbers: a record harvest', '', 'By Ana Ruiz', '', 'Oct. 1 (UPI) -- Farmers counted.'), { year: 2025 }));
    expect(story.headline).toBe('By the numbers: a record harvest');
    expect(story.authors).toEqual(['Ana Ruiz']);
  });

  it('refuses a first line that is an agency byline, unless another "By" line follows', () => {
    expect(errorOf(parseWireStory(wire('By the Associated Press', '', 'Oct. 1 (AP) -- Farmers counted.')))).toMatchObject({ code: 'no-headline', line: 1 });
    const story = storyOf(parseWireStory(wire('By Reuters', 'By the end of the week', '', 'Oct. 1 (AP) -- Farmers counted.'), { year: 2025 }));
    expect([story.headline, story.byline]).toEqual(['By Reuters', { text: 'the end of the week' }]);
  });

  it('reads a byline of 100,000 spaces and a name in linear time', () => {
    const line = `By${' '.repeat(100_000)}Ana${' '.repeat(100_000)}Ruiz`;
    let result: WireParseResult | undefined;
    expect(elapsedMs(() => (result = parseWireStory(withByline(line), { year: 2025 })))).toBeLessThan(1000);
    expect(storyOf(result!).authors).toEqual([`Ana${' '.repeat(100_000)}Ruiz`]);
  });
});

describe('parseWireStory dateline year', () => {
  const dated = (dateline: string): string => wire('Harbor lights relit', '', `${dateline} (UPI) -- The lights came back on.`);
  const yearOf = (dateline: string, now: string): number | undefined =>
    storyOf(parseWireStory(dated(dateline), { now: new Date(now) })).dateline.year;

  it('reads today as this year and tomorrow as last year', () => {
    expect(yearOf('Dec. 1', '2026-12-01T10:00:00Z')).toBe(2026);
    expect(yearOf('Dec. 2', '2026-12-01T10:00:00Z')).toBe(2025);
    expect(yearOf('Dec. 31', '2026-12-01T10:00:00Z')).toBe(2025);
    expect(yearOf('Jan. 1', '2027-01-01T00:00:00Z')).toBe(2027);
  });

  it('reads Feb. 29 without a year as the last leap day on or before today', () => {
    expect(yearOf('Feb. 29', '2026-12-01T10:00:00Z')).toBe(2024);
    expect(yearOf('Feb. 29', '2028-02-29T10:00:00Z')).toBe(2028);
    expect(yearOf('Feb. 29', '2028-02-28T10:00:00Z')).toBe(2024);
    expect(yearOf('Feb. 29', '2100-03-01T10:00:00Z')).toBe(2096);
  });

  it('lets the year option override the rule, even for a date after now', () => {
    const story = storyOf(parseWireStory(dated('Dec. 31'), { year: 2026, now: new Date('2026-12-01T10:00:00Z') }));
    expect(story.dateline.year).toBe(2026);
  });

  it('refuses Feb. 29 in a year option that is not a leap year, saying so', () => {
    expect(errorOf(parseWireStory(dated('Feb. 29'), { year: 2026 }))).toEqual({
      code: 'invalid',
      line: 3,
      message: 'line 3: the dateline date "Feb. 29" does not exist in 2026, which is not a leap year',
    });
  });

  it('refuses a date no year has, without naming a year it was not given', () => {
    expect(errorOf(parseWireStory(dated('Feb. 30'), { now: new Date('2026-12-01T10:00:00Z') }))).toEqual({
      code: 'invalid',
      line: 3,
      message: 'line 3: the dateline date "Feb. 30" does not exist',
    });
    expect(errorOf(parseWireStory(dated('April 31')))).toMatchObject({ code: 'invalid', line: 3 });
  });

  it('keeps a year printed in the dateline, whatever now is', () => {
    expect(yearOf('Feb. 29, 2000', '2026-12-01T10:00:00Z')).toBe(2000);
    expect(errorOf(parseWireStory(dated('Feb. 29, 1900')))).toMatchObject({ code: 'invalid', message: 'line 3: the dateline date "Feb. 29" does not exist in 1900, which is not a leap year' });
  });
});

describe('parseWireStory control characters', () => {
  it('removes a form feed and a NUL from a paragraph, with one warning that counts them and names the first line', () => {
    const text = wire('Ferry service resumes', '', 'May 4 (UPI) -- The ferry sailed\fat dawn.', '', 'Its crew\u0000 cheered.');
    const result = parseWireStory(text, { year: 2025 });
    expect(storyOf(result).paragraphs).toEqual(['The ferry sailed at dawn.', 'Its crew cheered.']);
    expect(result.ok && result.warnings).toEqual([
      {
        code: 'control-characters',
        line: 3,
        count: 2,
        message:
          'line 3: removed 2 characters that are not allowed in HTML or XML text (control characters, noncharacters or unpaired surrogates), the first of them (U+000C) on this line',
      },
    ]);
  });

  it('removes them from the headline, byline and caption too, in text and in bytes', () => {
    const text = wire('Ferry\u0007 service resumes', '', 'By Ana\u001b Ruiz', 'The ferry at dawn.\u0085 Photo by Jun Seo/UPI', '', 'May 4 (UPI) -- It sailed\u0080.');
    for (const input of [text, new TextEncoder().encode(text)]) {
      const result = parseWireStory(input, { year: 2025 });
      const story = storyOf(result);
      expect([story.headline, story.authors, story.photo?.caption, story.paragraphs]).toEqual([
        'Ferry service resumes',
        ['Ana Ruiz'],
        'The ferry at dawn.',
        ['It sailed.'],
      ]);
      expect(result.ok && result.warnings).toMatchObject([{ code: 'control-characters', line: 1, count: 4 }]);
    }
  });

  it('keeps tabs and reads a line holding only a form feed as a blank line', () => {
    const story = storyOf(parseWireStory(wire('Ferry service resumes', '', 'May 4 (UPI) -- It\tsailed.', '\f', 'Crowds cheered.'), { year: 2025 }));
    expect(story.paragraphs).toEqual(['It\tsailed.', 'Crowds cheered.']);
  });

  it('still refuses text that is mostly control characters as binary', () => {
    expect(errorOf(parseWireStory(wire('Ferry', '', `May 4 (UPI) -- ${'\u0001\f'.repeat(20)}`)))).toMatchObject({ code: 'binary', line: 3 });
  });
});

describe('parseWireStoryOrThrow', () => {
  it('returns the story', () => {
    expect(parseWireStoryOrThrow(LIGHTHOUSE, { year: 2019 }).headline).toBe('Lighthouse keepers vote to keep the lamps lit');
  });

  it('throws a WireParseException carrying the code and line', () => {
    let caught: unknown;
    try {
      parseWireStoryOrThrow(wire('Leap day party', '', 'Feb. 30 (UPI) -- Guests arrived.'), { year: 2024 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WireParseException);
    expect(caught).toBeInstanceOf(Error);
    const exception = caught as WireParseException;
    expect([exception.name, exception.code, exception.line, exception.message]).toEqual([
      'WireParseException',
      'invalid',
      3,
      'line 3: the dateline date "Feb. 30" does not exist in 2024',
    ]);
  });
});

describe('parseWireStory size limit', () => {
  const KIB = 1024;
  /** The invented story padded with one long last paragraph to exactly `bytes` bytes of UTF-8 (ASCII padding). */
  const paddedTo = (bytes: number): string => {
    const head = `${LIGHTHOUSE}\n\n`;
    return head + 'x'.repeat(bytes - new TextEncoder().encode(head).length);
  };

  it('is 512 KiB', () => {
    expect(MAX_WIRE_TEXT_BYTES).toBe(512 * KIB);
  });

  it('reads a story of exactly 512 KiB, as text and as bytes', () => {
    const text = paddedTo(512 * KIB);
    expect(storyOf(parseWireStory(text, { year: 2019 })).paragraphs.at(-1)).toHaveLength(512 * KIB - new TextEncoder().encode(`${LIGHTHOUSE}\n\n`).length);
    expect(parseWireStory(new TextEncoder().encode(text), { year: 2019 }).ok).toBe(true);
  });

  it('refuses one byte more, naming the limit, before reading it', () => {
    const text = paddedTo(512 * KIB + 1);
    expect(errorOf(parseWireStory(text, { year: 2019 }))).toEqual({
      code: 'too-large',
      limit: 512 * KIB,
      message:
        'the input is too large: over 512 KiB; wire copy is limited to 512 KiB (524288 bytes of UTF-8 text) — a story is a few KiB, so import one story at a time',
    });
    expect(errorOf(parseWireStory(new TextEncoder().encode(text), { year: 2019 }))).toEqual({
      code: 'too-large',
      limit: 512 * KIB,
      message:
        'the input is too large: 513 KiB (524289 bytes); wire copy is limited to 512 KiB (524288 bytes of UTF-8 text) — a story is a few KiB, so import one story at a time',
    });
  });

  it('counts a string in UTF-8 bytes, not characters', () => {
    // "é" is two bytes and "𝄞" four (a surrogate pair): 262,144 of the one or 131,072 of the other fill the limit.
    expect(errorOf(parseWireStory('é'.repeat(256 * KIB))).code).toBe('no-headline');
    expect(errorOf(parseWireStory('é'.repeat(256 * KIB + 1))).code).toBe('too-large');
    expect(errorOf(parseWireStory('𝄞'.repeat(128 * KIB))).code).toBe('no-headline');
    expect(errorOf(parseWireStory('𝄞'.repeat(128 * KIB) + 'a')).code).toBe('too-large');
  });

  it('refuses binary over the limit as too large too, without decoding it', () => {
    expect(errorOf(parseWireStory(new Uint8Array(600 * KIB).fill(0xff)))).toMatchObject({ code: 'too-large', limit: 512 * KIB });
  });

  it('throws a WireParseException carrying the limit', () => {
    expect(() => parseWireStoryOrThrow(paddedTo(600 * KIB))).toThrow(expect.objectContaining({ name: 'WireParseException', code: 'too-large', limit: 512 * KIB }));
  });
});

const elapsedMs = (work: () => unknown): number => {
  const started = performance.now();
  work();
  return performance.now() - started;
};

/**
 * Milliseconds for `repeat` runs of `work`, the fastest of `samples` tries: long enough to measure, and the try least
 * disturbed by whatever else the machine is doing.
 */
const fastestMs = (work: () => unknown, repeat: number, samples = 3): number =>
  Math.min(
    ...Array.from({ length: samples }, () =>
      elapsedMs(() => {
        for (let i = 0; i < repeat; i += 1) work();
      }),
    ),
  );

describe('parseWireStory on hostile input', () => {
  const DATELINE = 'Jan. 3 (UPI) -- The pass closed at noon.';
  /** `unit` repeated to about `chars` characters. */
  const fill = (unit: string, chars: number): string => unit.repeat(Math.floor(chars / unit.length));

  // Each shape aims at a pattern or loop that used to backtrack or rescan: runs of spaces next to `\s*`, lazy names
  // beside spaces, line separators that make a `.+` fail late, repeated markers, and very many lines.
  const shapes = (chars: number): [string, string][] => [
    ['one line of spaces in the header', `Pass closes\n\nx${fill(' ', chars)}y\n\n${DATELINE}`],
    ['one line of quotes as the first line', fill('"\'“', chars / 2)],
    ['"By " over and over as the first line', `${fill('By ', chars)}x\n\n${DATELINE}`],
    ['a byline with spaces, then a line separator', `Pass closes\n\nBy Ana${fill(' ', chars)}\u2028Ruiz\n\n${DATELINE}`],
    ['"File Photo by" over and over as the first line', fill('File Photo by ', chars)],
    ['a photo credit with spaces before a bar', `Pass closes\n\nA dog. Photo by Ana${fill(' ', chars)}|\n\n${DATELINE}`],
    ['a courtesy credit with spaces, then a line separator', `Pass closes\n\nA dog. Photo courtesy of${fill(' ', chars)}NASA\u2028JPL\n\n${DATELINE}`],
    ['spaces that never reach "| License Photo"', `Pass closes\n\nA dog. UPI Photo x${fill(' ', chars)}y\n\n${DATELINE}`],
    ['a dateline-like line with spaces where the dash should be', `Pass closes\n\nJan. 3 (UPI)${fill(' ', chars)}-\n\n${DATELINE}`],
    ['commas for a dateline place that never ends', `Pass closes\n\n${fill('a, ', chars)}\n\n${DATELINE}`],
    ['100k short lines', `Pass closes\n\n${fill('x\n', chars)}`],
    ['blank lines and dateline-like lines', `Pass closes\n\nstray\n\n${fill('\nJan. 3 (UPI) x', chars)}`],
    ['nothing but line ends', `Pass closes${fill('\r\n\r', chars)}`],
    ['control characters', `Pass closes\n\n${fill('\u0001a', chars)}`],
  ];
  // undefined: the text is a story (a "By" line is a byline whatever follows "By").
  const expectedCodes = ['invalid', 'no-headline', 'no-headline', undefined, 'no-headline', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'no-dateline', 'no-dateline', 'no-dateline', 'binary'];

  it.each(shapes(1024 * 1024).map(([shape, text]) => [shape, text] as const))('refuses a 1 MB paste of %s at once as too large', (_shape, text) => {
    let result: WireParseResult | undefined;
    expect(elapsedMs(() => (result = parseWireStory(text, { year: 2024 })))).toBeLessThan(1000);
    expect(errorOf(result!)).toMatchObject({ code: 'too-large', limit: MAX_WIRE_TEXT_BYTES });
  });

  it.each(shapes(500_000).map(([shape, text], index) => [shape, text, expectedCodes[index]] as const))(
    'reads 500 KB of %s in linear time and says what is wrong',
    (_shape, text, code) => {
      expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(MAX_WIRE_TEXT_BYTES);
      let result: WireParseResult | undefined;
      expect(elapsedMs(() => (result = parseWireStory(text, { year: 2024 })))).toBeLessThan(1000);
      if (code === undefined) {
        expect(storyOf(result!).paragraphs).toEqual(['The pass closed at noon.']);
        return;
      }
      const error = errorOf(result!);
      expect(error.code).toBe(code);
      expect(error.message.length).toBeLessThan(400);
    },
  );

  it('reads an "Advertisement" after every one of 15,000 paragraphs in linear time', () => {
    const text = `Pass closes\n\n${DATELINE}\n\n${'More snow fell.\n\nAdvertisement\n\n'.repeat(15_000)}`;
    let result: WireParseResult | undefined;
    expect(elapsedMs(() => (result = parseWireStory(text, { year: 2024 })))).toBeLessThan(1000);
    const story = storyOf(result!);
    expect(story.paragraphs).toHaveLength(15_001);
    // A marker after paragraph 2 … 15,001; the one after the last paragraph is page furniture and dropped.
    expect(story.adPositions).toHaveLength(14_999);
    expect(story.adPositions.at(0)).toEqual({ placement: 'after-paragraph', paragraph: 2 });
    expect(story.adPositions.at(-1)).toEqual({ placement: 'after-paragraph', paragraph: 15_000 });
  });

  it('reads a dateline with long runs of spaces between its parts', () => {
    const gap = ' '.repeat(200_000);
    const story = storyOf(parseWireStory(`Pass closes\n\nSEOUL, Jan${gap}3${gap}(UPI) -- The pass closed.`, { year: 2024 }));
    expect(story.dateline).toEqual({ place: 'SEOUL', month: 1, day: 3, year: 2024, agency: 'UPI' });
    expect(story.paragraphs).toEqual(['The pass closed.']);
  });
});

describe('parseWireStory time grows linearly with a real story', () => {
  /** A story shaped like real copy, with about `bytes` bytes of paragraphs, each a little different. */
  const storyOfSize = (bytes: number): string => {
    const header = [
      'Harbor council votes to keep the night ferries running',
      '',
      'By Marta Okafor and Daniel Reyes',
      'A ferry leaves the north pier at dusk. File Photo by Jun Seo/UPI',
      'A ferry leaves the north pier at dusk. File Photo by Jun Seo/UPI | License Photo',
      '',
      'Advertisement',
      '',
      'BUSAN, South Korea, Oct. 2 (UPI) -- The harbor council voted on Tuesday to keep the night ferries running.',
    ].join('\n');
    const paragraphs: string[] = [];
    let size = header.length;
    for (let n = 1; size < bytes; n += 1) {
      const paragraph =
        n % 7 === 0
          ? 'Advertisement'
          : `"We heard from ${n} riders, and by the end of the week the answer was clear," said councillor Ana de la Cruz, who chaired meeting no. ${n}. Photo by the pier, she added.`;
      paragraphs.push(paragraph);
      size += paragraph.length + 2;
    }
    return `${header}\n\n${paragraphs.join('\n\n')}\n\nLatest Headlines\nSome other story`;
  };

  it('takes well under quadratic time from 50 KB to 400 KB', () => {
    const small = storyOfSize(50_000);
    const large = storyOfSize(400_000);
    const smallStory = storyOf(parseWireStory(small, { year: 2024 }));
    const largeStory = storyOf(parseWireStory(large, { year: 2024 }));
    expect(largeStory.paragraphs.length).toBeGreaterThan(7 * smallStory.paragraphs.length);
    expect(largeStory.authors).toEqual(['Marta Okafor', 'Daniel Reyes']);
    expect(largeStory.photo?.licenseOffered).toBe(true);

    // A parse takes milliseconds; twenty in a row make a time the clock can tell apart from noise.
    const smallMs = fastestMs(() => parseWireStory(small, { year: 2024 }), 20);
    const largeMs = fastestMs(() => parseWireStory(large, { year: 2024 }), 20);
    // Eight times the text: linear is about 8×, quadratic 64×.
    expect(largeMs / Math.max(smallMs, 1)).toBeLessThan(20);
    expect(largeMs / 20).toBeLessThan(1000);
  }, 30_000);
});
