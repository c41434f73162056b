import { describe, expect, it } from 'vitest';
import { bylineSchema, formatByline, joinAuthorNames, parseByline } from './byline.js';

describe('parseByline', () => {
  it.each([
    ['By Nia Holm', ['Nia Holm']],
    ['By Marta Okafor and Daniel Reyes', ['Marta Okafor', 'Daniel Reyes']],
    ['By Ines Varga, Tomas Lind and Ruth Adeyemi', ['Ines Varga', 'Tomas Lind', 'Ruth Adeyemi']],
    ['By Ines Varga, Tomas Lind, and Ruth Adeyemi', ['Ines Varga', 'Tomas Lind', 'Ruth Adeyemi']],
    ['By Ana de la Cruz & J.R. Okoye', ['Ana de la Cruz', 'J.R. Okoye']],
    ["  By Frances d'Amato and Seán O'Neil-Ruiz  ", ["Frances d'Amato", "Seán O'Neil-Ruiz"]],
  ])('reads %j', (line, names) => {
    expect(parseByline(line)).toEqual(names);
  });

  it.each([
    'By the end of the week, the river had risen.',
    'By Tuesday the river had risen',
    'Bystanders said the fire spread fast',
    'by Nia Holm',
    'By',
    'By ',
    'By Nia Holm, 42, and her sister',
    'Nia Holm',
  ])('is undefined for the non-byline %j', (line) => {
    expect(parseByline(line)).toBeUndefined();
  });
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
    expect(parseByline(formatByline(names))).toEqual(names);
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

// parseByline as it was written with two plain patterns. Both take quadratic time on a line with a long run of spaces,
// so the parser no longer uses them; they stay here as the definition of what a byline reads as.
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
      expect(parseByline(line), JSON.stringify(line)).toEqual(expected);
    }
    // The generator must reach real bylines, or the comparison proves little.
    expect(bylines).toBeGreaterThan(200);
  });

  it.each([
    ['spaces between two names', `By Ana${' '.repeat(400_000)}Ruiz`, ['Ana'.concat(' '.repeat(400_000), 'Ruiz')]],
    ['spaces before a line separator', `By${' '.repeat(400_000)}Ana\u2028Ruiz`, undefined],
    ['spaces before a comma that never comes', `By Ana Ruiz${' \t'.repeat(200_000)}x`, undefined],
    ['separators in a row', `By Ana${' , and '.repeat(60_000)}Ruiz`, undefined],
  ])('reads a 400 KB line of %s in linear time', (_shape, line, expected) => {
    let names: string[] | undefined;
    expect(elapsedMs(() => (names = parseByline(line)))).toBeLessThan(1000);
    expect(names).toEqual(expected);
  });
});
