import { describe, expect, it } from 'vitest';

import { chooseSnippet, MARK_END, MARK_START, snippetParts } from './snippet';

const marked = (text: string) => text.replaceAll('[', MARK_START).replaceAll(']', MARK_END);

describe('snippetParts', () => {
  it('splits sentinel-marked text into plain and marked parts', () => {
    expect(snippetParts(marked('the [harbour] plan and the [harbour]'))).toEqual([
      { text: 'the ', mark: false },
      { text: 'harbour', mark: true },
      { text: ' plan and the ', mark: false },
      { text: 'harbour', mark: true },
    ]);
  });

  it('keeps markup as text: parts are never HTML', () => {
    expect(snippetParts(marked('<b>[x]</b>'))).toEqual([
      { text: '<b>', mark: false },
      { text: 'x', mark: true },
      { text: '</b>', mark: false },
    ]);
  });

  it('joins adjacent matches and copes with an unclosed mark', () => {
    expect(snippetParts(marked('[a][b] c'))).toEqual([
      { text: 'ab', mark: true },
      { text: ' c', mark: false },
    ]);
    expect(snippetParts(marked('a [b'))).toEqual([
      { text: 'a ', mark: false },
      { text: 'b', mark: true },
    ]);
    expect(snippetParts('')).toEqual([]);
    expect(snippetParts(null)).toEqual([]);
  });
});

describe('chooseSnippet', () => {
  it('prefers the body where it matched, then the dek, then the body’s opening', () => {
    expect(chooseSnippet(marked('body [hit]'), marked('dek [hit]'))[0]!.text).toBe('body ');
    expect(chooseSnippet('body start', marked('dek [hit]'))[0]!.text).toBe('dek ');
    expect(chooseSnippet('body start', 'dek')).toEqual([{ text: 'body start', mark: false }]);
    expect(chooseSnippet('', 'dek')).toEqual([{ text: 'dek', mark: false }]);
  });
});
