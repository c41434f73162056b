import type { WireParseError } from './wire-parse-error.js';

/** Wire input decoded to a string, or why it is not text. */
export type DecodedWireText = { ok: true; text: string } | { ok: false; error: WireParseError };

/** Share of control characters above which text is treated as binary rather than text with stray bytes. */
const CONTROL_CHARACTER_LIMIT = 0.1;

/**
 * Decodes bytes as strict UTF-8 (a BOM is dropped) and refuses input that is not text:
 * invalid UTF-8, NUL characters, unpaired surrogates, or mostly control characters.
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

  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const line = lineOfIndex(text, nul);
    return binary(`line ${line}: the input is binary, not text — it contains a NUL character`, line);
  }
  const surrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  if (surrogate) {
    const line = lineOfIndex(text, surrogate.index);
    return binary(`line ${line}: the input is not valid Unicode text — it contains an unpaired surrogate`, line);
  }
  // Tab, LF, VT, FF and CR are ordinary in text files; other C0/C1 controls and DEL are not.
  const { count: controls, first: firstControl } = countControlCharacters(text);
  if (controls > 0) {
    const visible = countVisible(text);
    if (controls > visible * CONTROL_CHARACTER_LIMIT) {
      const line = lineOfIndex(text, firstControl);
      return binary(
        `line ${line}: the input is binary, not text — ${controls} of its ${visible} visible characters are control characters`,
        line,
      );
    }
  }
  return { ok: true, text };
}

/** C0/C1 controls other than tab, LF, VT, FF and CR, and DEL: how many, and the index of the first. One pass, no copies. */
function countControlCharacters(text: string): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code >= 0x01 && code <= 0x08) || (code >= 0x0e && code <= 0x1f) || (code >= 0x7f && code <= 0x9f)) {
      if (count === 0) first = i;
      count += 1;
    }
  }
  return { count, first };
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
