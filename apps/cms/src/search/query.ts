/**
 * A reader's search box, turned into a query neither engine can misread. The input is only ever a source of words:
 * letters and digits (with the apostrophes inside words), in any script. Quotes, `*`, `OR`, `NEAR(`, `:`, `-` and the
 * like are separators, never syntax: SQLite gets each word as a quoted FTS5 string, PostgreSQL gets the words as the
 * parameter of `plainto_tsquery`, and both require every word.
 */

/** Longer queries are refused before anything is searched. */
export const MAX_QUERY_LENGTH = 200;
/** Words past this many are ignored: each one costs a posting-list read. */
export const MAX_TERMS = 12;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

/** The words of a query, in order, each once (case-insensitively), at most {@link MAX_TERMS}. */
export function searchTerms(input: string): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const [word] of input.normalize('NFKC').matchAll(WORD)) {
    const key = word.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(word);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/** An FTS5 string: the term in double quotes, any double quote in it doubled. */
export function fts5String(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/**
 * The FTS5 MATCH expression for the terms: every term, each as a quoted string (a word with an apostrophe becomes the
 * phrase of its parts, as the tokenizer splits it). With `prefix`, the last term also matches longer words — for
 * search-as-you-type in the admin.
 */
export function fts5Query(terms: readonly string[], { prefix = false }: { prefix?: boolean } = {}): string {
  return terms.map((term, index) => `${fts5String(term)}${prefix && index === terms.length - 1 && term.length >= 2 ? '*' : ''}`).join(' ');
}

/** The text given to `plainto_tsquery`: the same words, with nothing else. */
export function plainQueryText(terms: readonly string[]): string {
  return terms.join(' ');
}

/**
 * For prefix matching on PostgreSQL (admin only): the words for `plainto_tsquery`, and the last word as a
 * `to_tsquery('simple', …)` prefix lexeme. The lexeme is built from letters, digits and marks only and quoted, so it
 * carries no operator; a last word with an apostrophe keeps its earlier parts among the plain words.
 */
export function postgresPrefixQuery(terms: readonly string[]): { plain: string; prefix?: string } {
  const last = terms.at(-1);
  if (!last) return { plain: '' };
  const parts = last.split(/['’]/);
  const tail = parts.pop() ?? '';
  const plain = [...terms.slice(0, -1), ...parts].join(' ');
  if (tail.length < 2) return { plain: [plain, tail].filter(Boolean).join(' ') };
  return { plain, prefix: `'${tail.toLowerCase()}':*` };
}
