import { z } from 'zod';

/** The authors credited in a story's byline, in printed order. */
export const bylineSchema = z.object({
  authors: z.array(z.string().trim().min(1)),
});

/** See {@link bylineSchema}. */
export type Byline = z.infer<typeof bylineSchema>;

/**
 * A story's "By" line as printed: `text` is the line without "By " (plain text, never HTML — whoever renders it
 * escapes it), `agency` the news agency it credits when one is recognised ("UPI", "Associated Press").
 */
export const wireBylineSchema = z.object({
  text: z.string().trim().min(1),
  agency: z.string().trim().min(1).optional(),
});

/** See {@link wireBylineSchema}. */
export type WireByline = z.infer<typeof wireBylineSchema>;

/** What {@link parseByline} reads from a "By" line. */
export interface ParsedByline {
  /** The line as printed, without "By " and the whitespace around it. */
  text: string;
  /**
   * The person names, in printed order, titles and suffixes included ("Dr. Jane Roe Jr.", "Jane Roe, Jr.").
   * Empty when the line credits only an agency ("By UPI Staff") or is not read as names at all.
   */
  authors: string[];
  /**
   * The agency credited, without a leading "the" and without a role ("By Jane Roe, UPI Correspondent" → "UPI",
   * "By the Associated Press" → "Associated Press"). A known agency is given in its usual spelling.
   */
  agency?: string;
}

// Lower-case words allowed inside a name ("Ana de la Cruz", "Piet van der Berg").
const NAME_PARTICLES = new Set(['al', 'bin', 'da', 'das', 'de', 'del', 'della', 'der', 'di', 'do', 'dos', 'du', 'el', 'la', 'le', 'ten', 'ter', 'van', 'von', 'y']);

// Titles before a name and suffixes after it; they do not count towards the six words a name may have (ten in all).
const NAME_TITLES = new Set(
  ['Dr', 'Prof', 'Rev', 'Fr', 'Sir', 'Dame', 'Mr', 'Mrs', 'Ms', 'Mx', 'Gen', 'Col', 'Maj', 'Capt', 'Lt', 'Sgt', 'Sen', 'Rep', 'Gov', 'Hon', 'Rabbi', 'Imam', 'Sheikh'].flatMap(
    (title) => [title, `${title}.`],
  ),
);
// "V" and "I" are left out: a lone capital after a comma is more often an initial ("By A, B and V") than a suffix.
const NAME_SUFFIX = /^(?:(?:Jr|Sr|Esq|Ph\.?D|M\.?D)\.?|II|III|IV)$/u;

/** Capitalised, or from a script without case (Hangul, CJK, Arabic, …). */
const NAME_START = /^[\p{Lu}\p{Lt}\p{Lo}]/u;
// Letters, combining marks, ".", apostrophes, "-", the middle dots that join the parts of a name in Chinese and
// Japanese, and the zero-width (non-)joiners Persian and Indic names are written with.
const NAME_WORD = /^(?:[\p{L}\p{M}.'’\u00b7\u30fb\u200c-]|\u200d)+$/u;
const ELIDED_PARTICLE = /^\p{Ll}{1,3}['’][\p{Lu}\p{Lo}]/u;

// Each word is capitalised ("Elizabeth", "O'Neil", "J.R.", "김민지"), a particle, or an elided particle ("d'Emilio").
// This is what tells "By Elizabeth Shim" from a sentence such as "By the end of the week…".
function looksLikeName(name: string): boolean {
  const words = name.split(/\s+/u);
  if (words.length > 10 || !NAME_START.test(words[0] ?? '')) return false;
  let counted = 0;
  for (const word of words) {
    if (!NAME_WORD.test(word)) return false;
    if (!(NAME_START.test(word) || NAME_PARTICLES.has(word) || ELIDED_PARTICLE.test(word))) return false;
    if (!NAME_TITLES.has(word) && !NAME_SUFFIX.test(word)) counted += 1;
    if (counted > 6) return false;
  }
  return counted > 0;
}

// Agencies by their usual spelling; matched case-insensitively, word by word.
const KNOWN_AGENCIES = [
  'UPI',
  'United Press International',
  'AP',
  'Associated Press',
  'AFP',
  'Agence France-Presse',
  'Reuters',
  'Thomson Reuters',
  'Bloomberg',
  'Bloomberg News',
  'Xinhua',
  'Xinhua News Agency',
  'Kyodo',
  'Kyodo News',
  'Yonhap',
  'Yonhap News Agency',
  'Jiji Press',
  'dpa',
  'Deutsche Presse-Agentur',
  'EFE',
  'ANSA',
  'TASS',
  'Interfax',
  'RIA Novosti',
  'Anadolu Agency',
  'Press Association',
  'PA Media',
  'Canadian Press',
  'Australian Associated Press',
  'AAP',
  'Press Trust of India',
  'PTI',
  'Bernama',
  'Antara',
  'KCNA',
  'Korean Central News Agency',
];
const AGENCY_BY_WORDS: ReadonlyMap<string, string> = new Map(KNOWN_AGENCIES.map((name) => [name.toLowerCase(), name]));
const LONGEST_AGENCY = Math.max(...KNOWN_AGENCIES.map((name) => name.split(' ').length));
// An acronym of capitals ("UPI", "NHK") is taken for an agency even when it is not in the list.
const AGENCY_ACRONYM = /^\p{Lu}{2,8}$/u;
// Capitalised words ending like an agency's name ("Korea Economic News Agency", "Fox News").
const AGENCY_ENDINGS = [['news', 'agency'], ['news', 'service'], ['news'], ['newswire']];

// A role after the agency ("UPI Staff", "AP Business Writer") ends in one of these; a role with no agency
// ("Staff Writer", "Senior Correspondent") is made of these and the modifiers only.
const ROLE_HEADS = new Set(['staff', 'writer', 'writers', 'reporter', 'reporters', 'correspondent', 'correspondents', 'editor', 'editors', 'columnist', 'contributor', 'photographer', 'analyst', 'producer', 'journalist', 'stringer']);
const ROLE_MODIFIERS = new Set(['senior', 'chief', 'special', 'staff', 'contributing', 'associate', 'deputy', 'managing', 'bureau', 'foreign', 'diplomatic', 'political', 'business', 'economics', 'science', 'medical', 'health', 'sports', 'technology', 'legal', 'national', 'regional', 'investigative']);
const ROLE_WORD = /^[\p{L}.-]+$/u;

/** The agency named by the first `count` words, or undefined. */
function agencyOf(words: readonly string[], count: number): string | undefined {
  const name = words.slice(0, count).join(' ');
  const known = AGENCY_BY_WORDS.get(name.toLowerCase());
  if (known) return known;
  if (count === 1) return AGENCY_ACRONYM.test(name) ? name : undefined;
  const lower = words.slice(0, count).map((word) => word.toLowerCase());
  for (const ending of AGENCY_ENDINGS) {
    const start = count - ending.length;
    if (start < 1 || !ending.every((word, k) => lower[start + k] === word)) continue;
    if (words.slice(0, count).every((word) => NAME_START.test(word) && ROLE_WORD.test(word))) return name;
  }
  return undefined;
}

/** "[the] AGENCY" exactly, or with a role after it when `roleAfter`. */
function readAgency(words: readonly string[], roleAfter: boolean): string | undefined {
  const start = words[0]?.toLowerCase() === 'the' ? 1 : 0;
  const rest = words.slice(start);
  for (let count = Math.min(rest.length, LONGEST_AGENCY); count >= 1; count -= 1) {
    const agency = agencyOf(rest, count);
    if (agency === undefined) continue;
    const role = rest.slice(count);
    if (role.length === 0) return agency;
    const head = role[role.length - 1]?.toLowerCase() ?? '';
    if (roleAfter && role.length <= 4 && ROLE_HEADS.has(head) && role.every((word) => ROLE_WORD.test(word))) return agency;
  }
  return undefined;
}

/** Role words only, at most four; ending in a role head ("Staff Writer") unless `headless` ("Special" in "Special to UPI"). */
function isRole(words: readonly string[], headless = false): boolean {
  const lower = words.map((word) => word.toLowerCase());
  if (lower.length === 0 || lower.length > 4) return false;
  if (!headless && !ROLE_HEADS.has(lower[lower.length - 1] ?? '')) return false;
  return lower.every((word) => ROLE_HEADS.has(word) || ROLE_MODIFIERS.has(word));
}

/**
 * Reads a credit that is not a person: "[the] AGENCY [ROLE]" ("UPI", "the Associated Press", "UPI Correspondent"),
 * a role alone ("Staff Writer"), or "[ROLE] for|to [the] AGENCY" ("Special to UPI"). Returns the agency (none for a
 * role alone), or undefined when the text is none of these.
 */
function readCredit(text: string): { agency?: string } | undefined {
  const words = text.split(/\s+/u);
  // The longest credit is a few words; a longer text is not one, and is not looked at further.
  if (words.length > 10) return undefined;
  const agency = readAgency(words, true);
  if (agency !== undefined) return { agency };
  if (isRole(words)) return {};
  const link = words.findIndex((word) => word === 'for' || word === 'to');
  if (link !== -1 && (link === 0 || isRole(words.slice(0, link), true))) {
    const after = readAgency(words.slice(link + 1), false);
    if (after !== undefined) return { agency: after };
  }
  return undefined;
}

// What separates two names: ", ", ", and ", ", & ", " and ", " & ". Spaces before the comma or the "and" are matched
// only from the first space of their run ((?<!\s)), so a long run of spaces is scanned once, not once per space:
// the plain `\s*,` would make a hostile line of spaces take quadratic time. It splits exactly like
// /\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+/ because a separator never ends inside a run of spaces.
const NAME_SEPARATOR = /(?:(?<!\s)\s+)?,\s*(?:and\s+|&\s*)?|(?<!\s)\s+(?:and|&)\s+/u;
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/u;

/** The names and agency in a byline's text, or no names when it does not read as a list of credits. */
function readCredits(text: string): { authors: string[]; agency?: string } {
  const uninterpreted = { authors: [] };
  if (LINE_TERMINATOR.test(text)) return uninterpreted;
  const whole = readCredit(text);
  if (whole) return { authors: [], ...whole };
  const parts = text.split(NAME_SEPARATOR).map((part) => part.trim());
  const authors: string[] = [];
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    if (authors.length > 0 && NAME_SUFFIX.test(part)) {
      // "Jane Roe, Jr.": the suffix belongs to the name before it.
      authors[authors.length - 1] = `${authors[authors.length - 1]}, ${part}`;
      continue;
    }
    if (index === parts.length - 1 && authors.length > 0) {
      // "By Jane Roe, UPI", "By Jane Roe and UPI Staff", "By Jane Roe, Staff Writer".
      const credit = readCredit(part);
      if (credit) return { authors, ...credit };
    }
    if (!looksLikeName(part) || AGENCY_BY_WORDS.has(part.toLowerCase())) return uninterpreted;
    authors.push(part);
  }
  return { authors };
}

/**
 * Reads a byline line: "By" and whitespace, then the credits. Returns undefined only when the line does not start
 * that way; any other "By" line is a byline, its text kept as printed. The text is read as names when it is a list
 * ("By A", "By A and B", "By A, B, and C", "&" accepted) of names in any script, with titles and suffixes ("Dr. Jane
 * Roe Jr.", "Jane Roe, Jr."), optionally ending in an agency or a role ("…, UPI", "…, UPI Correspondent", "…, Staff
 * Writer"); or as an agency alone ("By UPI Staff", "By the Associated Press"). Anything else ("By the end of the
 * week…", "By <b>Jane</b>") is kept as text with no authors — never refused, never guessed at.
 *
 * Linear in the length of the line.
 */
export function parseByline(line: string): ParsedByline | undefined {
  // "By", at least one space, then text — /^By\s+(.+)$/s read without backtracking.
  const trimmed = line.trim();
  if (!trimmed.startsWith('By') || !/^\s/u.test(trimmed.charAt(2))) return undefined;
  const text = trimmed.slice(2).trimStart();
  if (text === '') return undefined;
  return { text, ...readCredits(text) };
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
