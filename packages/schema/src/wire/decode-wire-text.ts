import type { WireParseError, WireParseWarning } from './wire-parse-error.js';

/** Wire input decoded to a string, or why it is not text. */
export type DecodedWireText = { ok: true; text: string; warnings: WireParseWarning[] } | { ok: false; error: WireParseError };

/** Share of disallowed characters above which text is treated as binary rather than text with stray bytes. */
const CONTROL_CHARACTER_LIMIT = 0.1;

/**
 * Characters XML 1.0 and HTML do not allow in text: C0 controls other than tab, LF and CR; DEL and the C1 controls;
 * the noncharacters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every plane; and unpaired surrogates (a lone surrogate is
 * one code point in a `u` pattern, so \p{Cs} matches it and never half of a pair).
 */
const DISALLOWED =
  // eslint-disable-next-line no-control-regex -- matching control characters is what this pattern is for
  /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]|\p{Cs}/gu;

/** Disallowed characters that separate words (vertical tab, form feed, next line): they become a space, not nothing. */
const SPACING = new Set(['\x0b', '\x0c', '\x85']);

/**
 * Decodes bytes as strict UTF-8 (a BOM is dropped) and refuses input that is not text: invalid UTF-8, or text that
 * is mostly control characters. A few characters that HTML and XML do not allow (see {@link DISALLOWED}) are removed
 * instead — vertical tab, form feed and next line become a space — with one `control-characters` warning that counts
 * them and names the line of the first. Tab, LF and CR are kept.
 */
export function decodeWireText(input: string | Uint8Array): DecodedWireText {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      const offset = firstInvalidUtf8Offset(input);
      const line = countNewlines(input, offset) + 1;
      const byte = input[offset] ?? 0;
      return binary(
        `line ${line}: the input is not UTF-8 text — invalid byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at offset ${offset}`,
        line,
      );
    }
  }
  text = text.replace(/^\uFEFF/, '');

  // One pass finds, counts and removes them; the original is kept to tell binary from text with stray characters.
  let count = 0;
  let first = -1;
  let firstCharacter = '';
  const cleaned = text.replace(DISALLOWED, (character: string, offset: number) => {
    if (count === 0) {
      first = offset;
      firstCharacter = character;
    }
    count += 1;
    return SPACING.has(character) ? ' ' : '';
  });
  if (count === 0) return { ok: true, text, warnings: [] };

  const visible = countVisible(text);
  const line = lineOfIndex(text, first);
  if (count > visible * CONTROL_CHARACTER_LIMIT) {
    return binary(`line ${line}: the input is binary, not text — ${count} of its ${visible} visible characters are control characters`, line);
  }
  const removed = count === 1 ? 'removed 1 character that is' : `removed ${count} characters that are`;
  return {
    ok: true,
    text: cleaned,
    warnings: [
      {
        code: 'control-characters',
        line,
        count,
        message: `line ${line}: ${removed} not allowed in HTML or XML text (control characters, noncharacters or unpaired surrogates), the first of them (${codePointName(firstCharacter)}) on this line`,
      },
    ],
  };
}

/** "U+000C", "U+1FFFE". */
function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

// Every character \s matches is one UTF-16 unit.
const WHITESPACE = /\s/u;

/** Characters that are not whitespace (what /\s+/g would leave), counted without building the stripped string. */
function countVisible(text: string): number {
  let visible = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // Fast path for printable ASCII; anything else is asked of \s itself, so the two definitions cannot drift.
    if (code > 0x20 && code < 0x7f) visible += 1;
    else if (!WHITESPACE.test(text.charAt(i))) visible += 1;
  }
  return visible;
}

function binary(message: string, line: number): DecodedWireText {
  return { ok: false, error: { code: 'binary', message, line } };
}

/** 1-based line of a string index, counting CRLF, CR and LF as line ends. */
export function lineOfIndex(text: string, index: number): number {
  return text.slice(0, index).split(/\r\n|\r|\n/).length;
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i += 1) if (bytes[i] === 0x0a) count += 1;
  return count;
}

/** Byte offset of the first ill-formed UTF-8 sequence (WHATWG rules), or `bytes.length` if none. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) lower = 0xa0;
      if (lead === 0xed) upper = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) lower = 0x90;
      if (lead === 0xf4) upper = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k += 1) {
      const next = bytes[i + k];
      const min = k === 1 ? lower : 0x80;
      const max = k === 1 ? upper : 0xbf;
      if (next === undefined || next < min || next > max) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
