import { describe, expect, it } from 'vitest';
import { decodeWireText, firstInvalidUtf8Offset, lineOfIndex } from './decode-wire-text.js';

const textOf = (input: string | Uint8Array): string => {
  const decoded = decodeWireText(input);
  if (!decoded.ok) throw new Error(`expected text, got ${decoded.error.message}`);
  return decoded.text;
};

describe('decodeWireText', () => {
  it('passes clean text through with no warnings, in strings and in bytes', () => {
    const text = 'Tide tables\r\n\r\nMay 4 (UPI) -- Tabs\tstay, and “quotes” and 한글 too.';
    expect(decodeWireText(text)).toEqual({ ok: true, text, warnings: [] });
    expect(decodeWireText(new TextEncoder().encode(text))).toEqual({ ok: true, text, warnings: [] });
  });

  it('drops a byte order mark', () => {
    expect(textOf('\uFEFFHello')).toBe('Hello');
    expect(textOf(new Uint8Array([0xef, 0xbb, 0xbf, 0x48, 0x69]))).toBe('Hi');
  });

  it.each([
    ['NUL', '\u0000'],
    ['bell', '\u0007'],
    ['escape', '\u001b'],
    ['unit separator', '\u001f'],
    ['DEL', '\u007f'],
    ['C1 control', '\u0080'],
    ['C1 control', '\u009f'],
    ['noncharacter U+FDD0', '\uFDD0'],
    ['noncharacter U+FDEF', '\uFDEF'],
    ['noncharacter U+FFFE', '\uFFFE'],
    ['noncharacter U+FFFF', '\uFFFF'],
    ['noncharacter U+1FFFE', '\u{1FFFE}'],
    ['noncharacter U+10FFFF', '\u{10FFFF}'],
    ['lone high surrogate', '\uD83D'],
    ['lone low surrogate', '\uDE00'],
  ])('removes a %s (%j)', (_name, character) => {
    expect(textOf(`The ferry${character} sailed at dawn today.`)).toBe('The ferry sailed at dawn today.');
  });

  it.each([
    ['vertical tab', '\u000b'],
    ['form feed', '\u000c'],
    ['next line', '\u0085'],
  ])('turns a %s into a space, so the words either side stay apart', (_name, character) => {
    expect(textOf(`The ferry${character}sailed at dawn today.`)).toBe('The ferry sailed at dawn today.');
  });

  it('keeps what is allowed: tab, LF, CR, surrogate pairs, U+FDCF, U+FDF0, U+FFFD and U+FEFF inside the text', () => {
    const text = 'a\tb\nc\rd 😀 \uFDCF\uFDF0\uFFFD x\uFEFFy';
    expect(decodeWireText(text)).toEqual({ ok: true, text, warnings: [] });
  });

  it('warns once, with the count and the line of the first', () => {
    expect(decodeWireText('Headline\n\nMay 4 (UPI) -- The ferry\f sailed.\n\nIts crew\u0000\u0000 cheered loudly.')).toEqual({
      ok: true,
      text: 'Headline\n\nMay 4 (UPI) -- The ferry  sailed.\n\nIts crew cheered loudly.',
      warnings: [
        {
          code: 'control-characters',
          line: 3,
          count: 3,
          message:
            'line 3: removed 3 characters that are not allowed in HTML or XML text (control characters, noncharacters or unpaired surrogates), the first of them (U+000C) on this line',
        },
      ],
    });
  });

  it('names a character outside the BMP by its code point', () => {
    const decoded = decodeWireText('A long enough line of text\u{10FFFF}');
    expect(decoded.ok && decoded.warnings[0]?.message).toContain('(U+10FFFF)');
  });

  it('refuses text that is mostly control characters as binary', () => {
    expect(decodeWireText('\u0001\u0002\u0003ab\u0004\u0005\n\u0006')).toEqual({
      ok: false,
      error: { code: 'binary', line: 1, message: 'line 1: the input is binary, not text — 6 of its 8 visible characters are control characters' },
    });
  });

  it('draws the line at one disallowed character in ten visible ones', () => {
    // Ten visible characters, one of them a NUL: 1 ≤ 10 × 0.1, text; two NULs: 2 > 1, binary.
    expect(decodeWireText('abcdefghi\u0000').ok).toBe(true);
    expect(decodeWireText('abcdefgh\u0000\u0000')).toMatchObject({ ok: false, error: { code: 'binary' } });
  });

  it('refuses invalid UTF-8, naming the line and the byte', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Headline\n\ncaf'), 0xe9, 0x21]);
    expect(decodeWireText(bytes)).toEqual({
      ok: false,
      error: { code: 'binary', line: 3, message: 'line 3: the input is not UTF-8 text — invalid byte 0xE9 at offset 13' },
    });
  });

  it('refuses an encoded surrogate, which is not UTF-8', () => {
    expect(decodeWireText(new Uint8Array([0x41, 0xed, 0xa0, 0x80]))).toMatchObject({ ok: false, error: { code: 'binary', line: 1 } });
  });

  it('reads 500 KB with a stray character every 20 in linear time', () => {
    const text = 'nineteen characters\u0007'.repeat(25_000);
    const started = performance.now();
    const decoded = decodeWireText(text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(decoded.ok && decoded.warnings[0]?.count).toBe(25_000);
  });
});

describe('lineOfIndex', () => {
  it('counts CRLF, CR and LF as one line end each', () => {
    expect([lineOfIndex('a\r\nb\rc\nd', 0), lineOfIndex('a\r\nb\rc\nd', 3), lineOfIndex('a\r\nb\rc\nd', 5), lineOfIndex('a\r\nb\rc\nd', 7)]).toEqual([1, 2, 3, 4]);
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('finds the first ill-formed sequence, or the length', () => {
    expect(firstInvalidUtf8Offset(new TextEncoder().encode('añ😀'))).toBe(7);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0xe2, 0x82]))).toBe(1);
  });
});
