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

/**
 * Reads a byline line: "By A", "By A and B", "By A, B and C" (an Oxford comma and "&" are accepted).
 * Returns the names, or undefined if the line is not a byline.
 */
export function parseByline(line: string): string[] | undefined {
  const match = /^By\s+(.+)$/u.exec(line.trim());
  if (!match?.[1]) return undefined;
  const names = match[1]
    .split(/\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+/u)
    .map((name) => name.trim());
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
