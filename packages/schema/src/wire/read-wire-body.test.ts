import { describe, expect, it } from 'vitest';
import { readWireBody, type WireBodyResult } from './read-wire-body.js';
import { splitWireLines } from './wire-lines.js';

/** The body of lines whose first is the dateline paragraph, with `rest` as that line's text after the dateline. */
const body = (rest: string, ...after: string[]): WireBodyResult => {
  const lines = splitWireLines(['Oct. 2 (UPI) -- ' + rest, ...after].join('\n'));
  return readWireBody(lines, { dateline: { month: 10, day: 2, year: 2019, agency: 'UPI' }, line: lines[0]!, index: 0, rest: rest.trim() });
};

function bodyOf(result: WireBodyResult) {
  if (!result.ok) throw new Error(`expected a body, got ${result.error.message}`);
  return result.body;
}

describe('readWireBody', () => {
  it('reads paragraphs separated by blank lines, joining hard-wrapped lines with a space', () => {
    expect(bodyOf(body('Keepers voted', 'on Tuesday.', '', '', 'The vote was 41 to 3.'))).toEqual({
      paragraphs: ['Keepers voted on Tuesday.', 'The vote was 41 to 3.'],
      adPositions: [],
      latestHeadlines: false,
    });
  });

  it('starts with the next line when the dateline line has no text after it', () => {
    expect(bodyOf(body('', 'Keepers voted.', '', 'It was close.')).paragraphs).toEqual(['Keepers voted.', 'It was close.']);
  });

  it('marks ads after paragraphs, one per place, and drops one after the last paragraph', () => {
    const result = bodyOf(body('One.', '', 'Advertisement', 'Advertisement', '', 'Two.', 'Advertisement', 'Three.', '', 'Advertisement'));
    expect(result.paragraphs).toEqual(['One.', 'Two.', 'Three.']);
    expect(result.adPositions).toEqual([
      { placement: 'after-paragraph', paragraph: 1 },
      { placement: 'after-paragraph', paragraph: 2 },
    ]);
  });

  it('ignores an ad marker before the first paragraph', () => {
    expect(bodyOf(body('', 'Advertisement', 'One.')).adPositions).toEqual([]);
  });

  it('ends at "Latest Headlines", ignoring the headline rail', () => {
    expect(bodyOf(body('One.', '', 'Latest Headlines', 'Other story', '', 'Another'))).toEqual({ paragraphs: ['One.'], adPositions: [], latestHeadlines: true });
  });

  it('refuses a dateline paragraph with no text', () => {
    expect(body('', '', 'Latest Headlines')).toEqual({
      ok: false,
      error: { code: 'invalid', line: 1, message: 'line 1: the dateline paragraph has no text after "Oct. 2 (UPI) --"' },
    });
  });
});
