import transliterateSlug from '@sindresorhus/slugify';
import { z } from 'zod';

/** A URL slug: lower-case ASCII words joined by single hyphens. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lower-case ASCII words joined by "-"');

// Letters that NFKD does not split into an ASCII base plus a combining mark.
const FOLD: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

// Revised Romanization of Korean, letter by letter: the initial consonant, the vowel and the final consonant of a
// Hangul syllable, in the order Unicode composes them (U+AC00 + (initial × 21 + vowel) × 28 + final). Sound changes
// between syllables are not applied ("연락" is "yeonrak", not "yeollak"): the slug stays readable and predictable.
const HANGUL_INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const HANGUL_VOWELS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const HANGUL_FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

/** Hangul syllables in Latin letters ("북한" → "bukhan"); other text is left as it is. */
function romanizeHangul(text: string): string {
  return text.replace(/[\uac00-\ud7a3]+/g, (syllables) => {
    let latin = '';
    for (let i = 0; i < syllables.length; i += 1) {
      const index = syllables.charCodeAt(i) - 0xac00;
      latin += `${HANGUL_INITIALS[Math.floor(index / 588)]}${HANGUL_VOWELS[Math.floor(index / 28) % 21]}${HANGUL_FINALS[index % 28]}`;
    }
    return latin;
  });
}

// Combining marks on a Latin letter or on no letter are dropped ("é" → "e"); marks on letters of other scripts are
// kept, so that "й" or a Devanagari vowel sign reaches the transliteration whole.
const FOLDABLE_MARKS = /(^|[^\p{L}\p{M}]|\p{Script=Latin})\p{M}+/gu;

// Runs of letters and digits outside ASCII: what is left for the transliteration once Latin letters are folded.
const NON_ASCII_WORD = /(?:(?![\0-\x7f])[\p{L}\p{M}\p{N}])+/gu;

// Only letters are transliterated here; the library's stock replacements of symbols ("&" → "and", "♥" → "love") are
// turned off, so a symbol separates words as it always has.
const TRANSLITERATION = {
  decamelize: false,
  customReplacements: [
    ['&', ' '],
    ['🦄', ' '],
    ['♥', ' '],
  ],
} as const satisfies Parameters<typeof transliterateSlug>[1];

/**
 * Turns text (usually a headline) into a slug: Latin diacritics folded to ASCII, apostrophes inside
 * words dropped ("China's" → "chinas"), other scripts transliterated to Latin letters (Cyrillic, Greek, Arabic and
 * more by `@sindresorhus/slugify`, Hangul by Revised Romanization), every other run of non-alphanumerics a single
 * "-". Returns "story" when nothing usable is left (only emoji or punctuation, or a script with no transliteration
 * such as Chinese characters), so a slug is never empty.
 *
 * @example slugify('Beijing: Inter-Korea liaison office a sign of progress')
 *   // 'beijing-inter-korea-liaison-office-a-sign-of-progress'
 * @example slugify('북한, 연락사무소 철수') // 'bukhan-yeonraksamuso-cheolsu'
 * @example slugify('Москва открыла метро') // 'moskva-otkryla-metro'
 */
export function slugify(text: string): string {
  const slug = romanizeHangul(text)
    .normalize('NFKD')
    .replace(FOLDABLE_MARKS, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (letter) => FOLD[letter] ?? letter)
    .replace(/(?<=[\p{L}\p{N}])['’ʼ](?=[\p{L}\p{N}])/gu, '')
    .replace(NON_ASCII_WORD, (word) => transliterateSlug(word, TRANSLITERATION))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'story' : slug;
}

/**
 * The first of `base`, `base-2`, `base-3`, … that `isTaken` reports free.
 * @throws Error if a million candidates are all taken (a broken `isTaken`, not a real collision).
 */
export function uniqueSlug(base: string, isTaken: (slug: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let n = 2; n <= 1_000_000; n += 1) {
    const candidate = `${base}-${n}`;
    if (!isTaken(candidate)) return candidate;
  }
  throw new Error(`uniqueSlug: no free slug for "${base}"`);
}
