import { type DefaultTreeAdapterMap, parse, Tokenizer, TokenizerMode, type Token } from 'parse5';
import { RICH_TEXT_LIMITS, RICH_TEXT_TEXT_FORMATS, richTextUrlProblem } from '../rich-text/allow-list.js';
import { cleanText } from './text.js';

/*
 * HTML (an agency's story body) to the Lexical JSON the CMS editor stores, keeping only what the editor offers:
 * paragraphs, headings h2-h4, quotes, bulleted and numbered lists, links (http, https and mailto) and the inline
 * formats bold, italic, underline, strikethrough and code. Everything else is dropped — elements, attributes,
 * styles, classes, event handlers — and the text inside unknown or layout elements (div, span, table, section…) is
 * kept. Elements whose content is not story text are dropped with their content: scripts, styles, embedded and
 * media content (iframe, object, img, video, svg…), form controls, the document head, and figures with their
 * captions (a story's photo travels as an association, not in the body).
 */

export interface LexicalTextNode {
  type: 'text';
  text: string;
  /** Bit set of {@link RICH_TEXT_TEXT_FORMATS}. */
  format: number;
  style: '';
  mode: 'normal';
  detail: 0;
  version: 1;
}

export interface LexicalLineBreakNode {
  type: 'linebreak';
  version: 1;
}

export interface LexicalLinkNode {
  type: 'link';
  children: (LexicalTextNode | LexicalLineBreakNode)[];
  fields: { linkType: 'custom'; url: string; newTab: false };
  direction: 'ltr';
  format: '';
  indent: 0;
  version: 3;
}

export type LexicalInlineNode = LexicalTextNode | LexicalLineBreakNode | LexicalLinkNode;

interface LexicalElementFields {
  direction: 'ltr';
  format: '';
  indent: number;
  version: 1;
}

export interface LexicalParagraphNode extends LexicalElementFields {
  type: 'paragraph';
  children: LexicalInlineNode[];
  textFormat: 0;
  textStyle: '';
}

export interface LexicalHeadingNode extends LexicalElementFields {
  type: 'heading';
  tag: 'h2' | 'h3' | 'h4';
  children: LexicalInlineNode[];
}

export interface LexicalQuoteNode extends LexicalElementFields {
  type: 'quote';
  children: LexicalInlineNode[];
}

export interface LexicalListItemNode extends LexicalElementFields {
  type: 'listitem';
  /** 1-based position in its list. */
  value: number;
  /** Inline content, or a single nested list (Lexical keeps a nested list in an item of its own). */
  children: (LexicalInlineNode | LexicalListNode)[];
}

export interface LexicalListNode extends LexicalElementFields {
  type: 'list';
  listType: 'bullet' | 'number';
  tag: 'ul' | 'ol';
  start: 1;
  children: LexicalListItemNode[];
}

export type LexicalBlockNode = LexicalParagraphNode | LexicalHeadingNode | LexicalQuoteNode | LexicalListNode;

/** A Lexical editor state (`SerializedEditorState`): what a Payload rich-text field stores. */
export interface LexicalRoot {
  root: {
    type: 'root';
    children: LexicalBlockNode[];
    direction: 'ltr';
    format: '';
    indent: 0;
    version: 1;
  };
}

/** Lists nested deeper than this are flattened into their parent item's text. */
export const MAX_LIST_NESTING = 8;
/**
 * Markup nested deeper than this (counting elements that can nest) has its excess tags dropped, text kept, before it is
 * parsed: the HTML tree-building algorithm is quadratic in the nesting depth, so a body of a few hundred kilobytes
 * of `<div>`s would otherwise take minutes. Real story markup nests a few dozen levels at most.
 */
export const MAX_HTML_NESTING = 256;

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Elements dropped with everything inside them. */
const DROPPED = new Set([
  'head', 'title', 'meta', 'link', 'base', 'script', 'style', 'template', 'noscript', 'noembed', 'noframes',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'portal', 'fencedframe',
  'img', 'picture', 'source', 'track', 'video', 'audio', 'canvas', 'map', 'area', 'svg', 'math',
  'input', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'button', 'output', 'progress', 'meter', 'dialog',
  'figure', 'figcaption', 'hr', 'wbr',
]);

/** Inline elements: their text joins the surrounding paragraph, with the format bits given here. */
const INLINE_FORMAT: ReadonlyMap<string, number> = new Map([
  ['b', RICH_TEXT_TEXT_FORMATS.bold],
  ['strong', RICH_TEXT_TEXT_FORMATS.bold],
  ['i', RICH_TEXT_TEXT_FORMATS.italic],
  ['em', RICH_TEXT_TEXT_FORMATS.italic],
  ['u', RICH_TEXT_TEXT_FORMATS.underline],
  ['ins', RICH_TEXT_TEXT_FORMATS.underline],
  ['s', RICH_TEXT_TEXT_FORMATS.strikethrough],
  ['strike', RICH_TEXT_TEXT_FORMATS.strikethrough],
  ['del', RICH_TEXT_TEXT_FORMATS.strikethrough],
  ['code', RICH_TEXT_TEXT_FORMATS.code],
  ['kbd', RICH_TEXT_TEXT_FORMATS.code],
  ['samp', RICH_TEXT_TEXT_FORMATS.code],
  ['tt', RICH_TEXT_TEXT_FORMATS.code],
  ...[
    'a', 'span', 'font', 'small', 'big', 'abbr', 'acronym', 'cite', 'dfn', 'q', 'time', 'var', 'mark', 'data',
    'bdi', 'bdo', 'label', 'sub', 'sup', 'nobr', 'ruby', 'rb', 'rt', 'rtc', 'rp', 'blink', 'marquee',
  ].map((tag) => [tag, 0] as const),
]);

const HEADING_TAG: Readonly<Record<string, LexicalHeadingNode['tag']>> = { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h4', h6: 'h4' };

/**
 * Converts story HTML — a fragment or a whole document — to a Lexical document of the editor's node types (see the
 * module comment). Parsed with parse5 as a browser would; text is never interpreted as markup (`&lt;b&gt;` stays the
 * text "<b>"). Whitespace is collapsed as HTML renders it, except inside `<pre>`. `<h1>` becomes an h2 and `<h5>`/`<h6>`
 * h4; a quote, heading or list item keeps its inner blocks as lines; a link keeps its text and only an absolute
 * http(s) URL with a host or a `mailto:` address as its target (anything else — `javascript:`, `data:`, relative
 * URLs, URLs with spaces — leaves the text unlinked). Text nodes are split to stay within the editor's per-node
 * length; the caller should still check the result with `validateRichText`, which also bounds the node count and
 * total length of a body.
 */
export function htmlToRichText(html: string): LexicalRoot {
  const cleaned = cleanText(html);
  const source = capNesting(cleaned, MAX_HTML_NESTING) ?? cleaned;
  const document = parse(source, { scriptingEnabled: true });
  const htmlElement = document.childNodes.find((node): node is Element => isElement(node) && node.tagName === 'html');
  const body = htmlElement?.childNodes.find((node): node is Element => isElement(node) && node.tagName === 'body');
  const blocks: LexicalBlockNode[] = [];
  if (body) flow(body.childNodes, 0, blocks, 0);
  return rootOf(blocks);
}

/** A Lexical document of one paragraph per plain-text paragraph (no markup is read from the text). */
export function paragraphsToRichText(paragraphs: readonly string[]): LexicalRoot {
  const blocks: LexicalBlockNode[] = [];
  const run = new InlineRun();
  for (const paragraph of paragraphs) {
    if (paragraph.trim() === '') continue;
    run.text(paragraph, 0, undefined, true);
    const children = run.finish();
    if (children.length > 0) blocks.push(paragraphNode(children));
  }
  return rootOf(blocks);
}

/**
 * The plain text of each block of a Lexical document made by {@link htmlToRichText}: one string per paragraph,
 * heading and quote, one per list item (nested items follow their parent); line breaks inside a block are "\n".
 */
export function richTextToParagraphs(document: LexicalRoot): string[] {
  const paragraphs: string[] = [];
  for (const block of document.root.children) {
    if (block.type === 'list') listTexts(block, paragraphs);
    else paragraphs.push(inlineText(block.children));
  }
  return paragraphs.filter((text) => text.trim() !== '');
}

/** The text content of HTML, as one line (for headlines and captions sent as HTML). */
export function htmlToText(html: string): string {
  return richTextToParagraphs(htmlToRichText(html)).join(' ').replace(/\s+/g, ' ').trim();
}

/** True when the text holds at least one HTML tag (as the HTML tokenizer reads it: "3 < 5" holds none). */
export function hasMarkup(text: string): boolean {
  let found = false;
  const tokenizer: Tokenizer = new Tokenizer(
    {},
    {
      onStartTag() {
        found = true;
      },
      onEndTag() {
        found = true;
      },
      onCharacter() {},
      onWhitespaceCharacter() {},
      onNullCharacter() {},
      onComment() {},
      onDoctype() {},
      onEof() {},
    },
  );
  tokenizer.write(text, true);
  return found;
}

function listTexts(list: LexicalListNode, out: string[]): void {
  for (const item of list.children) {
    const inline = item.children.filter((child): child is LexicalInlineNode => child.type !== 'list');
    if (inline.length > 0) out.push(inlineText(inline));
    for (const child of item.children) if (child.type === 'list') listTexts(child, out);
  }
}

function inlineText(nodes: readonly LexicalInlineNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.text : node.type === 'linebreak' ? '\n' : inlineText(node.children))).join('');
}

function rootOf(children: LexicalBlockNode[]): LexicalRoot {
  return { root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } };
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

/** The element's tag name when it is an HTML element, else undefined (SVG and MathML content is foreign). */
function htmlTag(node: Node): string | undefined {
  return isElement(node) && node.namespaceURI === HTML_NS ? node.tagName : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Block structure

/** Deeper than this (after {@link capNesting}) the tree is not walked further; a guard, never reached by parse5 output. */
const MAX_WALK_DEPTH = 2_000;

/**
 * Block-level content (the body, a div, a table cell…) into `out`: runs of inline content become paragraphs,
 * block elements their own blocks.
 */
function flow(nodes: readonly Node[], format: number, out: LexicalBlockNode[], depth: number): void {
  const run = new InlineRun();
  const flush = () => {
    const children = run.finish();
    if (children.length > 0) out.push(paragraphNode(children));
  };
  const onBlock: BlockHandler = (element, innerFormat, _link, at) => {
    flush();
    block(element, innerFormat, out, at);
  };
  for (const node of nodes) inline(node, format, undefined, false, run, onBlock, depth + 1);
  flush();
}

/** One block element into `out`. */
function block(element: Element, format: number, out: LexicalBlockNode[], depth: number): void {
  if (depth > MAX_WALK_DEPTH) return;
  const tag = element.tagName;
  const heading = HEADING_TAG[tag];
  if (heading) {
    const children = flattened(element.childNodes, format, false, depth);
    if (children.length > 0) out.push({ type: 'heading', tag: heading, children, direction: 'ltr', format: '', indent: 0, version: 1 });
  } else if (tag === 'p' || tag === 'li' || tag === 'dt' || tag === 'dd' || tag === 'address' || tag === 'summary' || tag === 'caption') {
    const children = flattened(element.childNodes, format, false, depth);
    if (children.length > 0) out.push(paragraphNode(children));
  } else if (tag === 'pre' || tag === 'listing' || tag === 'xmp' || tag === 'plaintext') {
    const children = flattened(element.childNodes, format, true, depth);
    if (children.length > 0) out.push(paragraphNode(children));
  } else if (tag === 'blockquote') {
    const children = flattened(element.childNodes, format, false, depth);
    if (children.length > 0) out.push({ type: 'quote', children, direction: 'ltr', format: '', indent: 0, version: 1 });
  } else if (tag === 'ul' || tag === 'ol' || tag === 'menu' || tag === 'dir') {
    const list = listNode(element, format, 0, depth);
    if (list) out.push(list);
  } else {
    // div, section, article, table, tr, td, dl, details… : a container of blocks.
    flow(element.childNodes, format, out, depth);
  }
}

/** Content of a heading, paragraph or quote: inner blocks become lines of the one block. */
function flattened(nodes: readonly Node[], format: number, preformatted: boolean, depth: number): LexicalInlineNode[] {
  const run = new InlineRun();
  const onBlock: BlockHandler = (element, innerFormat, link, at) => {
    const pre = preformatted || element.tagName === 'pre' || element.tagName === 'listing';
    run.blockBoundary(link);
    for (const node of element.childNodes) inline(node, innerFormat, link, pre, run, onBlock, at + 1);
    run.blockBoundary(link);
  };
  for (const node of nodes) inline(node, format, undefined, preformatted, run, onBlock, depth + 1);
  return run.finish();
}

function listNode(element: Element, format: number, level: number, depth: number): LexicalListNode | undefined {
  if (depth > MAX_WALK_DEPTH) return undefined;
  const numbered = element.tagName === 'ol';
  const items: LexicalListItemNode[] = [];
  const pushItem = (children: LexicalListItemNode['children']) => {
    if (children.length > 0) items.push({ type: 'listitem', value: items.length + 1, children, direction: 'ltr', format: '', indent: level, version: 1 });
  };
  // Content of the list outside any <li> (invalid, but parsers keep it) collects into items of its own.
  const stray = new InlineRun();
  const flushStray = () => pushItem(stray.finish());
  for (const child of element.childNodes) {
    if (htmlTag(child) === 'li') {
      flushStray();
      listItem(child as Element, format, level, depth + 1, pushItem);
    } else {
      const onBlock: BlockHandler = (inner, innerFormat, link, at) => {
        if (isList(inner) && level + 1 < MAX_LIST_NESTING) {
          flushStray();
          const nested = listNode(inner, innerFormat, level + 1, at);
          if (nested) pushItem([nested]);
          return;
        }
        stray.blockBoundary(link);
        for (const node of inner.childNodes) inline(node, innerFormat, link, inner.tagName === 'pre', stray, onBlock, at + 1);
        stray.blockBoundary(link);
      };
      inline(child, format, undefined, false, stray, onBlock, depth + 1);
    }
  }
  flushStray();
  if (items.length === 0) return undefined;
  return { type: 'list', listType: numbered ? 'number' : 'bullet', tag: numbered ? 'ol' : 'ul', start: 1, children: items, direction: 'ltr', format: '', indent: 0, version: 1 };
}

/** One <li>: its text becomes an item; a list inside it becomes an item holding the nested list. */
function listItem(element: Element, format: number, level: number, depth: number, pushItem: (children: LexicalListItemNode['children']) => void): void {
  const run = new InlineRun();
  const onBlock: BlockHandler = (inner, innerFormat, link, at) => {
    if (isList(inner) && level + 1 < MAX_LIST_NESTING) {
      pushItem(run.finish());
      const nested = listNode(inner, innerFormat, level + 1, at);
      if (nested) pushItem([nested]);
      return;
    }
    run.blockBoundary(link);
    for (const node of inner.childNodes) inline(node, innerFormat, link, inner.tagName === 'pre', run, onBlock, at + 1);
    run.blockBoundary(link);
  };
  for (const node of element.childNodes) inline(node, format, undefined, false, run, onBlock, depth + 1);
  pushItem(run.finish());
}

function isList(element: Element): boolean {
  return element.tagName === 'ul' || element.tagName === 'ol' || element.tagName === 'menu' || element.tagName === 'dir';
}

function paragraphNode(children: LexicalInlineNode[]): LexicalParagraphNode {
  return { type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', version: 1 };
}

// ---------------------------------------------------------------------------------------------------------------
// Inline content

/** What to do with a block element met inside inline content, `depth` levels down the tree. */
type BlockHandler = (element: Element, format: number, link: LinkTarget | undefined, depth: number) => void;

/** The target of one `<a>`: text under the same element becomes one link node. */
interface LinkTarget {
  url: string;
}

function inline(node: Node, format: number, link: LinkTarget | undefined, pre: boolean, run: InlineRun, onBlock: BlockHandler, depth: number): void {
  if (node.nodeName === '#text') {
    run.text((node as DefaultTreeAdapterMap['textNode']).value, format, link, pre);
    return;
  }
  if (!isElement(node) || depth > MAX_WALK_DEPTH) return;
  const tag = htmlTag(node);
  if (tag === undefined || DROPPED.has(tag)) return;
  if (tag === 'br') {
    run.lineBreak(link);
    return;
  }
  const bits = INLINE_FORMAT.get(tag);
  if (bits === undefined) {
    onBlock(node, format, link, depth);
    return;
  }
  let target = link;
  if (tag === 'a' && link === undefined) {
    const url = linkUrl(node);
    if (url !== undefined) target = { url };
  }
  for (const child of node.childNodes) inline(child, format | bits, target, pre, run, onBlock, depth + 1);
}

/** The href of an <a> when the editor may link to it: absolute http(s) with a host, or mailto. */
function linkUrl(element: Element): string | undefined {
  const href = element.attrs.find((attribute) => attribute.name === 'href')?.value;
  if (href === undefined) return undefined;
  // Browsers ignore leading and trailing C0 controls and spaces in an href.
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const url = href.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'mailto') return undefined;
  return richTextUrlProblem(url) === undefined ? url : undefined;
}

type Atom =
  | { kind: 'text'; text: string; format: number; pre: boolean; link: LinkTarget | undefined }
  | { kind: 'break'; soft: boolean; link: LinkTarget | undefined };

/**
 * Inline content as it is met, then {@link finish}ed into Lexical nodes: whitespace collapsed and trimmed the way
 * HTML renders it, adjacent text of one format merged, links grouped, text split to the per-node limit. Finishing
 * empties the run, which then collects the content that follows (after a block met inside inline content).
 */
class InlineRun {
  private atoms: Atom[] = [];

  text(text: string, format: number, link: LinkTarget | undefined, pre: boolean): void {
    if (!pre) {
      this.atoms.push({ kind: 'text', text: text.replace(/[\t\n\f\r ]+/g, ' '), format, pre, link });
      return;
    }
    // Preformatted: every line break is kept; tabs become spaces.
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .forEach((line, index) => {
        if (index > 0) this.atoms.push({ kind: 'break', soft: false, link });
        if (line !== '') this.atoms.push({ kind: 'text', text: line.replace(/\t/g, ' '), format, pre, link });
      });
  }

  /** A `<br>`. */
  lineBreak(link: LinkTarget | undefined): void {
    this.atoms.push({ kind: 'break', soft: false, link });
  }

  /** Where an inner block starts or ends: a line break unless the content already breaks there (or is empty). */
  blockBoundary(link: LinkTarget | undefined): void {
    this.atoms.push({ kind: 'break', soft: true, link });
  }

  finish(): LexicalInlineNode[] {
    const atoms = this.atoms;
    this.atoms = [];
    // Leading spaces: dropped after a space, a break or the start.
    let afterSpace = true;
    for (const atom of atoms) {
      if (atom.kind === 'break') {
        afterSpace = true;
        continue;
      }
      if (!atom.pre && afterSpace && atom.text.startsWith(' ')) atom.text = atom.text.slice(1);
      if (atom.text !== '') afterSpace = !atom.pre && atom.text.endsWith(' ');
    }
    // Trailing spaces: dropped before a break or the end.
    let beforeBreak = true;
    for (let index = atoms.length - 1; index >= 0; index--) {
      const atom = atoms[index]!;
      if (atom.kind === 'break') {
        beforeBreak = true;
        continue;
      }
      if (!atom.pre && beforeBreak && atom.text.endsWith(' ')) atom.text = atom.text.slice(0, -1);
      if (atom.text !== '') beforeBreak = false;
    }
    // Soft breaks (block boundaries) only where no other break is; no breaks at the start or the end.
    const kept: Atom[] = [];
    for (const atom of atoms) {
      if (atom.kind === 'text') {
        if (atom.text !== '') kept.push(atom);
        continue;
      }
      const last = kept[kept.length - 1];
      if (last === undefined) continue;
      if (last.kind === 'break') {
        if (last.soft && !atom.soft) kept[kept.length - 1] = atom;
        if (atom.soft || last.soft) continue;
      }
      kept.push(atom);
    }
    while (kept[kept.length - 1]?.kind === 'break') kept.pop();

    const out: LexicalInlineNode[] = [];
    let linkNode: LexicalLinkNode | undefined;
    let linkTarget: LinkTarget | undefined;
    for (const atom of kept) {
      if (atom.link !== linkTarget) {
        linkTarget = atom.link;
        linkNode = undefined;
        if (atom.link) {
          linkNode = { type: 'link', children: [], fields: { linkType: 'custom', url: atom.link.url, newTab: false }, direction: 'ltr', format: '', indent: 0, version: 3 };
          out.push(linkNode);
        }
      }
      const target: (LexicalTextNode | LexicalLineBreakNode)[] | LexicalInlineNode[] = linkNode ? linkNode.children : out;
      if (atom.kind === 'break') {
        target.push({ type: 'linebreak', version: 1 });
        continue;
      }
      const previous = target[target.length - 1];
      if (previous?.type === 'text' && previous.format === atom.format) previous.text += atom.text;
      else target.push(textNode(atom.text, atom.format));
    }
    return splitLongText(out);
  }
}

function textNode(text: string, format: number): LexicalTextNode {
  return { type: 'text', text, format, style: '', mode: 'normal', detail: 0, version: 1 };
}

/** Text nodes longer than the editor's per-node limit become several nodes, never splitting a surrogate pair. */
function splitLongText<T extends LexicalInlineNode>(nodes: T[]): T[] {
  const size = RICH_TEXT_LIMITS.maxTextLength;
  if (!nodes.some((node) => (node.type === 'text' && node.text.length > size) || node.type === 'link')) return nodes;
  return nodes.flatMap((node): T[] => {
    if (node.type === 'link') return [{ ...node, children: splitLongText(node.children) }];
    if (node.type !== 'text' || node.text.length <= size) return [node];
    const parts: T[] = [];
    for (let start = 0; start < node.text.length; ) {
      let end = Math.min(start + size, node.text.length);
      const last = node.text.charCodeAt(end - 1);
      if (end < node.text.length && last >= 0xd800 && last <= 0xdbff) end--;
      parts.push({ ...node, text: node.text.slice(start, end) });
      start = end;
    }
    return parts;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Nesting cap

/** Elements the parser never nests in themselves (it closes the open one), or that hold no content. */
const NON_NESTING = new Set([
  'html', 'head', 'body', 'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot',
  'caption', 'colgroup', 'rb', 'rt', 'rtc', 'rp', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'button', 'nobr', 'form',
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen',
  'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
/** Elements whose content the tokenizer reads as raw text; all are dropped by the converter, so their content is too. */
const RAW_TEXT: ReadonlyMap<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]> = new Map([
  ['script', TokenizerMode.SCRIPT_DATA],
  ['style', TokenizerMode.RAWTEXT],
  ['iframe', TokenizerMode.RAWTEXT],
  ['noembed', TokenizerMode.RAWTEXT],
  ['noframes', TokenizerMode.RAWTEXT],
  ['noscript', TokenizerMode.RAWTEXT],
  ['textarea', TokenizerMode.RCDATA],
  ['title', TokenizerMode.RCDATA],
]);
/** Raw-text elements whose content is text to keep: rewritten as <pre>. */
const RAW_TEXT_KEPT: ReadonlyMap<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]> = new Map([
  ['xmp', TokenizerMode.RAWTEXT],
  ['plaintext', TokenizerMode.PLAINTEXT],
]);

/**
 * When the HTML nests more than `maxDepth` elements, the same HTML with the tags beyond that depth removed (their
 * text kept), comments, doctypes and attributes other than `href` dropped, and raw-text elements handled as the
 * converter would; otherwise undefined (the HTML is parsed as it is). The depth is counted per tag name from
 * start and end tags, over-counting where end tags are missing, so it never under-estimates the parsed depth of
 * the elements that can nest. One tokenizer pass: linear in the length of the HTML.
 */
function capNesting(html: string, maxDepth: number): string | undefined {
  const open = new Map<string, number>();
  const skipped = new Map<string, number>();
  let depth = 0;
  let foreign = 0;
  let exceeded = false;
  let out: string[] = [];
  let raw: 'drop' | 'keep' | undefined;
  const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const bump = (map: Map<string, number>, name: string, by: number) => map.set(name, (map.get(name) ?? 0) + by);

  const tokenizer: Tokenizer = new Tokenizer(
    {},
    {
      onStartTag(token: Token.TagToken) {
        const name = token.tagName;
        const dropMode = RAW_TEXT.get(name);
        const keepMode = RAW_TEXT_KEPT.get(name);
        if (dropMode !== undefined || keepMode !== undefined) {
          tokenizer.state = (dropMode ?? keepMode)!;
          raw = dropMode !== undefined ? 'drop' : 'keep';
          if (raw === 'keep') out.push('<pre>');
          return;
        }
        // "/>" closes an element only inside SVG and MathML; in HTML "<div/>" opens a div.
        const selfClosed = token.selfClosing && (foreign > 0 || name === 'svg' || name === 'math');
        if ((name === 'svg' || name === 'math') && !selfClosed) foreign++;
        if (!NON_NESTING.has(name) && !selfClosed) {
          if (depth >= maxDepth) {
            exceeded = true;
            bump(skipped, name, 1);
            return;
          }
          depth++;
          bump(open, name, 1);
        }
        const href = name === 'a' ? token.attrs.find((attribute) => attribute.name === 'href') : undefined;
        out.push(href ? `<a href="${escapeAttribute(href.value)}">` : `<${name}>`);
      },
      onEndTag(token: Token.TagToken) {
        const name = token.tagName;
        if (raw !== undefined) {
          if (raw === 'keep') out.push('</pre>');
          raw = undefined;
          return;
        }
        if ((skipped.get(name) ?? 0) > 0) {
          bump(skipped, name, -1);
          return;
        }
        if ((open.get(name) ?? 0) > 0) {
          bump(open, name, -1);
          depth--;
          if (name === 'svg' || name === 'math') foreign--;
        }
        out.push(`</${name}>`);
      },
      onCharacter(token: Token.CharacterToken) {
        if (raw !== 'drop') out.push(escapeText(token.chars));
      },
      onWhitespaceCharacter(token: Token.CharacterToken) {
        if (raw !== 'drop') out.push(token.chars);
      },
      onNullCharacter() {},
      onComment() {},
      onDoctype() {},
      onEof() {},
    },
  );
  tokenizer.write(html, true);
  if (!exceeded) return undefined;
  const result = out.join('');
  out = [];
  return result;
}
