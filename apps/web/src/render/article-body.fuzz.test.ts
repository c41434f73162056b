// Random and hostile Lexical trees through the body renderer, its HTML read back by parse5 — the WHATWG parsing
// algorithm browsers use (installed with Lit's SSR) — and checked element by element, attribute by attribute.
// Seeded: a failure names its case and seed; BODY_FUZZ_SEED=<seed> replays the run.
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { describe, expect, it } from 'vitest';

import type { LexicalDocument } from '../lib/payload-types';
import { LEAD_PHOTO_SIZES } from '../model/responsive-image';
import { renderBody } from './article-body';

type Element = DefaultTreeAdapterMap['element'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

const SEED = Number(process.env.BODY_FUZZ_SEED ?? 0x5eed_2024);
const RANDOM_CASES = 3_000;
const MUTATED_CASES = 1_500;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const RUN = 'window.__pwned=1';
const HOSTILE_STRINGS = [
  `"><script>${RUN}</script>`,
  `" onfocus="${RUN}" autofocus x="`,
  `' onmouseover='${RUN}' x='`,
  `0" autofocus onfocus="${RUN}" x="`,
  `javascript:${RUN}`,
  ` JaVaScRiPt:${RUN}`,
  `java\tscript:${RUN}`,
  `java\u0000script:${RUN}`,
  `data:text/html,<script>${RUN}</script>`,
  `data:image/svg+xml,<svg onload="${RUN}">`,
  `vbscript:msgbox(1)`,
  `&#106;avascript:${RUN}`,
  `&#x6A;avascript&colon;${RUN}`,
  `&quot; onclick=&quot;${RUN}`,
  `</script><script>${RUN}</script>`,
  `</p></li></ul></blockquote><img src=x onerror=${RUN}>`,
  `<!--`,
  `-->`,
  `<![CDATA[x]]>`,
  `\u2028\u2029`,
  '\u0000',
  '\r\n',
  `//evil.example/`,
  `/\\evil.example`,
  `\\\\evil.example`,
  `https://example.com/"onmouseover="${RUN}`,
  `https://example.com/?a=<b>&c='d'`,
  `/news/ok`,
  `#frag" onclick="x`,
  `mailto:a@example.com?subject="><script>`,
  `/api/media/file/a.jpg"onerror="x`,
  `/api/media/file/..%2F..%2Fetc`,
  `http://cms/api/media/file/photo.jpg`,
  `image/png" onerror="x`,
  `image/svg+xml`,
  `h2 onclick=alert(1)`,
  `h1`,
  `h7`,
  `ul`,
  `ol`,
  `number`,
  `check`,
  `bullet`,
  `internal`,
  `custom`,
  `articles`,
  `authors`,
  `sections`,
  `users`,
  `constructor`,
  `__proto__`,
  `toString`,
  `valueOf`,
  `style`,
  `onclick`,
  `a-valid-slug`,
  `../../admin`,
  '',
  ' ',
  'x'.repeat(5_000),
];
const NODE_TYPES = [
  'root',
  'paragraph',
  'text',
  'linebreak',
  'tab',
  'heading',
  'quote',
  'list',
  'listitem',
  'link',
  'autolink',
  'horizontalrule',
  'upload',
  'relationship',
  'table',
  'tablerow',
  'tablecell',
  'block',
  'inlineBlock',
  'script',
  'img',
  'a',
  'mark',
  'code',
  '__proto__',
  'constructor',
  'unknown',
];
const FIELD_NAMES = [
  'text',
  'tag',
  'listType',
  'start',
  'checked',
  'value',
  'format',
  'style',
  'textStyle',
  'direction',
  'indent',
  'url',
  'headerState',
  'colSpan',
  'backgroundColor',
  'src',
  'href',
  'alt',
  'class',
  'id',
  'onclick',
  'relationTo',
  '__proto__',
  'constructor',
];

class Generator {
  constructor(readonly random: () => number) {}

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  string(): string {
    if (this.chance(0.2)) return String.fromCharCode(...Array.from({ length: this.int(12) }, () => this.int(0x3000)));
    if (this.chance(0.2)) return `${this.pick(HOSTILE_STRINGS)}${this.pick(HOSTILE_STRINGS)}`;
    return this.pick(HOSTILE_STRINGS);
  }

  /** Anything JSON (or the Local API) can hold where a string or number belongs. */
  value(depth = 0): unknown {
    const roll = this.int(12);
    if (roll < 5) return this.string();
    if (roll === 5) return this.pick([0, 1, -1, 2, 3, 127, 2047, 1.5, 1e21, -0, Number.MAX_SAFE_INTEGER, NaN, Infinity]);
    if (roll === 6) return this.pick([true, false, null, undefined]);
    if (roll === 7 && depth < 2) return { toString: this.string(), url: this.string(), slug: this.string(), [this.pick(FIELD_NAMES)]: this.value(depth + 1) };
    if (roll === 8 && depth < 2) return [this.value(depth + 1), this.value(depth + 1)];
    if (roll === 9) return this.media();
    if (roll === 10) return { slug: this.pick(['a-valid-slug', 'other-story', this.string()]), headline: this.string(), name: this.string() };
    return this.int(5000);
  }

  media(): Record<string, unknown> {
    return {
      id: this.int(100),
      url: this.pick(['/api/media/file/photo.jpg', 'http://cms/api/media/file/a%22b.png', this.string()]),
      mimeType: this.pick(['image/jpeg', 'image/svg+xml', 'text/html', this.string()]),
      alt: this.value(2),
      width: this.pick([640, 0, -5, 1.5, '640" onload="x', this.value(2)]),
      height: this.pick([480, 100_001, this.value(2)]),
      sizes: this.chance(0.5)
        ? {
            hero: { url: this.pick(['/api/media/file/hero.jpg', this.string()]), width: this.value(2), height: 300 },
            ...(this.chance(0.5) ? { w480: { url: '/api/media/file/hero-480x113.jpg', width: 480, height: 113 } } : {}),
            ...(this.chance(0.5) ? { heroAvif: { url: this.pick(['/api/media/file/hero.avif', this.string()]), width: this.value(2), height: 300 } } : {}),
            ...(this.chance(0.5) ? { w480Webp: { url: '/api/media/file/hero-480x113.webp', width: 480, height: this.value(2) } } : {}),
          }
        : this.value(2),
    };
  }

  fields(): Record<string, unknown> {
    return {
      linkType: this.pick(['custom', 'internal', this.string(), undefined]),
      url: this.pick(['https://example.com/a', '/news/a', '#top', 'mailto:a@example.com', this.string(), this.value()]),
      newTab: this.pick([true, false, 'true', 1, this.value()]),
      doc: this.chance(0.5)
        ? { relationTo: this.pick(['articles', 'authors', 'sections', 'users', this.string()]), value: this.value() }
        : this.value(),
      alt: this.value(),
    };
  }

  node(depth: number): unknown {
    if (this.chance(0.04)) return this.value();
    const type = this.chance(0.9) ? this.pick(NODE_TYPES) : this.string();
    const node: Record<string, unknown> = { type, version: this.pick([1, 2, 3, this.value()]) };
    if (this.chance(0.6)) node.text = this.chance(0.7) ? this.string() : this.value();
    if (this.chance(0.4)) node.format = this.chance(0.7) ? this.int(256) : this.value();
    if (this.chance(0.3)) node.tag = this.pick(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ol', 'ul', this.string()]);
    if (this.chance(0.3)) node.listType = this.pick(['bullet', 'number', 'check', this.string()]);
    if (this.chance(0.2)) node.start = this.value();
    if (this.chance(0.2)) node.checked = this.value();
    if (this.chance(0.4)) node.fields = this.chance(0.8) ? this.fields() : this.value();
    if (this.chance(0.3)) node.value = this.chance(0.5) ? this.media() : this.value();
    if (this.chance(0.3)) node.relationTo = this.pick(['articles', 'authors', 'sections', 'media', this.string()]);
    for (let i = this.int(3); i > 0; i--) setOwn(node, this.pick(FIELD_NAMES), this.value());
    if (depth < 7 && this.chance(0.75)) {
      node.children = this.chance(0.9) ? Array.from({ length: this.int(5) }, () => this.node(depth + 1)) : this.value();
    }
    return node;
  }

  document(): LexicalDocument {
    return { root: { type: 'root', children: Array.from({ length: 1 + this.int(6) }, () => this.node(1)) as never } };
  }
}

/** Sets an own property, even "__proto__", the way JSON.parse does. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A realistic body (every feature of the editor) to mutate one field at a time. */
function realisticBody(): Record<string, unknown> {
  const text = (value: string, format = 0) => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 });
  return {
    root: {
      type: 'root',
      children: [
        { type: 'heading', tag: 'h2', children: [text('Heading')] },
        {
          type: 'paragraph',
          children: [
            text('bold', 1),
            { type: 'linebreak' },
            { type: 'link', fields: { linkType: 'custom', url: 'https://example.com/', newTab: true }, children: [text('link', 2)] },
            { type: 'autolink', fields: { linkType: 'custom', url: 'mailto:a@example.com' }, children: [text('mail')] },
            { type: 'link', fields: { linkType: 'internal', doc: { relationTo: 'articles', value: { slug: 'other-story', headline: 'Other' } } }, children: [text('internal')] },
          ],
        },
        { type: 'quote', children: [text('quoted', 8)] },
        {
          type: 'list',
          listType: 'number',
          tag: 'ol',
          start: 3,
          children: [
            { type: 'listitem', value: 3, children: [text('item')] },
            { type: 'listitem', value: 4, children: [{ type: 'list', listType: 'check', tag: 'ul', children: [{ type: 'listitem', checked: true, children: [text('done')] }] }] },
          ],
        },
        { type: 'horizontalrule' },
        { type: 'upload', relationTo: 'media', fields: { alt: 'Alt' }, value: { id: 1, url: '/api/media/file/a.jpg', mimeType: 'image/jpeg', width: 10, height: 10 } },
        { type: 'relationship', relationTo: 'articles', value: { id: 2, slug: 'related', headline: 'Related' } },
      ],
    },
  };
}

/** Replaces one value somewhere in the tree (a field, a node, a children array) with a hostile one. */
function mutate(doc: Record<string, unknown>, gen: Generator, times: number): Record<string, unknown> {
  for (let n = 0; n < times; n++) {
    const slots: [Record<string, unknown>, string][] = [];
    const visit = (value: unknown) => {
      if (typeof value !== 'object' || value === null) return;
      for (const [key, item] of Object.entries(value)) {
        slots.push([value as Record<string, unknown>, key]);
        visit(item);
      }
    };
    visit(doc.root);
    const [holder, key] = gen.pick(slots);
    const replacement = gen.chance(0.3) ? gen.node(4) : gen.value();
    setOwn(holder, key, replacement);
  }
  return doc;
}

const ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, (value: string) => boolean>>>> = {
  p: {},
  h2: {},
  h3: {},
  h4: {},
  h5: {},
  h6: {},
  strong: {},
  em: {},
  s: {},
  u: {},
  code: {},
  sub: {},
  sup: {},
  br: {},
  hr: {},
  blockquote: {},
  a: { href: isSafeHref, rel: (v) => v === 'noopener noreferrer', target: (v) => v === '_blank' },
  ul: { class: (v) => v === 'list-check' },
  ol: { start: (v) => /^-?\d{1,10}$/.test(v) },
  li: { class: (v) => v === 'checked' || v === 'unchecked' },
  figure: { class: (v) => v === 'body-image' },
  picture: {},
  source: { type: (v) => v === 'image/avif' || v === 'image/webp', srcset: isMediaSrcset, sizes: (v) => v === LEAD_PHOTO_SIZES },
  img: {
    src: (v) => /^\/media\/[A-Za-z0-9%._~!$'()*-]+$/.test(v),
    srcset: isMediaSrcset,
    sizes: (v) => v === LEAD_PHOTO_SIZES,
    alt: () => true,
    width: (v) => /^[1-9]\d{0,5}$/.test(v),
    height: (v) => /^[1-9]\d{0,5}$/.test(v),
    loading: (v) => v === 'lazy',
    decoding: (v) => v === 'async',
  },
};

/** Candidates of site media paths with a width each: `/media/a-480x320.avif 480w, …`. */
function isMediaSrcset(value: string): boolean {
  return value.split(', ').every((candidate) => /^\/media\/[A-Za-z0-9%._~!$'()*-]+ [1-9]\d{0,5}w$/.test(candidate));
}

/** As the browser will read it (entities decoded): http(s) with a host, a site path, a #fragment or mailto:. */
function isSafeHref(href: string): boolean {
  if (/[\s\\]/.test(href) || [...href].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return false;
  if (href.startsWith('#')) return true;
  if (href.startsWith('/')) return !href.startsWith('//');
  if (/^mailto:[^/]/i.test(href)) return true;
  try {
    const url = new URL(href);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const seen = new Map<string, number>();

/** Every problem with the HTML, as a browser would parse it inside the article's body element. */
function problemsIn(html: string): string[] {
  const problems: string[] = [];
  const document = parse(`<!DOCTYPE html><html><head></head><body><div class="body">${html}</div></body></html>`);
  const htmlElement = document.childNodes.find((node): node is Element => node.nodeName === 'html')!;
  const body = htmlElement.childNodes.find((node): node is Element => node.nodeName === 'body')!;
  if (body.childNodes.length !== 1) problems.push(`the body markup escaped its container: ${body.childNodes.length} nodes in <body>`);
  let elements = 0;
  const walk = (node: ChildNode) => {
    if (node.nodeName === '#comment') problems.push('a comment');
    if (!('tagName' in node)) return;
    elements++;
    const tag = node.tagName;
    seen.set(tag, (seen.get(tag) ?? 0) + 1);
    const allowed = Object.hasOwn(ATTRIBUTES, tag) ? ATTRIBUTES[tag] : undefined;
    if (!allowed) problems.push(`element <${tag}>`);
    if (node.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`<${tag}> outside HTML (${node.namespaceURI})`);
    for (const { name, value } of node.attrs) {
      if (/^on/i.test(name) || name === 'style') problems.push(`<${tag} ${name}>`);
      const check = allowed && Object.hasOwn(allowed, name) ? allowed[name] : undefined;
      if (!check) problems.push(`attribute ${name} on <${tag}>`);
      else if (!check(value)) problems.push(`<${tag} ${name}=${JSON.stringify(value.slice(0, 80))}>`);
    }
    node.childNodes.forEach(walk);
  };
  const container = body.childNodes[0] as Element;
  container.childNodes.forEach(walk);
  // Text is escaped, so every "<" the renderer wrote opens or closes one of its own elements; the parser building
  // a different number of elements means it had to repair the markup.
  const written = html.match(/<[a-z][a-z0-9]*/g)?.length ?? 0;
  if (written !== elements) problems.push(`wrote ${written} start tags but the parser built ${elements} elements`);
  return problems;
}

function check(doc: LexicalDocument, label: string): void {
  let html: string;
  try {
    html = renderBody(doc);
  } catch (error) {
    throw new Error(`${label}: renderBody threw ${String(error)}\n${JSON.stringify(doc).slice(0, 2000)}`, { cause: error });
  }
  const problems = problemsIn(html);
  if (problems.length > 0) {
    expect.fail(`${label}: ${problems.slice(0, 5).join('; ')}\nHTML: ${html.slice(0, 1500)}\nJSON: ${JSON.stringify(doc).slice(0, 1500)}`);
  }
}

// A few seconds on an idle machine; generous for a shared one.
describe(`renderBody under fuzzing (seed ${SEED})`, { timeout: 60_000 }, () => {
  it(`emits only allow-listed elements and attributes for ${RANDOM_CASES} random trees, reaching every one of them`, () => {
    seen.clear();
    for (let index = 0; index < RANDOM_CASES; index++) {
      const gen = new Generator(prng(SEED + index));
      check(gen.document(), `random case ${index} (seed ${SEED + index})`);
    }
    // Not vacuous: the random trees made the renderer write every element it can write.
    for (const tag of Object.keys(ATTRIBUTES)) expect(seen.get(tag) ?? 0, `<${tag}> was never rendered`).toBeGreaterThan(0);
  });

  it(`emits only allow-listed elements and attributes for ${MUTATED_CASES} realistic bodies with hostile values swapped in`, () => {
    for (let index = 0; index < MUTATED_CASES; index++) {
      const gen = new Generator(prng(SEED ^ (index * 7919)));
      check(mutate(realisticBody(), gen, 1 + gen.int(4)) as unknown as LexicalDocument, `mutated case ${index} (seed ${SEED ^ (index * 7919)})`);
    }
  });

  it('the checker itself catches markup the renderer must never write', () => {
    expect(problemsIn('<p onclick="x">a</p>')).toEqual(['<p onclick>', 'attribute onclick on <p>']);
    expect(problemsIn('<a href="javascript:alert(1)">a</a>')).toEqual(['<a href="javascript:alert(1)">']);
    expect(problemsIn('<a href="&#106;avascript:alert(1)">a</a>')).toEqual(['<a href="javascript:alert(1)">']);
    expect(problemsIn('<table><tr><td>x</td></tr></table>')).toEqual(['element <table>', 'element <tbody>', 'element <tr>', 'element <td>', 'wrote 3 start tags but the parser built 4 elements']);
    expect(problemsIn('<p><figure></figure></p>')).toEqual(['wrote 2 start tags but the parser built 3 elements']);
    expect(problemsIn('</div><script>x</script>')).toContain('the body markup escaped its container: 2 nodes in <body>');
    expect(problemsIn('<svg><a href="/x"></a></svg>')[0]).toBe('element <svg>');
  });
});
