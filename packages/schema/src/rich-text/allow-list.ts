/**
 * What an article body (Lexical JSON) may contain: the node types and field values that Payload's default
 * `lexicalEditor()` features produce — by typing, by the toolbar and by pasting — and nothing else. The CMS refuses
 * any other body on every save; the site renders only these types, from values it checks again.
 *
 * Default features: bold, italic, underline, strikethrough, subscript, superscript, inline code, paragraph, heading,
 * align, indent, unordered/ordered/check lists, link (+ autolink), relationship, blockquote, upload, horizontal rule.
 * No tables, no blocks, no text colour (TextState) — so no such nodes.
 */

/** Nodes with children. */
export const RICH_TEXT_ELEMENT_TYPES = ['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'link', 'autolink'] as const;
/** Nodes without children. */
export const RICH_TEXT_LEAF_TYPES = ['text', 'tab', 'linebreak', 'horizontalrule', 'upload', 'relationship'] as const;
export const RICH_TEXT_NODE_TYPES = [...RICH_TEXT_ELEMENT_TYPES, ...RICH_TEXT_LEAF_TYPES] as const;
export type RichTextNodeType = (typeof RICH_TEXT_NODE_TYPES)[number];

/**
 * The bits of a text node's `format` the site renders, one per inline-format feature. Lexical defines more bits
 * (highlight, case changes — pasted `<mark>` sets highlight); they are accepted and shown as plain text.
 */
export const RICH_TEXT_TEXT_FORMATS = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const;
/** Every bit Lexical 0.50 defines for a text node's `format`. */
export const LEXICAL_TEXT_FORMAT_MASK = 0b111_1111_1111;

export const RICH_TEXT_HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;
export const RICH_TEXT_LIST_TYPES = ['bullet', 'number', 'check'] as const;
export const RICH_TEXT_LIST_TAGS = ['ul', 'ol'] as const;
/** An element's alignment (`format`), from the align feature; the site does not render it. */
export const RICH_TEXT_ELEMENT_FORMATS = ['', 'left', 'start', 'center', 'right', 'end', 'justify'] as const;
export const RICH_TEXT_DIRECTIONS = ['ltr', 'rtl', null] as const;
export const RICH_TEXT_TEXT_MODES = ['normal', 'token', 'segmented'] as const;
export const RICH_TEXT_LINK_TYPES = ['custom', 'internal'] as const;
/** The URL schemes a link may use; scheme-less links must be a site path ("/…") or a fragment ("#…"). */
export const RICH_TEXT_URL_SCHEMES = ['http:', 'https:', 'mailto:'] as const;

export const RICH_TEXT_LIMITS = {
  /** Root is depth 0; a paragraph's text is depth 2; ten levels of nested lists stay well inside. */
  maxDepth: 32,
  maxNodes: 20_000,
  /** One text node: longer than any paragraph of a story. */
  maxTextLength: 100_000,
  /** All text in the body. */
  maxTotalTextLength: 1_000_000,
  maxUrlLength: 2_048,
  /** Any other string: styles, ids, relation names. */
  maxStringLength: 1_000,
  /** Indent levels (the indent feature). */
  maxIndent: 40,
} as const;

export type RichTextLimits = { -readonly [K in keyof typeof RICH_TEXT_LIMITS]: number };

/**
 * Why a link URL may not be used in a body, or undefined when it may: absolute http(s) with a host, `mailto:`, a site
 * path ("/news/a", not "//host") or a fragment ("#top"). No whitespace, control characters or backslashes anywhere —
 * browsers strip or reinterpret them — and at most {@link RICH_TEXT_LIMITS.maxUrlLength} characters.
 */
export function richTextUrlProblem(url: string, maxLength: number = RICH_TEXT_LIMITS.maxUrlLength): string | undefined {
  if (url === '') return 'is empty';
  if (url.length > maxLength) return `is longer than ${maxLength} characters`;
  if (hasWhitespaceOrControl(url)) return 'contains whitespace or control characters';
  if (url.includes('\\')) return 'contains a backslash';
  if (url.startsWith('#')) return undefined;
  if (url.startsWith('/')) return url.startsWith('//') ? 'is protocol-relative ("//host"); write https://' : undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return 'must be absolute (https://…), a site path (/…), a #fragment or mailto:';
  if (!(RICH_TEXT_URL_SCHEMES as readonly string[]).includes(`${scheme}:`)) return `scheme "${scheme}:" is not allowed`;
  if (scheme === 'mailto') return url.length > 'mailto:'.length ? undefined : 'has no address after mailto:';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a valid URL';
  }
  return parsed.hostname ? undefined : 'has no host';
}

/** True when the text holds whitespace (any Unicode space or line/paragraph separator), a C0/C1 control or a BOM. */
export function hasWhitespaceOrControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfeff) return true;
  }
  return /\s/.test(text);
}
