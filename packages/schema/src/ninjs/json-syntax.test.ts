import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './json-syntax.js';

describe('findJsonSyntaxError', () => {
  it('finds nothing wrong with JSON', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, "x\\n\\u00e9", true, false, null, {"b": {}}]} ', '"s"', '0', '[[[[]]]]']) {
      expect([text, findJsonSyntaxError(text)]).toEqual([text, undefined]);
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it('names the first error with its line and column', () => {
    const cases: [string, number, number, RegExp][] = [
      ['', 1, 1, /ends where a value was expected/],
      ['{"a": 1,}', 1, 9, /trailing comma/],
      ['[1, 2,]', 1, 7, /trailing comma/],
      ['{\n  "uri": "urn:x",\n  "type": text\n}', 3, 11, /expected a value .*found "t"/],
      ['{"a" 1}', 1, 6, /expected ":"/],
      ['{"a": 1 "b": 2}', 1, 9, /expected "," or "}" after a property value/],
      ['[1 2]', 1, 4, /after an array element/],
      ["{'a': 1}", 1, 2, /property name in double quotes/],
      ['{"a": "x\ny"}', 1, 9, /unescaped control character \(U\+000A\)/],
      ['{"a": "\\q"}', 1, 8, /"\\q" is not a JSON escape/],
      ['{"a": "\\u12"}', 1, 8, /four hexadecimal digits/],
      ['{"a": "open', 1, 7, /not closed/],
      ['{"a": 01}', 1, 8, /expected "," or "}"/],
      ['{"a": -}', 1, 7, /does not start a valid number/],
      ['{} x', 1, 4, /text goes on/],
      ['{"a": [1, 2', 1, 12, /expected "," or "]"/],
      ['\r\n\r\n  nope', 3, 3, /found "n"/],
    ];
    for (const [text, line, column, reason] of cases) {
      expect(() => JSON.parse(text)).toThrow();
      const error = findJsonSyntaxError(text);
      expect([text, error?.line, error?.column]).toEqual([text, line, column]);
      expect(error?.reason).toMatch(reason);
    }
  });

  it('is linear and needs no stack for deep nesting', () => {
    const start = performance.now();
    expect(findJsonSyntaxError(`${'['.repeat(1_000_000)}${']'.repeat(999_999)}`)?.reason).toMatch(/expected "," or "]"/);
    expect(findJsonSyntaxError(`"${'\\n'.repeat(500_000)}`)?.reason).toMatch(/not closed/);
    expect(performance.now() - start).toBeLessThan(3_000);
  });
});
