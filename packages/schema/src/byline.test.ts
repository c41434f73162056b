import { describe, expect, it } from 'vitest';
import { bylineSchema, formatByline, joinAuthorNames, parseByline, wireBylineSchema } from './byline.js';

describe('parseByline', () => {
  it.each([
    ['By Nia Holm', ['Nia Holm']],
    ['By Marta Okafor and Daniel Reyes', ['Marta Okafor', 'Daniel Reyes']],
    ['By Ines Varga, Tomas Lind and Ruth Adeyemi', ['Ines Varga', 'Tomas Lind', 'Ruth Adeyemi']],
    ['By Ines Varga, Tomas Lind, and Ruth Adeyemi', ['Ines Varga', 'Tomas Lind', 'Ruth Adeyemi']],
    ['By Ana de la Cruz & J.R. Okoye', ['Ana de la Cruz', 'J.R. Okoye']],
    ["  By Frances d'Amato and Seán O'Neil-Ruiz  ", ["Frances d'Amato", "Seán O'Neil-Ruiz"]],
    ['By A, B and C', ['A', 'B', 'C']],
  ])('reads the names in %j', (line, names) => {
    expect(parseByline(line)).toEqual({ text: line.trim().slice(3), authors: names });
  });

  it.each([
    ['By 김민지', ['김민지']],
    ['By 김민지 and 박서준', ['김민지', '박서준']],
    ['By Иван Петров and Анна Смирнова', ['Иван Петров', 'Анна Смирнова']],
    ['By محمد علي', ['محمد علي']],
    ['By 王小明', ['王小明']],
    ['By 山田・花子 and 阿卜杜拉·艾沙', ['山田・花子', '阿卜杜拉·艾沙']],
    ['By Ελένη Παππά', ['Ελένη Παππά']],
    ['By प्रिया शर्मा', ['प्रिया शर्मा']],
    ['By זהבה לוי', ['זהבה לוי']],
  ])('reads names in any script: %j', (line, names) => {
    expect(parseByline(line)).toEqual({ text: line.slice(3), authors: names });
  });

  it.each([
    ['By Dr. Jane Roe Jr.', ['Dr. Jane Roe Jr.']],
    ['By Jane Roe, Jr.', ['Jane Roe, Jr.']],
    ['By Jane Roe, Jr., and John Doe III', ['Jane Roe, Jr.', 'John Doe III']],
    ['By Prof. Ana María de la Cruz Ortega, Ph.D.', ['Prof. Ana María de la Cruz Ortega, Ph.D.']],
    ['By Rev. Samuel Okoye Sr. and Sen. Ruth Lind', ['Rev. Samuel Okoye Sr.', 'Sen. Ruth Lind']],
    ['By Thurston Howell IV', ['Thurston Howell IV']],
  ])('keeps titles and suffixes with the name: %j', (line, names) => {
    expect(parseByline(line)?.authors).toEqual(names);
  });

  // The agency is given without a leading "the", whether the line prints "the" or "The": it is a name for matching
  // and printing elsewhere ("(AP)" in a dateline), and the line as printed stays in `text`.
  it.each([
    ['By the Associated Press', 'the Associated Press', 'Associated Press'],
    ['By The Associated Press', 'The Associated Press', 'Associated Press'],
    ['By UPI Staff', 'UPI Staff', 'UPI'],
    ['By AP Staff Writers', 'AP Staff Writers', 'AP'],
    ['By Reuters', 'Reuters', 'Reuters'],
    ['By REUTERS', 'REUTERS', 'Reuters'],
    ['By Agence France-Presse', 'Agence France-Presse', 'Agence France-Presse'],
    ['By Xinhua News Agency', 'Xinhua News Agency', 'Xinhua News Agency'],
    ['By NHK', 'NHK', 'NHK'],
    ['By Korea Maritime News Agency', 'Korea Maritime News Agency', 'Korea Maritime News Agency'],
    ['By United Press International', 'United Press International', 'United Press International'],
  ])('reads an agency byline %j with no authors', (line, text, agency) => {
    expect(parseByline(line)).toEqual({ text, authors: [], agency });
  });

  it.each([
    ['By Elizabeth Shim, UPI', ['Elizabeth Shim'], 'UPI'],
    ['By Jane Roe, UPI Correspondent', ['Jane Roe'], 'UPI'],
    ['By Jane Roe, UPI Beijing Correspondent', ['Jane Roe'], 'UPI'],
    ['By Jane Roe and John Doe, Associated Press Writers', ['Jane Roe', 'John Doe'], 'Associated Press'],
    ['By Jane Roe, AP Business Writer', ['Jane Roe'], 'AP'],
    ['By Jane Roe and UPI Staff', ['Jane Roe'], 'UPI'],
    ['By Jane Roe, Special to UPI', ['Jane Roe'], 'UPI'],
    ['By Jane Roe, for the Associated Press', ['Jane Roe'], 'Associated Press'],
    ['By 김민지, Yonhap', ['김민지'], 'Yonhap'],
  ])('reads a trailing agency in %j', (line, authors, agency) => {
    expect(parseByline(line)).toEqual({ text: line.slice(3), authors, agency });
  });

  it.each([
    ['By Jane Roe, Staff Writer', ['Jane Roe']],
    ['By Jane Roe and John Doe, Senior Correspondents', ['Jane Roe', 'John Doe']],
  ])('reads names followed by a role with no agency: %j', (line, authors) => {
    expect(parseByline(line)).toEqual({ text: line.slice(3), authors });
  });

  it.each([
    'By the end of the week, the river had risen.',
    'By Tuesday the river had risen',
    'By Nia Holm, 42, and her sister',
    'By <b>Jane</b>',
    'By Jane <script>alert(1)</script>',
    'By Jane Roe, UPI, and John Doe, AP',
    'By Reuters and AFP',
    'By staff',
    'By Ana\u2028Ruiz',
    'By 12 votes to 3',
  ])('keeps %j as text, interpreting nothing', (line) => {
    expect(parseByline(line)).toEqual({ text: line.slice(3), authors: [] });
  });

  it('keeps the text as printed, inner spacing included, without the surrounding whitespace', () => {
    expect(parseByline(' \tBy  Nia   Holm \t')).toEqual({ text: 'Nia   Holm', authors: ['Nia   Holm'] });
    expect(parseByline('By\u00a0Nia Holm')).toEqual({ text: 'Nia Holm', authors: ['Nia Holm'] });
  });

  it.each(['Bystanders said the fire spread fast', 'by Nia Holm', 'BY NIA HOLM', 'By', 'By ', '   By   ', 'Nia Holm', 'Byline: Nia Holm', ''])(
    'is undefined for %j, which does not start with "By" and text',
    (line) => {
      expect(parseByline(line)).toBeUndefined();
    },
  );
});

describe('formatByline', () => {
  it('prints AP style without an Oxford comma', () => {
    expect([formatByline([]), formatByline(['A']), formatByline(['A', 'B']), formatByline(['A', 'B', 'C'])]).toEqual([
      '',
      'By A',
      'By A and B',
      'By A, B and C',
    ]);
  });

  it('round-trips through parseByline', () => {
    const names = ['Ines Varga', 'Tomas Lind', 'Ruth Adeyemi'];
    expect(parseByline(formatByline(names))?.authors).toEqual(names);
  });
});

describe('joinAuthorNames', () => {
  it('joins without the "By"', () => {
    expect(joinAuthorNames(['Ines Varga', 'Tomas Lind'])).toBe('Ines Varga and Tomas Lind');
  });
});

describe('bylineSchema', () => {
  it('rejects blank names', () => {
    expect(bylineSchema.safeParse({ authors: ['Nia Holm'] }).success).toBe(true);
    expect(bylineSchema.safeParse({ authors: ['  '] }).success).toBe(false);
  });
});

describe('wireBylineSchema', () => {
  it('takes the text and an optional agency, neither blank', () => {
    expect(wireBylineSchema.safeParse({ text: 'UPI Staff', agency: 'UPI' }).success).toBe(true);
    expect(wireBylineSchema.safeParse({ text: '<b>Jane</b>' }).success).toBe(true);
    expect(wireBylineSchema.safeParse({ text: ' ' }).success).toBe(false);
    expect(wireBylineSchema.safeParse({ text: 'UPI Staff', agency: '' }).success).toBe(false);
  });
});

// The names parseByline reads, as first written with two plain patterns. Both take quadratic time on a line with a
// long run of spaces, so the parser no longer uses them; they stay here as the definition of which lists of plain
// names a byline reads as (titles, suffixes, agencies and caseless scripts came later and are tested above).
const PLAIN_NAME_PARTICLES = new Set(['al', 'bin', 'da', 'das', 'de', 'del', 'della', 'der', 'di', 'do', 'dos', 'du', 'el', 'la', 'le', 'ten', 'ter', 'van', 'von', 'y']);
function plainParseByline(line: string): string[] | undefined {
  const match = /^By\s+(.+)$/u.exec(line.trim());
  if (!match?.[1]) return undefined;
  const names = match[1].split(/\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+/u).map((name) => name.trim());
  const looksLikeName = (name: string): boolean => {
    const words = name.split(/\s+/u);
    if (words.length > 6 || !/^\p{Lu}/u.test(words[0] ?? '')) return false;
    return words.every(
      (word) =>
        /^[\p{L}\p{M}.'’-]+$/u.test(word) && (/^\p{Lu}/u.test(word) || PLAIN_NAME_PARTICLES.has(word) || /^\p{Ll}{1,3}['’]\p{Lu}/u.test(word)),
    );
  };
  if (names.length === 0 || !names.every(looksLikeName)) return undefined;
  return names;
}

/** Deterministic pseudo-random lines built from the pieces bylines are made of, and the pieces that trip patterns up. */
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

describe('parseByline on hostile and generated lines', () => {
  it('reads every generated line exactly as the plain patterns do', () => {
    const pieces = ['By', 'By ', 'By Ana', ' ', '  ', '\t', '\u00a0', '\u2028', ',', ', ', ' ,', 'and', ' and ', 'andy', '&', ' & ', 'Ana', ' Ruiz', 'de', "d'Emilio", 'J.R.', 'x', '.'];
    let bylines = 0;
    for (const line of generatedLines(pieces, 20_000, 8)) {
      const expected = plainParseByline(line);
      if (expected) bylines += 1;
      const byline = parseByline(line);
      // Any "By" line is a byline; the plain patterns' non-bylines are the ones read with no names.
      expect(byline === undefined ? undefined : byline.authors.length === 0 ? undefined : byline.authors, JSON.stringify(line)).toEqual(expected);
      if (byline) expect(byline.text, JSON.stringify(line)).toBe(line.trim().slice(2).trimStart());
    }
    // The generator must reach real bylines, or the comparison proves little.
    expect(bylines).toBeGreaterThan(200);
  });

  it.each([
    ['spaces between two names', `By Ana${' '.repeat(400_000)}Ruiz`, ['Ana'.concat(' '.repeat(400_000), 'Ruiz')]],
    ['spaces before a line separator', `By${' '.repeat(400_000)}Ana\u2028Ruiz`, []],
    ['spaces before a comma that never comes', `By Ana Ruiz${' \t'.repeat(200_000)}x`, []],
    ['separators in a row', `By Ana${' , and '.repeat(60_000)}Ruiz`, []],
    ['spaces before an agency', `By Ana Ruiz,${' '.repeat(400_000)}UPI${' '.repeat(400_000)}Staff`, ['Ana Ruiz']],
    ['words that never end in a role', `By Ana Ruiz, UPI${' Senior'.repeat(60_000)}`, []],
    ['suffix after suffix', `By Ana Ruiz${', Jr.'.repeat(60_000)}`, [`Ana Ruiz${', Jr.'.repeat(60_000)}`]],
    ['"By " over and over', 'By '.repeat(130_000), []],
    ['spaces then text', `By${' '.repeat(100_000)}x`, []],
    ['titles', `By${' Dr.'.repeat(100_000)} Ana`, []],
  ])('reads a 400 KB line of %s in linear time', (_shape, line, expected) => {
    let byline: ReturnType<typeof parseByline>;
    expect(elapsedMs(() => (byline = parseByline(line)))).toBeLessThan(1000);
    expect(byline?.authors).toEqual(expected);
  });

  it('reads a line of 100,000 spaces after "By" as no byline, at once', () => {
    let byline: ReturnType<typeof parseByline> | null = null;
    expect(elapsedMs(() => (byline = parseByline(`By${' '.repeat(100_000)}`)))).toBeLessThan(100);
    expect(byline).toBeUndefined();
  });
});
