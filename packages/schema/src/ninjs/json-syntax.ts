/** Where and why text is not JSON (RFC 8259), for error messages that name a line and column. */
export interface JsonSyntaxError {
  /** 0-based offset in the text. */
  position: number;
  reason: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

type State = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'after';

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /[0-9A-Fa-f]{4}/y;

/**
 * The first syntax error in `text`, or undefined when it is JSON. One pass with an explicit stack (no recursion), so
 * it is linear in the length of the text whatever its nesting. `JSON.parse` does the parsing; this only explains a
 * failure the same way on every JavaScript engine.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: ('{' | '[')[] = [];
  let state: State = 'value';
  let i = 0;
  const fail = (position: number, reason: string): JsonSyntaxError => ({ position, reason, ...lineAndColumn(text, position) });
  const show = (position: number) => (position >= text.length ? 'the end of the text' : JSON.stringify(text[position]));

  const skipWhitespace = () => {
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) break;
      i++;
    }
  };
  /** Reads the string starting at `i` (a double quote). */
  const readString = (): JsonSyntaxError | undefined => {
    const start = i;
    i++;
    for (;;) {
      if (i >= text.length) return fail(start, 'a string is not closed (no ending double quote)');
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return undefined;
      }
      if (code < 0x20) return fail(i, `a string holds an unescaped control character (U+${code.toString(16).padStart(4, '0').toUpperCase()}); write it as an escape such as \\n`);
      if (code === 0x5c) {
        const escape = text[i + 1];
        if (escape === 'u') {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(text)) return fail(i, 'a \\u escape needs four hexadecimal digits');
          i += 6;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) return fail(i, `${escape === undefined ? 'a backslash ends the text' : `"\\${escape}" is not a JSON escape`}`);
        i += 2;
        continue;
      }
      i++;
    }
  };

  for (;;) {
    skipWhitespace();
    const c = text[i];
    if (state === 'after') {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < text.length ? fail(i, `the JSON value ends, but the text goes on with ${show(i)}`) : undefined;
      const close = top === '{' ? '}' : ']';
      if (c === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
      } else if (c === close) {
        i++;
        stack.pop();
      } else {
        return fail(i, `expected "," or "${close}" ${top === '{' ? 'after a property value' : 'after an array element'}, found ${show(i)}`);
      }
      continue;
    }
    if (state === 'key' || state === 'key-or-end') {
      if (c === '}') {
        if (state === 'key') return fail(i, 'a comma before "}" (JSON allows no trailing comma)');
        i++;
        stack.pop();
        state = 'after';
        continue;
      }
      if (c !== '"') return fail(i, `expected a property name in double quotes, found ${show(i)}`);
      const error = readString();
      if (error) return error;
      skipWhitespace();
      if (text[i] !== ':') return fail(i, `expected ":" after the property name, found ${show(i)}`);
      i++;
      state = 'value';
      continue;
    }
    // A value is expected (or, right after "[", the end of the array).
    if (c === ']' && state === 'value-or-end') {
      i++;
      stack.pop();
      state = 'after';
      continue;
    }
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      state = c === '{' ? 'key-or-end' : 'value-or-end';
      continue;
    }
    state = 'after';
    if (c === '"') {
      const error = readString();
      if (error) return error;
      continue;
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) return fail(i, `${show(i)} does not start a valid number`);
      i = NUMBER.lastIndex;
      continue;
    }
    const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
    if (literal) {
      i += literal.length;
      continue;
    }
    if (c === ']' && stack[stack.length - 1] === '[') return fail(i, 'a comma before "]" (JSON allows no trailing comma)');
    return fail(i, i >= text.length ? 'the text ends where a value was expected' : `expected a value (string, number, object, array, true, false or null), found ${show(i)}`);
  }
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < position && index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}
