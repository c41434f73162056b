import type { LexicalDocument, LexicalNode } from '../lib/payload-types';

/** The plain text of each top-level block of a Lexical document, in order; empty blocks are left out. */
export function lexicalParagraphs(doc: LexicalDocument | null | undefined): string[] {
  const children = doc?.root?.children;
  if (!Array.isArray(children)) return [];
  return children.map(textOf).filter((text) => text.trim() !== '');
}

function textOf(node: LexicalNode): string {
  if (typeof node.text === 'string') return node.text;
  if (node.type === 'linebreak') return '\n';
  return Array.isArray(node.children) ? node.children.map(textOf).join('') : '';
}
