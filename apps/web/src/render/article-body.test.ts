import { describe, expect, it } from 'vitest';

import type { LexicalDocument } from '../lib/payload-types';
import { lexical } from '../model/fixtures/payload-docs';
import { renderBody, renderBodyBlocks } from './article-body';

describe('renderBody', () => {
  it('renders each paragraph with Payload’s converters and inserts after the counted ones', () => {
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
