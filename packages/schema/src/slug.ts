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

/**
 * Turns text (usually a headline) into a slug: diacritics folded to ASCII, apostrophes inside
 * words dropped ("China's" → "chinas"), every other run of non-alphanumerics a single "-".
 * Returns "story" when nothing usable is left, so a slug is never empty.
 *
 * @example slugify('Beijing: Inter-Korea liaison office a sign of progress')
 *   // 'beijing-inter-korea-liaison-office-a-sign-of-progress'
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (letter) => FOLD[letter] ?? letter)
    .replace(/(?<=[\p{L}\p{N}])['’ʼ](?=[\p{L}\p{N}])/gu, '')
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
