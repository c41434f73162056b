import { escapeHtml, RICH_TEXT_LIMITS, RICH_TEXT_TEXT_FORMATS } from '@newsroom/schema';

import type { LexicalDocument, LexicalNode, PayloadMedia } from '../lib/payload-types';
import { renditionsOf } from '../model/from-payload-article';
import { LAYOUT_RENDITIONS, LEAD_PHOTO_SIZES, responsiveImage } from '../model/responsive-image';
import { hasControlCharacter, mediaPath, safeLink } from '../model/safe-link';

/**
 * The article body, Lexical JSON from the CMS, as HTML. Every element and attribute is written here — no converter
 * of Payload's — from values checked here: text is escaped; tags come from fixed tables; numbers are coerced and
 * range-checked; URLs pass {@link bodyHref}; `rel`/`target` come from a boolean. Only the node types the CMS's editor
 * offers are rendered (it refuses other bodies, but this is the site's own line of defence, for whatever reaches it);
 * a node of another type shows the text inside it, escaped, and nothing of its fields.
 *
 * Output elements: p, h2–h6, strong, em, s, u, code, sub, sup, br, a, ul, ol, li, blockquote, hr, figure, img.
 * No `style`, no `on*`, no `id`: alignment and indentation from the editor are not carried over.
 */

/** One top-level block of the body as HTML, with whether it counts as a paragraph for ad positions. */
export interface BodyBlock {
  html: string;
  /** Has text: "after paragraph N" counts these, like `Article.paragraphs`. */
  counts: boolean;
}

/** The body as HTML blocks, one per top-level node, so the page can put ads between them. */
export function renderBodyBlocks(body: LexicalDocument): BodyBlock[] {
  const children = (body as { root?: { children?: unknown } } | null | undefined)?.root?.children;
  if (!Array.isArray(children)) return [];
  const renderer = new BodyRenderer();
  const blocks: BodyBlock[] = [];
  for (const child of children) {
    const html = renderer.block(child, 1);
    if (html !== '') blocks.push({ html, counts: hasText(child, 1) });
  }
  return blocks;
}

/** The body HTML with `insertAfter(n)` placed after the n-th counted block (1-based). */
export function renderBody(body: LexicalDocument, insertAfter: (paragraph: number) => string = () => ''): string {
  let count = 0;
  return renderBodyBlocks(body)
    .map((block) => (block.counts ? block.html + insertAfter(++count) : block.html))
    .join('');
}

/**
 * Where a link in the body may point: what {@link safeLink} allows (absolute http(s), a path on this site), plus
 * `mailto:` addresses and `#fragment`s; anything else — `javascript:`, `data:`, "//host", entity or whitespace
 * tricks — gives undefined and the link's text is shown without a link.
 */
export function bodyHref(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.length > RICH_TEXT_LIMITS.maxUrlLength) return undefined;
  const trimmed = url.trim();
  if (trimmed === '' || /\s/.test(trimmed) || hasControlCharacter(trimmed) || trimmed.includes('\\')) return undefined;
  if (trimmed.startsWith('#')) return trimmed;
  if (/^mailto:[^/]/i.test(trimmed)) return trimmed;
  return safeLink(trimmed);
}

type Node = Record<string, unknown>;

const HEADING_TAGS: Readonly<Record<string, string>> = { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h5', h6: 'h6' };
/** Outermost last: `<sup><strong>…</strong></sup>` for bold superscript. */
const TEXT_FORMAT_TAGS: readonly (readonly [number, string])[] = [
  [RICH_TEXT_TEXT_FORMATS.bold, 'strong'],
  [RICH_TEXT_TEXT_FORMATS.italic, 'em'],
  [RICH_TEXT_TEXT_FORMATS.strikethrough, 's'],
  [RICH_TEXT_TEXT_FORMATS.underline, 'u'],
  [RICH_TEXT_TEXT_FORMATS.code, 'code'],
  [RICH_TEXT_TEXT_FORMATS.subscript, 'sub'],
  [RICH_TEXT_TEXT_FORMATS.superscript, 'sup'],
];
/** Node types rendered as blocks of their own when they sit in a quote or list item (a stray list item is flattened). */
const BLOCK_TYPES: ReadonlySet<string> = new Set(['paragraph', 'heading', 'quote', 'list', 'horizontalrule', 'upload', 'relationship']);
/** Where an internal link or relationship to a document of each collection goes on this site. */
const DOCUMENT_PATHS: Readonly<Record<string, { path: string; title: string }>> = {
  articles: { path: '/news/', title: 'headline' },
  authors: { path: '/author/', title: 'name' },
  sections: { path: '/section/', title: 'name' },
};
/** Deeper than the CMS allows; beyond it nothing is rendered, so no body can exhaust the stack. */
const MAX_DEPTH = RICH_TEXT_LIMITS.maxDepth + 8;
const MAX_NODES = RICH_TEXT_LIMITS.maxNodes * 2;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childrenOf(node: Node): unknown[] {
  return Array.isArray(node.children) ? node.children : [];
}

class BodyRenderer {
  private visited = 0;

  /** A node where flow content belongs (the body itself, a quote, a list item). */
  block(value: unknown, depth: number): string {
    if (!this.enter(value, depth)) return '';
    const node = value as Node;
    switch (node.type) {
      case 'paragraph':
        // An empty paragraph is the editor's blank line.
        return wrap('p', this.inlineChildren(node, depth, false) || '<br>');
      case 'heading':
        return wrap(headingTag(node.tag), this.inlineChildren(node, depth, false));
      case 'quote':
        return `<blockquote>${this.flowChildren(node, depth)}</blockquote>`;
      case 'list':
        return this.list(node, depth);
      case 'listitem':
        return wrap('p', this.inlineChildren(node, depth, false));
      case 'horizontalrule':
        return '<hr>';
      case 'upload': {
        const img = image(node);
        return img ? `<figure class="body-image">${img}</figure>` : '';
      }
      case 'relationship': {
        const link = documentLink(node.relationTo, node.value);
        return link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.title)}</a></p>` : '';
      }
      default: {
        // Text, line breaks, links — or a node of a type we do not render — at block level: a paragraph of them.
        const content = this.inline(node, depth, false, true);
        return content === '' ? '' : wrap('p', content);
      }
    }
  }

  /** A node where only phrasing content may go (a paragraph, a heading, a link). */
  private inline(value: unknown, depth: number, inLink: boolean, entered = false): string {
    if (!entered && !this.enter(value, depth)) return '';
    const node = value as Node;
    switch (node.type) {
      case 'text':
        return typeof node.text === 'string' ? formatText(escapeHtml(node.text), node.format) : '';
      case 'tab':
        return '\t';
      case 'linebreak':
        return '<br>';
      case 'link':
      case 'autolink': {
        const content = this.inlineChildren(node, depth, true);
        const fields = isNode(node.fields) ? node.fields : {};
        const href = inLink ? undefined : linkHref(node.type, fields);
        if (!href) return content;
        const newTab = fields.newTab === true ? ' rel="noopener noreferrer" target="_blank"' : '';
        return `<a href="${escapeHtml(href)}"${newTab}>${content}</a>`;
      }
      case 'upload':
        return image(node) ?? '';
      case 'relationship': {
        const link = documentLink(node.relationTo, node.value);
        if (!link) return '';
        return inLink ? escapeHtml(link.title) : `<a href="${escapeHtml(link.href)}">${escapeHtml(link.title)}</a>`;
      }
      case 'horizontalrule':
        return '';
      case 'paragraph':
      case 'heading':
      case 'quote':
      case 'list':
      case 'listitem':
        // A block inside a paragraph or link (pasted HTML can nest anything): its content, without its own element.
        return this.inlineChildren(node, depth, inLink);
      default:
        return escapeHtml(this.plainText(node, depth));
    }
  }

  private inlineChildren(node: Node, depth: number, inLink: boolean): string {
    return childrenOf(node)
      .map((child) => this.inline(child, depth + 1, inLink))
      .join('');
  }

  /** Children of a quote or list item: blocks as blocks, the rest as phrasing content. */
  private flowChildren(node: Node, depth: number): string {
    return childrenOf(node)
      .map((child) => (isNode(child) && typeof child.type === 'string' && BLOCK_TYPES.has(child.type) ? this.block(child, depth + 1) : this.inline(child, depth + 1, false)))
      .join('');
  }

  private list(node: Node, depth: number): string {
    const ordered = node.listType === 'number' || (node.listType !== 'bullet' && node.listType !== 'check' && node.tag === 'ol');
    const check = node.listType === 'check';
    const items = childrenOf(node)
      .map((child) => {
        if (!this.enter(child, depth + 1)) return '';
        const item = child as Node;
        const content = item.type === 'listitem' ? this.flowChildren(item, depth + 1) : this.flowChildren({ children: [item] }, depth);
        const state = check && item.type === 'listitem' ? ` class="${item.checked === true ? 'checked' : 'unchecked'}"` : '';
        return `<li${state}>${content}</li>`;
      })
      .join('');
    if (items === '') return '';
    if (!ordered) return check ? `<ul class="list-check">${items}</ul>` : `<ul>${items}</ul>`;
    const start = typeof node.start === 'number' && Number.isInteger(node.start) && node.start !== 1 && Math.abs(node.start) <= 1e9 ? ` start="${node.start}"` : '';
    return `<ol${start}>${items}</ol>`;
  }

  /** The text inside a node of a type we do not render: its text nodes' text, nothing of its other fields. */
  private plainText(node: Node, depth: number): string {
    if (node.type === 'text' && typeof node.text === 'string') return node.text;
    if (node.type === 'linebreak') return '\n';
    return childrenOf(node)
      .map((child) => (this.enter(child, depth + 1) ? this.plainText(child as Node, depth + 1) : ''))
      .join('');
  }

  /** Counts the node against the budget; false for non-objects and for nodes too deep or too many to render. */
  private enter(value: unknown, depth: number): boolean {
    return isNode(value) && depth <= MAX_DEPTH && ++this.visited <= MAX_NODES;
  }
}

/** The page has its own `<h1>`: body headings start at h2. */
function headingTag(tag: unknown): string {
  return typeof tag === 'string' && Object.hasOwn(HEADING_TAGS, tag) ? HEADING_TAGS[tag]! : 'h2';
}

function wrap(tag: string, content: string): string {
  return `<${tag}>${content}</${tag}>`;
}

function formatText(html: string, format: unknown): string {
  if (typeof format !== 'number' || !Number.isInteger(format) || format <= 0) return html;
  return TEXT_FORMAT_TAGS.reduce((inner, [bit, tag]) => (format & bit ? wrap(tag, inner) : inner), html);
}

function linkHref(type: unknown, fields: Node): string | undefined {
  if (type === 'link' && fields.linkType === 'internal') {
    const doc = isNode(fields.doc) ? fields.doc : {};
    return documentLink(doc.relationTo, doc.value)?.href;
  }
  return bodyHref(fields.url);
}

/** An internal link's or relationship's target: a populated article, author or section with a valid slug. */
function documentLink(relationTo: unknown, value: unknown): { href: string; title: string } | undefined {
  const target = typeof relationTo === 'string' && Object.hasOwn(DOCUMENT_PATHS, relationTo) ? DOCUMENT_PATHS[relationTo] : undefined;
  if (!target || !isNode(value)) return undefined;
  const slug = value.slug;
  if (typeof slug !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || slug.length > 200) return undefined;
  const title = value[target.title];
  return { href: `${target.path}${slug}`, title: typeof title === 'string' && title.trim() !== '' ? title : slug };
}

/**
 * An upload of an image, served from the site's own media route — a `<picture>` of its layout widths in AVIF, WebP and
 * JPEG, sized for the article column and loaded lazily — or undefined for anything else.
 */
function image(node: Node): string | undefined {
  const doc = isNode(node.value) ? node.value : undefined;
  if (!doc || typeof doc.mimeType !== 'string' || !doc.mimeType.startsWith('image/')) return undefined;
  const fields = isNode(node.fields) ? node.fields : {};
  const alt = typeof fields.alt === 'string' ? fields.alt : typeof doc.alt === 'string' ? doc.alt : '';
  const responsive = responsiveImage(renditionsOf(doc as PayloadMedia), LAYOUT_RENDITIONS, 'hero');
  // Without a rendition of known size, the file itself, unsized.
  const src = responsive?.src ?? mediaPath(typeof doc.url === 'string' ? doc.url : undefined);
  if (!src) return undefined;
  const width = dimension(responsive?.width);
  const height = dimension(responsive?.height);
  const size = width && height ? ` width="${width}" height="${height}"` : '';
  const sizes = ` sizes="${escapeHtml(LEAD_PHOTO_SIZES)}"`;
  const srcset = responsive?.srcset ? ` srcset="${escapeHtml(responsive.srcset)}"${sizes}` : '';
  const img = `<img src="${escapeHtml(src)}"${srcset} alt="${escapeHtml(alt)}"${size} loading="lazy" decoding="async">`;
  if (!responsive || responsive.sources.length === 0) return img;
  const sources = responsive.sources.map((source) => `<source type="${source.type}" srcset="${escapeHtml(source.srcset)}"${sizes}>`).join('');
  return `<picture>${sources}${img}</picture>`;
}

function dimension(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 100_000 ? value : undefined;
}

/** Whether a top-level block has text, the way `lexicalParagraphs` counts paragraphs. */
function hasText(value: unknown, depth: number): boolean {
  if (!isNode(value) || depth > MAX_DEPTH) return false;
  const node = value as LexicalNode;
  if (typeof node.text === 'string') return node.text.trim() !== '';
  return Array.isArray(node.children) && node.children.some((child) => hasText(child, depth + 1));
}
