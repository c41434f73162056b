import { describe, expect, it } from 'vitest';
import { RICH_TEXT_LIMITS } from '../rich-text/allow-list.js';
import { validateRichText } from '../rich-text/validate.js';
import {
  hasMarkup,
  htmlToRichText,
  htmlToText,
  type LexicalBlockNode,
  type LexicalRoot,
  MAX_LIST_NESTING,
  paragraphsToRichText,
  richTextToParagraphs,
} from './html-to-rich-text.js';

const text = (value: string, format = 0) => ({ type: 'text', text: value, format, style: '', mode: 'normal', detail: 0, version: 1 });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', version: 1 });
const link = (url: string, ...children: unknown[]) => ({ type: 'link', children, fields: { linkType: 'custom', url, newTab: false }, direction: 'ltr', format: '', indent: 0, version: 3 });
const br = { type: 'linebreak', version: 1 };

function blocks(html: string): LexicalBlockNode[] {
  const root = htmlToRichText(html);
  const check = validateRichText(root);
  expect(check.ok ? [] : check.issues).toEqual([]);
  return root.root.children;
}

const paragraphsOf = (html: string) => richTextToParagraphs(htmlToRichText(html));

describe('htmlToRichText', () => {
  it('makes paragraphs with the editor’s inline formats', () => {
    expect(blocks('<p>Plain <b>bold</b> <strong>strong</strong> <i>it</i> <em>em</em> <u>under</u> <s>s</s> <del>del</del> <code>x()</code> <b><i>both</i></b></p>')).toEqual([
      paragraph(
        text('Plain '),
        text('bold', 1),
        text(' '),
        text('strong', 1),
        text(' '),
        text('it', 2),
        text(' '),
        text('em', 2),
        text(' '),
        text('under', 8),
        text(' '),
        text('s', 4),
        text(' '),
        text('del', 4),
        text(' '),
        text('x()', 16),
        text(' '),
        text('both', 3),
      ),
    ]);
  });

  it('maps headings to h2-h4, quotes and lists', () => {
    const result = blocks('<h1>One</h1><h3>Three</h3><h6>Six</h6><blockquote>Said <b>so</b></blockquote><ol><li>first</li><li>second</li></ol>');
    expect(result.map((block) => [block.type, 'tag' in block ? block.tag : undefined])).toEqual([
      ['heading', 'h2'],
      ['heading', 'h3'],
      ['heading', 'h4'],
      ['quote', undefined],
      ['list', 'ol'],
    ]);
    expect(result[3]).toMatchObject({ children: [text('Said '), text('so', 1)] });
    expect(result[4]).toMatchObject({ listType: 'number', children: [{ type: 'listitem', value: 1, children: [text('first')] }, { type: 'listitem', value: 2 }] });
  });

  it('nests lists the way Lexical does: the nested list in an item of its own', () => {
    const [list] = blocks('<ul><li>a<ul><li>a1</li><li>a2</li></ul></li><li>b</li></ul>');
    expect(list).toMatchObject({
      type: 'list',
      listType: 'bullet',
      tag: 'ul',
      children: [
        { type: 'listitem', value: 1, indent: 0, children: [text('a')] },
        { type: 'listitem', value: 2, children: [{ type: 'list', children: [{ value: 1, indent: 1, children: [text('a1')] }, { value: 2, indent: 1 }] }] },
        { type: 'listitem', value: 3, children: [text('b')] },
      ],
    });
    expect(paragraphsOf('<ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul>')).toEqual(['a', 'a1', 'b']);
  });

  it(`flattens lists nested deeper than ${MAX_LIST_NESTING} levels into their item’s text`, () => {
    const html = `${'<ul><li>level'.repeat(40)}${'</li></ul>'.repeat(40)}`;
    const root = htmlToRichText(html);
    expect(validateRichText(root).ok).toBe(true);
    let depth = 0;
    let node: unknown = root.root.children[0];
    while (node && (node as { type: string }).type === 'list') {
      depth++;
      const items = (node as { children: { children: unknown[] }[] }).children;
      node = items[items.length - 1]?.children.find((child) => (child as { type: string }).type === 'list');
    }
    expect(depth).toBe(MAX_LIST_NESTING);
    expect(richTextToParagraphs(root).join('\n').match(/level/g)).toHaveLength(40);
  });

  it('keeps a quote’s, heading’s or item’s inner blocks as lines', () => {
    expect(blocks('<blockquote><p>One.</p>\n <p>Two.</p></blockquote>')).toEqual([
      { type: 'quote', children: [text('One.'), br, text('Two.')], direction: 'ltr', format: '', indent: 0, version: 1 },
    ]);
    expect(paragraphsOf('<li><p>a</p><p>b</p></li>')).toEqual(['a\nb']);
  });

  it('collapses whitespace as HTML renders it, keeps it in <pre>, and reads <br>', () => {
    expect(blocks('<p>\n  Several   spaces\n and\tlines  </p>')).toEqual([paragraph(text('Several spaces and lines'))]);
    expect(blocks('<p>a <b> b </b> c</p>')).toEqual([paragraph(text('a '), text('b ', 1), text('c'))]);
    expect(blocks('<p>one<br>two<br><br>three<br></p>')).toEqual([paragraph(text('one'), br, text('two'), br, br, text('three'))]);
    expect(blocks('<pre>  x = 1\n  y = 2</pre>')).toEqual([paragraph(text('  x = 1'), br, text('  y = 2'))]);
    expect(blocks('<p>non&nbsp;breaking</p>')).toEqual([paragraph(text('non\u00a0breaking'))]);
  });

  it('turns inline content outside paragraphs into paragraphs, and containers into their blocks', () => {
    expect(paragraphsOf('Loose text<p>para</p>more <b>loose</b><div><div>deep</div></div><table><tr><td>c1</td><td>c2</td></tr></table>')).toEqual([
      'Loose text',
      'para',
      'more loose',
      'deep',
      'c1',
      'c2',
    ]);
    expect(paragraphsOf('<b>bold <p>para in bold</p> tail</b>')).toEqual(['bold', 'para in bold', 'tail']);
    expect(blocks('<b><p>x</p></b>')).toEqual([paragraph(text('x', 1))]);
  });

  it('reads a whole document, not only a fragment', () => {
    expect(paragraphsOf('<!DOCTYPE html><html><head><title>T</title><meta charset="utf-8"></head><body><p>Body</p></body></html>')).toEqual(['Body']);
  });

  it('keeps links to http, https and mailto, and only those', () => {
    expect(blocks('<p><a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="x">A</a> <a href="mailto:desk@example.com">M</a> <a href=" http://example.com/b ">B</a></p>')).toEqual([
      paragraph(link('https://example.com/a?b=1&c=2', text('A')), text(' '), link('mailto:desk@example.com', text('M')), text(' '), link('http://example.com/b', text('B'))),
    ]);
    for (const href of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'java\nscript:alert(1)',
      '&#106;avascript:alert(1)',
      'jav&#x09;ascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'file:///etc/passwd',
      '/news/relative',
      '//evil.example/x',
      '#top',
      'https://exa mple.com/',
      'mailto:',
      `https://example.com/${'a'.repeat(RICH_TEXT_LIMITS.maxUrlLength)}`,
    ]) {
      const result = blocks(`<p><a href="${href.replace(/"/g, '&quot;')}">text</a></p>`);
      expect([href, result]).toEqual([href, [paragraph(text('text'))]]);
    }
  });

  it('never nests links, and splits a link around a block inside it', () => {
    expect(blocks('<p><a href="https://a.example/">a <a href="https://b.example/">b</a></a></p>')).toEqual([
      paragraph(link('https://a.example/', text('a ')), link('https://b.example/', text('b'))),
    ]);
    expect(blocks('<a href="https://a.example/">before<div>inside</div>after</a>')).toEqual([
      paragraph(link('https://a.example/', text('before'))),
      paragraph(text('inside')),
      paragraph(link('https://a.example/', text('after'))),
    ]);
  });

  it('drops scripts, styles, embedded content, forms, figures and comments with their content', () => {
    const html = [
      '<script>alert(1)</script><style>p{color:red}</style><noscript>ns</noscript><template><p>tpl</p></template>',
      '<iframe src="https://evil.example">frame</iframe><object data="x">obj</object><embed src="x"><applet>ap</applet>',
      '<img src=x onerror=alert(1)><picture><source srcset="x"></picture><video src="v">vid</video><audio>aud</audio><canvas>cv</canvas>',
      '<svg onload="alert(1)"><text>svgtext</text><foreignObject><p>fo</p></foreignObject></svg><math><mi>x</mi></math>',
      '<form><input value="in"><select><option>opt</option></select><textarea>ta</textarea><button>btn</button></form>',
      '<figure><img src="y"><figcaption>cap</figcaption></figure><!-- comment --><hr>',
      '<p>kept</p>',
    ].join('');
    expect(paragraphsOf(html)).toEqual(['kept']);
  });

  it('drops every attribute: no style, class, id, handler or URL other than a link target survives', () => {
    const root = htmlToRichText(
      '<p style="x" class="c" id="i" onclick="alert(1)" dir="rtl" align="center" data-x="1">p</p><h2 onmouseover="alert(2)">h</h2><a href="https://ok.example/" onclick="alert(3)" style="s" title="t">l</a>',
    );
    const json = JSON.stringify(root);
    expect(json).not.toMatch(/onclick|onmouseover|alert|style="|class|data-x|rtl|center|title/);
    expect(json).toContain('https://ok.example/');
  });

  it('keeps text that looks like markup as text', () => {
    expect(blocks('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; 3 &lt; 5</p>')).toEqual([paragraph(text('<script>alert(1)</script> &amp; 3 < 5'))]);
    expect(paragraphsOf('Use a < b and c > d')).toEqual(['Use a < b and c > d']);
  });

  it('gives only allowed nodes for hostile and broken markup', () => {
    const hostile = [
      '<p onclick=alert(1)>x',
      '<<script>script>alert(1)<</script>/script>',
      '<scr<script>ipt>alert(1)</script>',
      '<p><svg><p>escape</p></svg>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
      '<table><td><a href="javascript:x">t</a></td><p>foster</p></table>',
      '<ul><p>stray</p><li>item</li>text</ul>',
      '<ol><ol><ol><li>deep</li></ol></ol></ol>',
      '<a href="https://a.example/"><p><a href="https://b.example/">x</a></p></a>',
      '<h1><h2>nested heading</h2></h1>',
      '<blockquote><ul><li>in quote</li></ul></blockquote>',
      '<p>\u0000nul\u0001ctl\uD800lone</p>',
      '<select><option><p>opt</p></select>',
      '<xmp><b>raw</b></xmp><plaintext><i>rest',
      '</p></div></b>',
      '<b><i><u><s><code>all</code></s></u></i></b>',
      '<frameset><frame src="x"></frameset>',
      `<p>${'<b>x</b><i>y</i>'.repeat(200)}</p>`,
    ];
    for (const html of hostile) {
      const root = htmlToRichText(html);
      const check = validateRichText(root);
      expect([html, check.ok ? [] : check.issues]).toEqual([html, []]);
      // Text the markup displays is kept (some of these display "alert(1)"); attributes and scripts never are.
      expect(JSON.stringify(root)).not.toMatch(/javascript|onerror|onclick|<script>/);
    }
    expect(paragraphsOf('<p>\u0000nul\u0001ctl\uD800lone</p>')).toEqual(['nulctl\uFFFDlone']);
    expect(paragraphsOf('<xmp><b>raw</b></xmp>')).toEqual(['<b>raw</b>']);
  });

  it('splits text longer than the editor’s per-node limit', () => {
    const long = 'a'.repeat(RICH_TEXT_LIMITS.maxTextLength * 2 + 10);
    const [block] = blocks(`<p>${long}</p>`);
    expect(block?.type === 'paragraph' && block.children.map((child) => (child.type === 'text' ? child.text.length : 0))).toEqual([
      RICH_TEXT_LIMITS.maxTextLength,
      RICH_TEXT_LIMITS.maxTextLength,
      10,
    ]);
  });

  it('stays fast on deeply nested markup, keeping its text', () => {
    const start = performance.now();
    const divs = htmlToRichText(`${'<div>'.repeat(200_000)}deep text${'</div>'.repeat(200_000)}<p>after</p>`);
    const lists = htmlToRichText(`${'<ul><li>'.repeat(50_000)}x`);
    const mixed = htmlToRichText(`${'<blockquote><section><span>'.repeat(30_000)}y`);
    const selfClosed = htmlToRichText(`${'<div/>'.repeat(200_000)}z`);
    expect(performance.now() - start).toBeLessThan(20_000);
    expect(richTextToParagraphs(divs)).toEqual(['deep text', 'after']);
    expect(richTextToParagraphs(lists).join('')).toContain('x');
    expect(richTextToParagraphs(mixed).join('')).toContain('y');
    expect(richTextToParagraphs(selfClosed)).toEqual(['z']);
    for (const root of [divs, lists, mixed, selfClosed]) expect(validateRichText(root).ok).toBe(true);
  });

  it('gives an empty root for markup without text', () => {
    expect(htmlToRichText('')).toEqual({ root: { type: 'root', children: [], direction: 'ltr', format: '', indent: 0, version: 1 } });
    expect(blocks('<p> </p><div>\n</div><br><b></b>')).toEqual([]);
  });
});

describe('paragraphsToRichText and richTextToParagraphs', () => {
  it('round-trip plain paragraphs, never reading markup from them', () => {
    const paragraphs = ['First <b>not bold</b> & so on.', 'Second.'];
    const root: LexicalRoot = paragraphsToRichText(paragraphs);
    expect(validateRichText(root).ok).toBe(true);
    expect(root.root.children[0]).toEqual(paragraph(text('First <b>not bold</b> & so on.')));
    expect(richTextToParagraphs(root)).toEqual(paragraphs);
    expect(paragraphsToRichText(['', '   ']).root.children).toEqual([]);
  });
});

describe('htmlToText and hasMarkup', () => {
  it('give the text of markup on one line, and tell markup from text', () => {
    expect(htmlToText('Council <b>approves</b>\n the <script>x</script>plan &amp; more')).toBe('Council approves the plan & more');
    expect(hasMarkup('3 < 5 and 6 > 2, AT&T')).toBe(false);
    expect(hasMarkup('a <b>b</b>')).toBe(true);
    expect(hasMarkup('line one\n\nline two')).toBe(false);
  });
});
