import { describe, expect, it } from 'vitest';

import { lexicalToParagraphs, paragraphsToLexical } from './lexical';

describe('Lexical paragraphs', () => {
  it('round-trips plain paragraphs, markup kept as text', () => {
    const paragraphs = ['First “quoted” line.', '<script>alert(1)</script> stays text', 'Third.'];
    const doc = paragraphsToLexical(paragraphs);
    expect(doc.root.children).toHaveLength(3);
    expect(doc.root.children[1]!.children[0]).toMatchObject({ type: 'text', text: '<script>alert(1)</script> stays text' });
    expect(lexicalToParagraphs(doc)).toEqual(paragraphs);
  });

  it('flattens inline nodes and skips empty blocks', () => {
    const doc = {
      root: {
        children: [
          { type: 'paragraph', children: [{ type: 'text', text: 'A ' }, { type: 'link', children: [{ type: 'text', text: 'link' }] }] },
          { type: 'paragraph', children: [] },
        ],
      },
    };
    expect(lexicalToParagraphs(doc)).toEqual(['A link']);
  });

  it('returns no paragraphs for a missing document', () => {
    expect(lexicalToParagraphs(null)).toEqual([]);
    expect(lexicalToParagraphs({})).toEqual([]);
  });
});
