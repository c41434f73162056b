import { z } from 'zod';

/** The authors credited in a story's byline, in printed order. */
export const bylineSchema = z.object({
  authors: z.array(z.string().trim().min(1)),
});

/** See {@link bylineSchema}. */
export type Byline = z.infer<typeof bylineSchema>;

// Lower-case words allowed inside a name ("Ana de la Cruz", "Piet van der Berg").
const NAME_PARTICLES = new Set(['al', 'bin', 'da', 'das', 'de', 'del', 'della', 'der', 'di', 'do', 'dos', 'du', 'el', 'la', 'le', 'ten', 'ter', 'van', 'von', 'y']);

// Each word is capitalised ("Elizabeth", "O'Neil", "J.R."), a particle, or an elided particle ("d'Emilio").
// This is what tells "By Elizabeth Shim" from a sentence such as "By the end of the week…".
function looksLikeName(name: string): boolean {
  const words = name.split(/\s+/u);
  if (words.length > 6 || !/^\p{Lu}/u.test(words[0] ?? '')) return false;
  return words.every(
    (word) =>
      /^[\p{L}\p{M}.'’-]+$/u.test(word) &&
      (/^\p{Lu}/u.test(word) || NAME_PARTICLES.has(word) || /^\p{Ll}{1,3}['’]\p{Lu}/u.test(word)),
  );
}

// What separates two names: ", ", ", and ", ", & ", " and ", " & ". Spaces before the comma or the "and" are matched
// only from the first space of their run ((?<!\s)), so a long run of spaces is scanned once, not once per space:
// the plain `\s*,` would make a hostile line of spaces take quadratic time. It splits exactly like
// /\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+/ because a separator never ends inside a run of spaces.
const NAME_SEPARATOR = /(?:(?<!\s)\s+)?,\s*(?:and\s+|&\s*)?|(?<!\s)\s+(?:and|&)\s+/u;
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/u;

/**
 * Reads a byline line: "By A", "By A and B", "By A, B and C" (an Oxford comma and "&" are accepted).
 * Returns the names, or undefined if the line is not a byline. Linear in the length of the line.
 */
export function parseByline(line: string): string[] | undefined {
  // "By", at least one space, then text on one line — /^By\s+(.+)$/ read without backtracking.
  const text = line.trim();
  if (!text.startsWith('By') || !/^\s/u.test(text.charAt(2))) return undefined;
  const rest = text.slice(2).trimStart();
  if (rest === '' || LINE_TERMINATOR.test(rest)) return undefined;
  const names = rest.split(NAME_SEPARATOR).map((name) => name.trim());
  if (names.length === 0 || !names.every(looksLikeName)) return undefined;
  return names;
}

/** Joins names in AP style, without an Oxford comma: "A", "A and B", "A, B and C". */
export function joinAuthorNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Prints a byline in AP style: "By A", "By A and B", "By A, B and C"; "" for no names. */
export function formatByline(names: readonly string[]): string {
  return names.length === 0 ? '' : `By ${joinAuthorNames(names)}`;
}
