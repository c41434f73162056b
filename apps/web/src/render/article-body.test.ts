import { describe, expect, it } from 'vitest';

import type { LexicalDocument, LexicalNode } from '../lib/payload-types';
import { lexical } from '../model/fixtures/payload-docs';
import { bodyHref, renderBody, renderBodyBlocks } from './article-body';

describe('renderBody', () => {
  it('renders each paragraph and inserts after the counted ones', () => {
    const html = renderBody(lexical('One.', 'Two.', 'Three.'), (n) => (n === 2 ? '<aside>AD</aside>' : ''));
    expect(html).toBe('<p>One.</p><p>Two.</p><aside>AD</aside><p>Three.</p>');
  });

  it('escapes markup in text: a hostile paragraph is shown, not run', () => {
    const html = renderBody(lexical('<script>alert(1)</script><img src=x onerror=alert(2)>'));
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</p>');
  });

  it('drops javascript: links and keeps http(s) ones', () => {
    const doc: LexicalDocument = {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'link', fields: { url: 'javascript:alert(1)', linkType: 'custom' }, children: [{ type: 'text', text: 'bad', format: 0 }] },
              { type: 'link', fields: { url: 'https://example.com/?a="b"', linkType: 'custom', newTab: true }, children: [{ type: 'text', text: 'good', format: 0 }] },
              { type: 'link', fields: { linkType: 'internal', doc: { relationTo: 'articles', value: { slug: 'other-story' } } }, children: [{ type: 'text', text: 'internal', format: 0 }] },
            ],
          },
        ],
      },
    };
    const html = renderBody(doc);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="https://example.com/?a=&quot;b&quot;" rel="noopener noreferrer" target="_blank">good</a>');
    expect(html).toContain('href="/news/other-story">internal</a>');
  });

  it('keeps the page’s single h1: body headings start at h2', () => {
    const doc: LexicalDocument = {
      root: { type: 'root', children: [{ type: 'heading', tag: 'h1', children: [{ type: 'text', text: 'Sub', format: 0 }] }] },
    };
    expect(renderBody(doc)).toBe('<h2>Sub</h2>');
  });

  it('shows the text of node types it does not know, escaped', () => {
    const doc: LexicalDocument = {
      root: { type: 'root', children: [{ type: 'mystery', children: [{ type: 'text', text: '<b>x</b>', format: 0 }] }] },
    };
    expect(renderBody(doc)).toBe('<p>&lt;b&gt;x&lt;/b&gt;</p>');
  });

  it('counts only blocks with text as paragraphs', () => {
    const doc = lexical('One.', '   ', 'Two.');
    expect(renderBodyBlocks(doc).map((b) => b.counts)).toEqual([true, false, true]);
    expect(renderBody(doc, (n) => `[${n}]`)).toBe('<p>One.</p>[1]<p>   </p><p>Two.</p>[2]');
  });
});

const text = (value: string, format = 0): LexicalNode => ({ type: 'text', text: value, format, version: 1 });
const body = (...children: LexicalNode[]): LexicalDocument => ({ root: { type: 'root', children } });
const p = (...children: LexicalNode[]): LexicalNode => ({ type: 'paragraph', children });

describe('renderBody: what the editor offers', () => {
  it('renders each inline format as its own element, no inline styles', () => {
    const formats = [1, 2, 4, 8, 16, 32, 64].map((format) => text(String(format), format));
    expect(renderBody(body(p(...formats, text('plain'), text('bold italic', 3))))).toBe(
      '<p><strong>1</strong><em>2</em><s>4</s><u>8</u><code>16</code><sub>32</sub><sup>64</sup>plain<em><strong>bold italic</strong></em></p>',
    );
  });

  it('shows formats the site does not render (highlight) as plain text and ignores a bad format value', () => {
    expect(renderBody(body(p(text('marked', 128), text('odd', -1), { ...text('str'), format: '1' })))).toBe('<p>markedoddstr</p>');
  });

  it('renders line breaks, tabs, quotes, rules and an empty paragraph', () => {
    const doc = body(p(text('a'), { type: 'linebreak' }, { type: 'tab', text: '\t' }, text('b')), { type: 'quote', children: [text('Said.')] }, { type: 'horizontalrule' }, p());
    expect(renderBody(doc)).toBe('<p>a<br>\tb</p><blockquote>Said.</blockquote><hr><p><br></p>');
  });

  it('renders bullet, numbered and check lists, nested', () => {
    const item = (children: LexicalNode[], extra: Record<string, unknown> = {}): LexicalNode => ({ type: 'listitem', children, ...extra });
    const doc = body(
      { type: 'list', listType: 'bullet', tag: 'ul', children: [item([text('one')]), item([{ type: 'list', listType: 'bullet', tag: 'ul', children: [item([text('nested')])] }])] },
      { type: 'list', listType: 'number', tag: 'ol', start: 5, children: [item([text('five')])] },
      { type: 'list', listType: 'number', tag: 'ol', start: 1, children: [item([text('first')])] },
      { type: 'list', listType: 'check', tag: 'ul', children: [item([text('done')], { checked: true }), item([text('todo')], { checked: false })] },
    );
    expect(renderBody(doc)).toBe(
      '<ul><li>one</li><li><ul><li>nested</li></ul></li></ul>' +
        '<ol start="5"><li>five</li></ol><ol><li>first</li></ol>' +
        '<ul class="list-check"><li class="checked">done</li><li class="unchecked">todo</li></ul>',
    );
  });

  it('keeps pasted nesting valid: blocks inside a quote or list item stay blocks, inside a paragraph or link they are flattened', () => {
    const doc = body(
      { type: 'quote', children: [p(text('q1')), { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [text('in quote')] }] }] },
      { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [{ type: 'heading', tag: 'h3', children: [text('x')] }] }] },
      p(text('a '), { type: 'heading', tag: 'h2', children: [text('b')] }, { type: 'link', fields: { url: 'https://a.example' }, children: [{ type: 'link', fields: { url: 'https://b.example' }, children: [text('c')] }] }),
    );
    expect(renderBody(doc)).toBe(
      '<blockquote><p>q1</p><ul><li>in quote</li></ul></blockquote>' + '<ul><li><h3>x</h3></li></ul>' + '<p>a b<a href="https://a.example">c</a></p>',
    );
  });

  it('renders an image upload as today: a lazy figure served from /media, sized from the hero rendition', () => {
    const media = {
      id: 4,
      alt: 'Doc alt',
      url: 'http://cms/api/media/file/reef.jpg',
      mimeType: 'image/jpeg',
      width: 4000,
      height: 3000,
      sizes: { hero: { url: '/api/media/file/reef-1600x1200.jpg', width: 1600, height: 1200 } },
    };
    expect(renderBody(body({ type: 'upload', relationTo: 'media', value: media, fields: { alt: 'Field "alt" <b>' } }))).toBe(
      '<figure class="body-image"><img src="/media/reef-1600x1200.jpg" alt="Field &quot;alt&quot; &lt;b&gt;" width="1600" height="1200" loading="lazy" decoding="async"></figure>',
    );
    expect(renderBody(body({ type: 'upload', value: { ...media, sizes: {} } }))).toBe(
      '<figure class="body-image"><img src="/media/reef.jpg" alt="Doc alt" width="4000" height="3000" loading="lazy" decoding="async"></figure>',
    );
  });

  it('renders no upload that is not an image on this CMS, and no bogus size', () => {
    const media = { id: 4, alt: '', url: '/api/media/file/a.jpg', mimeType: 'image/jpeg' };
    expect(renderBody(body({ type: 'upload', value: 4 }))).toBe('');
    expect(renderBody(body({ type: 'upload', value: { ...media, mimeType: 'application/pdf' } }))).toBe('');
    expect(renderBody(body({ type: 'upload', value: { ...media, url: 'javascript:alert(1)//api/media/file/x' } }))).not.toContain('javascript');
    expect(renderBody(body({ type: 'upload', value: { ...media, url: 'https://evil.example/x.jpg' } }))).toBe('');
    expect(renderBody(body({ type: 'upload', value: { ...media, width: '1" onload="x', height: 10 } }))).toBe(
      '<figure class="body-image"><img src="/media/a.jpg" alt="" loading="lazy" decoding="async"></figure>',
    );
  });

  it('links relationships and internal links to published articles, authors and sections; otherwise shows the text', () => {
    const article = { id: 3, slug: 'harbour-story', headline: 'Harbour <story>' };
    const doc = body(
      { type: 'relationship', relationTo: 'articles', value: article },
      { type: 'relationship', relationTo: 'articles', value: 3 },
      { type: 'relationship', relationTo: 'users', value: { id: 1, slug: 'admin', email: 'a@example.com' } },
      p(
        { type: 'link', fields: { linkType: 'internal', doc: { relationTo: 'authors', value: { slug: 'mara-lindqvist', name: 'Mara' } } }, children: [text('Mara')] },
        { type: 'link', fields: { linkType: 'internal', doc: { relationTo: 'sections', value: { slug: 'world' } } }, children: [text('World')] },
        { type: 'link', fields: { linkType: 'internal', doc: { relationTo: 'articles', value: 9 } }, children: [text(' unpublished')] },
        { type: 'link', fields: { linkType: 'internal', doc: { relationTo: 'articles', value: { slug: '../admin' } } }, children: [text(' bad slug')] },
      ),
    );
    expect(renderBody(doc)).toBe(
      '<p><a href="/news/harbour-story">Harbour &lt;story&gt;</a></p>' +
        '<p><a href="/author/mara-lindqvist">Mara</a><a href="/section/world">World</a> unpublished bad slug</p>',
    );
  });

  it('writes no attribute from a node field: a hostile table cell shows only its text', () => {
    const doc = body({
      type: 'table',
      children: [{ type: 'tablerow', children: [{ type: 'tablecell', headerState: '0" autofocus onfocus="alert(1)" x="', children: [p(text('cell'))] }] }],
    });
    expect(renderBody(doc)).toBe('<p>cell</p>');
    expect(renderBody(body({ type: 'heading', tag: 'constructor', children: [text('x')] }))).toBe('<h2>x</h2>');
    expect(renderBody(body({ type: 'heading', tag: 'h2 onclick=alert(1)', children: [text('x')] }))).toBe('<h2>x</h2>');
    expect(renderBody(body({ type: 'list', listType: 'number', start: '1" onclick="x', children: [{ type: 'listitem', children: [text('x')] }] }))).toBe('<ol><li>x</li></ol>');
    expect(renderBody(body(p({ type: 'link', fields: { url: 'https://a.example', newTab: 'true" onclick="x' }, children: [text('x')] })))).toBe(
      '<p><a href="https://a.example">x</a></p>',
    );
  });

  it('survives a tree deeper than any the CMS accepts', () => {
    let node: LexicalNode = text('bottom');
    for (let level = 0; level < 50_000; level++) node = { type: 'quote', children: [node] };
    const html = renderBody(body(node));
    expect(html.startsWith('<blockquote><blockquote>')).toBe(true);
    expect(html).not.toContain('bottom');
  });
});

describe('bodyHref', () => {
  it('allows http(s), site paths, mailto: and #fragments', () => {
    for (const url of ['https://example.com/a', 'http://example.com', '/news/a', '#notes', 'mailto:desk@example.com', ' https://example.com ']) {
      expect(bodyHref(url), url).toBe(url.trim());
    }
  });

  it('refuses everything else', () => {
    for (const url of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,x', '&#106;avascript:alert(1)', '//evil.example', '/\\evil.example', 'java\nscript:x', 'mailto://x', 'https://a b', 'vbscript:x', 'news/a', '', 42, null, { url: 'https://a.example' }]) {
      expect(bodyHref(url), String(url)).toBeUndefined();
    }
  });
});
