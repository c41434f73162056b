import { validateRichText } from '@newsroom/schema';
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

  it('keeps a paragraph longer than one text node may be as one paragraph, in a body the CMS accepts', () => {
    const long = `${'a'.repeat(99_999)}😀${'b'.repeat(150_000)}`;
    const doc = paragraphsToLexical(['Short.', long]);
    const texts = doc.root.children[1]!.children.map((node) => node.text);
    expect(texts.map((chunk) => chunk.length)).toEqual([99_999, 100_000, 50_002]);
    expect(texts[1]!.startsWith('😀')).toBe(true);
    expect(lexicalToParagraphs(doc)).toEqual(['Short.', long]);
    expect(validateRichText(doc)).toEqual({ ok: true });
  });

  it('makes bodies the CMS accepts from any text, markup and control characters included', () => {
    expect(validateRichText(paragraphsToLexical(['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'tab\there', '\u2028', '']))).toEqual({ ok: true });
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
