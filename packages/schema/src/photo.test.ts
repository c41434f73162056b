import { describe, expect, it } from 'vitest';
import { parseCreditLine, photoSchema, splitCaptionLine, type CaptionLine, type PhotoCredit } from './photo.js';

describe('parseCreditLine', () => {
  it.each([
    ['File Photo by Lea Moreau/UPI', { credit: 'File Photo by Lea Moreau/UPI', creator: 'Lea Moreau', agency: 'UPI' }],
    ['Photo by Jun Seo/UPI', { credit: 'Photo by Jun Seo/UPI', creator: 'Jun Seo', agency: 'UPI' }],
    ['Pool Photo by Ana Ruiz/EPA', { credit: 'Pool Photo by Ana Ruiz/EPA', creator: 'Ana Ruiz', agency: 'EPA' }],
    ['Photo by Ana Ruiz', { credit: 'Photo by Ana Ruiz', creator: 'Ana Ruiz' }],
    ['UPI Photo', { credit: 'UPI Photo', agency: 'UPI' }],
    ['UPI File Photo', { credit: 'UPI File Photo', agency: 'UPI' }],
    ['Photo courtesy of the Harbor Authority', { credit: 'Photo courtesy of the Harbor Authority', courtesyOf: 'the Harbor Authority' }],
  ])('reads %j', (text, credit) => {
    expect(parseCreditLine(text)).toEqual(credit);
  });

  it.each(['A quiet morning.', 'Photographs were taken', 'Nice Photo'])('is undefined for %j', (text) => {
    expect(parseCreditLine(text)).toBeUndefined();
  });
});

describe('splitCaptionLine', () => {
  it('splits caption, credit and the license marker', () => {
    expect(splitCaptionLine('Rescuers search the hillside. File Photo by Ana Ruiz/UPI | License Photo')).toEqual({
      caption: 'Rescuers search the hillside.',
      credit: 'File Photo by Ana Ruiz/UPI',
      creator: 'Ana Ruiz',
      agency: 'UPI',
      licenseOffered: true,
    });
  });

  it('uses the last credit when the caption mentions a photo', () => {
    expect(splitCaptionLine('A Photo by the river shows the flood. Photo by Jun Seo/UPI')).toEqual({
      caption: 'A Photo by the river shows the flood.',
      credit: 'Photo by Jun Seo/UPI',
      creator: 'Jun Seo',
      agency: 'UPI',
      licenseOffered: false,
    });
  });

  it('reads an agency-only credit', () => {
    expect(splitCaptionLine('Crowds at the gate. UPI Photo')).toEqual({ caption: 'Crowds at the gate.', credit: 'UPI Photo', agency: 'UPI', licenseOffered: false });
  });

  it('is undefined for a line without a credit', () => {
    expect(splitCaptionLine('Crowds at the gate.')).toBeUndefined();
  });
});

describe('photoSchema', () => {
  it('accepts site paths and http URLs, and rejects other schemes', () => {
    expect(photoSchema.safeParse({ src: '/media/a.jpg', licenseUrl: 'https://photos.example/license/1' }).success).toBe(true);
    expect(photoSchema.safeParse({ src: 'javascript:alert(1)' }).success).toBe(false);
    expect(photoSchema.safeParse({ src: '//evil.example/a.jpg' }).success).toBe(false);
    expect(photoSchema.safeParse({ width: 0 }).success).toBe(false);
  });
});

// parseCreditLine and splitCaptionLine as they were written with plain patterns. Their lazy names and the spaces
// around them overlap, so a credit with a long run of spaces takes quadratic time; they stay here as the definition
// of what a credit reads as.
function plainParseCreditLine(text: string): PhotoCredit | undefined {
  const credit = text.trim();
  const by = /^(?:(?:File|Pool|Handout)\s+)?Photos?\s+by\s+([^/|]+?)\s*(?:\/\s*([^/|]+?))?$/u.exec(credit);
  if (by?.[1]) return { credit, creator: by[1], ...(by[2] ? { agency: by[2] } : {}) };
  const agency = /^(\p{Lu}[\p{Lu}\d&.]*(?:\/\p{Lu}[\p{Lu}\d&.]*)?)\s+(?:File\s+)?Photo$/u.exec(credit);
  if (agency?.[1]) return { credit, agency: agency[1] };
  const courtesy = /^Photo\s+courtesy\s+of\s+(.+?)$/u.exec(credit);
  if (courtesy?.[1]) return { credit, courtesyOf: courtesy[1] };
  return undefined;
}
function plainSplitCaptionLine(line: string): CaptionLine | undefined {
  const licenseSuffix = /\s*\|\s*License Photo\s*$/u;
  const creditStart =
    /(?<=^|\s)(?:(?:(?:File|Pool|Handout)\s+)?Photos?\s+by\s|Photo\s+courtesy\s+of\s|\p{Lu}[\p{Lu}\d&.]*(?:\/\p{Lu}[\p{Lu}\d&.]*)?\s+(?:File\s+)?Photo\s*$)/gu;
  const trimmed = line.trim();
  const licenseOffered = licenseSuffix.test(trimmed);
  const body = trimmed.replace(licenseSuffix, '');
  let start: number | undefined;
  for (const match of body.matchAll(creditStart)) start = match.index;
  if (start === undefined) return undefined;
  const credit = plainParseCreditLine(body.slice(start));
  if (!credit) return undefined;
  return { caption: body.slice(0, start).trim(), ...credit, licenseOffered };
}

/** Deterministic pseudo-random lines built from the pieces credits are made of, and the pieces that trip patterns up. */
function* generatedLines(pieces: readonly string[], count: number, maxPieces: number): Generator<string> {
  let state = 20180917;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
  for (let i = 0; i < count; i += 1) {
    let line = '';
    for (let k = 1 + next(maxPieces); k > 0; k -= 1) line += pieces[next(pieces.length)];
    yield line;
  }
}

const elapsedMs = (work: () => unknown): number => {
  const started = performance.now();
  work();
  return performance.now() - started;
};

describe('photo credits on hostile and generated lines', () => {
  const pieces = [
    'A dog. ', 'Photo by ', 'Photos by ', 'File ', 'Pool ', 'Photo', ' by ', 'by', ' ', '  ', '\t', '\u2028', '/', ' / ', '  /', '|',
    ' | License Photo', '| License Photo', 'License Photo', 'Photo courtesy of ', 'courtesy', ' of ', 'UPI', 'AFP/UPI', ' UPI Photo',
    ' File Photo', 'Ana', ' Ruiz', 'x', '.',
  ];

  it('reads every generated line exactly as the plain patterns do', () => {
    let credits = 0;
    let captions = 0;
    for (const line of generatedLines(pieces, 20_000, 6)) {
      const expectedCredit = plainParseCreditLine(line);
      const expectedCaption = plainSplitCaptionLine(line);
      if (expectedCredit) credits += 1;
      if (expectedCaption) captions += 1;
      expect(parseCreditLine(line), JSON.stringify(line)).toEqual(expectedCredit);
      expect(splitCaptionLine(line), JSON.stringify(line)).toEqual(expectedCaption);
    }
    // The generator must reach real credits, or the comparison proves little.
    expect(credits).toBeGreaterThan(1000);
    expect(captions).toBeGreaterThan(1000);
  });

  const spaces = ' '.repeat(400_000);
  it.each([
    ['a creator name full of spaces', `A dog. Photo by Ana${spaces}Ruiz/UPI`, 'Ana'.concat(spaces, 'Ruiz')],
    ['spaces before a bar that ends the credit', `A dog. Photo by Ana${spaces}|`, undefined],
    ['a courtesy credit broken by a line separator', `A dog. Photo courtesy of${spaces}NASA\u2028JPL`, undefined],
    ['spaces that never reach "| License Photo"', `A dog. UPI Photo x${spaces}y`, undefined],
    ['bars and spaces', `A dog. UPI Photo${' | '.repeat(130_000)}License Photo`, undefined],
  ])('reads a 400 KB caption line of %s in linear time', (_shape, line, creator) => {
    let caption: CaptionLine | undefined;
    expect(elapsedMs(() => (caption = splitCaptionLine(line)))).toBeLessThan(1000);
    expect(caption?.creator).toBe(creator);
  });
});
