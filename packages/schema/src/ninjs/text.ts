/** Plain-text clean-up shared by the ninjs reader and the HTML converter. */

// C0 controls other than tab, line feed and carriage return; DEL; unpaired UTF-16 surrogates.
// eslint-disable-next-line no-control-regex -- matching control characters is what this pattern is for
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text safe to store and show: control characters (NUL included — PostgreSQL's jsonb cannot hold it) removed,
 * unpaired surrogates (which `JSON.parse` lets through from `\ud800` escapes) replaced by U+FFFD.
 */
export function cleanText(text: string): string {
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** One line of text: cleaned, every run of whitespace (line breaks included) one space, trimmed. */
export function singleLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/**
 * Plain text to paragraphs. Blank lines separate paragraphs and the lines of one paragraph are joined with a
 * space (wrapped text); text without any blank line has one paragraph per line, the way many feeds send it.
 * CRLF and CR count as line breaks; empty paragraphs are dropped.
 */
export function plainTextParagraphs(text: string): string[] {
  const lines = cleanText(text).split(/\r\n|\r|\n|\u2028|\u2029/);
  const hasBlankLine = lines.some((line, index) => line.trim() === '' && index > 0 && index < lines.length - 1);
  if (!hasBlankLine) return lines.map((line) => singleLine(line)).filter((line) => line !== '');
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(singleLine(current.join(' ')));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) paragraphs.push(singleLine(current.join(' ')));
  return paragraphs.filter((paragraph) => paragraph !== '');
}
