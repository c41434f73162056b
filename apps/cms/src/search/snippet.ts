/**
 * Highlighted excerpts. Both engines are asked to wrap each match in two sentinel characters that indexed text can
 * never contain (./document.ts strips them), and their output is treated as plain text: it is split here into parts,
 * and the site escapes each part before it wraps the marked ones in `<mark>`. Nothing an engine returns is HTML.
 */

export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

export type SnippetPart = { text: string; mark: boolean };

/** Text with sentinel-wrapped matches, as parts; an unclosed mark ends with the text. Empty parts are dropped. */
export function snippetParts(marked: string | null | undefined): SnippetPart[] {
  if (!marked) return [];
  const parts: SnippetPart[] = [];
  let mark = false;
  let text = '';
  const flush = () => {
    if (text) {
      const previous = parts.at(-1);
      if (previous && previous.mark === mark) previous.text += text;
      else parts.push({ text, mark });
    }
    text = '';
  };
  for (const char of marked) {
    if (char === MARK_START || char === MARK_END) {
      flush();
      mark = char === MARK_START;
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}

export function hasMark(parts: readonly SnippetPart[]): boolean {
  return parts.some((part) => part.mark);
}

/** The excerpt to show: the body's where it has a match, else the dek's, else the body's opening words. */
export function chooseSnippet(body: string | null | undefined, dek: string | null | undefined): SnippetPart[] {
  const bodyParts = snippetParts(body);
  if (hasMark(bodyParts)) return bodyParts;
  const dekParts = snippetParts(dek);
  if (hasMark(dekParts)) return dekParts;
  return bodyParts.length > 0 ? bodyParts : dekParts;
}
