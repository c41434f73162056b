import { escapeHtml } from '@newsroom/schema';
import { convertLexicalToHTML, defaultHTMLConverters, LinkHTMLConverter } from '@payloadcms/richtext-lexical/html';

import type { LexicalDocument, LexicalNode, PayloadMedia } from '../lib/payload-types';
import { mediaPath } from '../model/safe-link';

type Converter = (args: {
  node: LexicalNode;
  nodesToHTML: (args: { nodes: LexicalNode[] }) => string[];
  parent: { type?: string };
  childIndex: number;
  providedStyleTag: string;
  providedCSSString: string;
  converters: Record<string, unknown>;
}) => string;

const ALLOWED_HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Our additions to Payload's HTML converters: the page already has its `<h1>`, so body headings start at h2;
 * uploads are served from the site and load lazily; internal links go to `/news/<slug>`; a node type we do not know
 * shows its text (escaped) instead of Payload's "unknown node".
 */
const siteConverters: Record<string, Converter> = {
  heading: ({ node, nodesToHTML, providedStyleTag }) => {
    const tag = ALLOWED_HEADINGS.has(String(node.tag)) ? String(node.tag) : 'h2';
    return `<${tag}${providedStyleTag}>${nodesToHTML({ nodes: node.children ?? [] }).join('')}</${tag}>`;
  },
  upload: ({ node }) => {
    const doc = (typeof node.value === 'object' && node.value ? node.value : undefined) as PayloadMedia | undefined;
    const src = mediaPath(doc?.sizes?.hero?.url ?? doc?.url);
    if (!doc || !src || !doc.mimeType?.startsWith('image/')) return '';
    const hero = doc.sizes?.hero?.url ? doc.sizes.hero : doc;
    const alt = String((node.fields as { alt?: unknown } | undefined)?.alt ?? doc.alt ?? '');
    const size = hero.width && hero.height ? ` width="${Number(hero.width)}" height="${Number(hero.height)}"` : '';
    return `<figure class="body-image"><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${size} loading="lazy" decoding="async"></figure>`;
  },
  unknown: ({ node, nodesToHTML }) =>
    node.children ? `<p>${nodesToHTML({ nodes: node.children }).join('')}</p>` : escapeHtml(typeof node.text === 'string' ? node.text : ''),
};

const linkConverters = LinkHTMLConverter({
  internalDocToHref: ({ linkNode }) => {
    const doc = (linkNode.fields as { doc?: { relationTo?: string; value?: { slug?: unknown } } }).doc;
    const slug = doc?.value?.slug;
    return doc?.relationTo === 'articles' && typeof slug === 'string' && /^[a-z0-9-]+$/.test(slug) ? `/news/${slug}` : '#';
  },
});

/** One top-level block of the body as HTML, with whether it counts as a paragraph for ad positions. */
export interface BodyBlock {
  html: string;
  /** Has text: "after paragraph N" counts these, like `Article.paragraphs`. */
  counts: boolean;
}

/**
 * The body as HTML blocks, rendered by Payload's own Lexical converters (which escape text and sanitize link URLs),
 * one per top-level node so the page can put ads between them.
 */
export function renderBodyBlocks(body: LexicalDocument): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  const converters = { ...defaultHTMLConverters, ...linkConverters, ...siteConverters } as Record<string, unknown>;
  // Wrap every converter so that top-level output is collected block by block, whatever the node type.
  const collecting = Object.fromEntries(
    Object.entries(converters).map(([type, converter]) => [
      type,
      typeof converter === 'function'
        ? (args: Parameters<Converter>[0]) => {
            const html = (converter as Converter)(args);
            if (args.parent?.type === 'root') blocks.push({ html, counts: hasText(args.node) });
            return html;
          }
        : converter,
    ]),
  );
  convertLexicalToHTML({ data: body as never, converters: collecting as never, disableContainer: true });
  return blocks.filter((block) => block.html !== '');
}

/** The body HTML with `insertAfter(n)` placed after the n-th counted block (1-based). */
export function renderBody(body: LexicalDocument, insertAfter: (paragraph: number) => string = () => ''): string {
  let count = 0;
  return renderBodyBlocks(body)
    .map((block) => (block.counts ? block.html + insertAfter(++count) : block.html))
    .join('');
}

function hasText(node: LexicalNode): boolean {
  if (typeof node.text === 'string') return node.text.trim() !== '';
  return Array.isArray(node.children) && node.children.some(hasText);
}
