/**
 * Plain-text paragraphs to and from the Lexical JSON that Payload's rich-text field stores.
 * Text stays text: a paragraph that looks like HTML becomes a text node, never markup.
 */

import { RICH_TEXT_LIMITS } from '@newsroom/schema';

type LexicalText = {
  type: 'text';
  text: string;
  format: number;
  style: string;
  mode: 'normal';
  detail: number;
  version: 1;
};

type LexicalParagraph = {
  type: 'paragraph';
  children: LexicalText[];
  direction: 'ltr' | null;
  format: '';
  indent: number;
  textFormat: number;
  textStyle: string;
  version: 1;
};

export type LexicalDocument = {
  root: {
    type: 'root';
    children: LexicalParagraph[];
    direction: 'ltr' | null;
    format: '';
    indent: number;
    version: 1;
  };
};

export function paragraphsToLexical(paragraphs: readonly string[]): LexicalDocument {
  return {
    root: {
      type: 'root',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        direction: 'ltr',
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        version: 1,
        children: textChunks(text).map((chunk) => ({ type: 'text', text: chunk, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })),
      })),
    },
  };
}

/**
 * A paragraph's text as text nodes of at most the body's per-node limit (a paragraph longer than that stays one
 * paragraph, in several nodes), never splitting a surrogate pair.
 */
function textChunks(text: string, size: number = RICH_TEXT_LIMITS.maxTextLength): string[] {
  if (text.length <= size) return [text];
  const chunks: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

type AnyNode = { type?: unknown; text?: unknown; children?: unknown };

/** The text of each top-level block, in order; inline formatting and links are flattened to text. */
export function lexicalToParagraphs(doc: unknown): string[] {
  const root = (doc as { root?: AnyNode } | null | undefined)?.root;
  if (!root || !Array.isArray(root.children)) return [];
  return (root.children as AnyNode[]).map(textOf).filter((text) => text.trim() !== '');
}

function textOf(node: AnyNode): string {
  if (typeof node.text === 'string') return node.text;
  if (node.type === 'linebreak') return '\n';
  return Array.isArray(node.children) ? (node.children as AnyNode[]).map(textOf).join('') : '';
}
