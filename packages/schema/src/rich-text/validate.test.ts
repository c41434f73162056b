import { describe, expect, it } from 'vitest';

import { formatRichTextIssue, type RichTextValidation, validateRichText } from './validate';

type Json = Record<string, unknown>;

const text = (value: string, format = 0): Json => ({ detail: 0, format, mode: 'normal', style: '', text: value, type: 'text', version: 1 });
const element = (type: string, children: Json[], extra: Json = {}): Json => ({ children, direction: null, format: '', indent: 0, type, version: 1, ...extra });
const paragraph = (...children: Json[]): Json => element('paragraph', children, { textFormat: 0, textStyle: '' });
const doc = (...children: Json[]): Json => ({ root: element('root', children) });
const link = (fields: Json, ...children: Json[]): Json => element('link', children.length ? children : [text('a link')], { fields, id: '6b0e8e4cec70ca27c55d8fb6', version: 3 });

function problems(result: RichTextValidation): string[] {
  return result.ok ? [] : result.issues.map(formatRichTextIssue);
}

/** A body using every feature of the default editor, in the shapes Payload 3.90 / Lexical 0.50 serialize. */
const everyFeature = doc(
  element('heading', [text('Heading two')], { tag: 'h2' }),
  paragraph(
    text('Some '),
    text('bold', 1),
    text(' italic', 2),
    text(' struck', 4),
    text(' under', 8),
    text(' code', 16),
    text(' sub', 32),
    text(' sup', 64),
    text(' highlighted (pasted <mark>)', 128),
    { type: 'linebreak', version: 1 },
    { detail: 2, format: 0, mode: 'normal', style: '', text: '\t', type: 'tab', version: 1 },
    link({ linkType: 'custom', newTab: true, url: 'https://example.com/a?b=1' }),
    link({ linkType: 'custom', newTab: false, url: 'mailto:desk@example.com' }),
    link({ linkType: 'custom', url: '/news/other-story' }),
    link({ linkType: 'internal', newTab: false, doc: { relationTo: 'articles', value: 12 } }),
    element('autolink', [text('www.example.com')], { fields: { linkType: 'custom', url: 'https://www.example.com' }, version: 2 }),
  ),
  element('paragraph', [text('Centred, right-to-left, indented')], { format: 'center', direction: 'rtl', indent: 2, textFormat: 16 }),
  element('quote', [text('A quote')]),
  // Pasted HTML: a quote of paragraphs, a list item holding a heading, a quote holding a list.
  element('quote', [paragraph(text('q1')), paragraph(text('q2'))]),
  element('list', [element('listitem', [element('heading', [text('x')], { tag: 'h2' })], { value: 1 })], { listType: 'bullet', start: 1, tag: 'ul' }),
  element(
    'list',
    [
      element('listitem', [text('one')], { value: 1 }),
      element('listitem', [element('list', [element('listitem', [text('nested')], { value: 1, indent: 1 })], { listType: 'bullet', start: 1, tag: 'ul' })], { value: 2 }),
    ],
    { listType: 'bullet', start: 1, tag: 'ul' },
  ),
  element('list', [element('listitem', [text('five')], { value: 5 })], { listType: 'number', start: 5, tag: 'ol' }),
  element('list', [element('listitem', [text('todo')], { checked: false, value: 1 }), element('listitem', [text('done')], { checked: true, value: 2 })], {
    listType: 'check',
    start: 1,
    tag: 'ul',
  }),
  { type: 'horizontalrule', version: 1 },
  { type: 'upload', version: 3, format: '', id: '6b0e8e60cce62e29fe370247', fields: null, relationTo: 'media', value: 4 },
  { type: 'upload', version: 3, format: '', id: '6b0e8e60cce62e29fe370248', fields: { alt: 'A reef' }, relationTo: 'media', value: '65f0c0ffee' },
  // A pasted image still uploading.
  paragraph({ type: 'upload', version: 3, format: '', id: '6b0e8e60cce62e29fe370249', pending: { formID: '6b0e8e60cce62e29fe370246', src: 'https://x.example/a.png' } }),
  { type: 'relationship', version: 2, format: '', relationTo: 'articles', value: 3 },
  element('heading', [text('six')], { tag: 'h6' }),
);

describe('validateRichText', () => {
  it('accepts a body using every feature the editor offers', () => {
    expect(problems(validateRichText(everyFeature))).toEqual([]);
  });

  it('accepts the plain paragraphs the wire import and the demo seed store', () => {
    const stored = {
      root: {
        type: 'root',
        direction: 'ltr',
        format: '',
        indent: 0,
        version: 1,
        children: [
          {
            type: 'paragraph',
            direction: 'ltr',
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            version: 1,
            children: [{ type: 'text', text: '<script>alert(1)</script> is text', format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
          },
        ],
      },
    };
    expect(validateRichText(stored)).toEqual({ ok: true });
    expect(validateRichText({ root: { type: 'root', children: [] } })).toEqual({ ok: true });
  });

  it('refuses node types the editor does not offer, such as table cells with markup in headerState', () => {
    const hostile = doc({
      type: 'table',
      children: [{ type: 'tablerow', children: [{ type: 'tablecell', headerState: '0" autofocus onfocus="alert(1)" x="', children: [paragraph(text('cell'))] }] }],
    });
    const result = validateRichText(hostile);
    expect(result.ok).toBe(false);
    expect(problems(result)).toEqual(['body.root.children[0]: node type "table" is not allowed']);
  });

  it('refuses a javascript: link and says where it is', () => {
    const result = validateRichText(doc(paragraph(text('See '), link({ linkType: 'custom', url: 'javascript:alert(document.cookie)' }))));
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'body.root.children[0].children[1]', problem: 'link url scheme "javascript:" is not allowed' }],
      message: 'body.root.children[0].children[1]: link url scheme "javascript:" is not allowed',
    });
  });

  it('refuses every other unsafe or unusable link URL', () => {
    const urlProblem = (url: unknown, type = 'link') =>
      problems(validateRichText(doc(paragraph(type === 'link' ? link({ linkType: 'custom', url }) : element(type, [text('x')], { fields: { linkType: 'custom', url } })))));
    expect(urlProblem('data:text/html,<script>alert(1)</script>')).toEqual(['body.root.children[0].children[0]: link url scheme "data:" is not allowed']);
    expect(urlProblem('&#106;avascript:alert(1)')[0]).toMatch(/link url must be absolute/);
    expect(urlProblem(' javascript:alert(1)')[0]).toMatch(/link url contains whitespace or control characters$/);
    expect(urlProblem('//evil.example')[0]).toMatch(/protocol-relative/);
    expect(urlProblem('javascript:alert(1)', 'autolink')).toEqual(['body.root.children[0].children[0]: autolink url scheme "javascript:" is not allowed']);
    expect(urlProblem({ toString: 'javascript:alert(1)' })).toEqual(['body.root.children[0].children[0]: link url must be a string, not an object']);
    expect(urlProblem(undefined)).toEqual(['body.root.children[0].children[0]: link url must be a string, not nothing']);
  });

  it('refuses fields the editor never writes, and wrongly typed ones', () => {
    const cases: [Json, string][] = [
      [paragraph(text('x')), ''],
      [{ ...paragraph(text('x')), onclick: 'alert(1)' }, 'paragraph has an unexpected field "onclick"'],
      [paragraph({ ...text('x'), html: '<b>x</b>' }), 'text has an unexpected field "html"'],
      [element('heading', [text('x')], { tag: 'h7' }), 'heading tag must be one of "h1", "h2", "h3", "h4", "h5", "h6", not the string "h7"'],
      [element('heading', [text('x')], { tag: 'h2 onclick=alert(1)' }), 'heading tag must be one of "h1", "h2", "h3", "h4", "h5", "h6", not the string "h2 onclick=alert(1)"'],
      [paragraph(text('x', 1.5)), 'text format must be a whole number from 0 to 2047, not number 1.5'],
      [paragraph({ ...text('x'), format: '1' }), 'text format must be a whole number from 0 to 2047, not the string "1"'],
      [paragraph(text('x', 4096)), 'text format must be a whole number from 0 to 2047, not number 4096'],
      [paragraph({ ...text('x'), text: { nested: 'object' } }), 'text text must be a string, not an object'],
      [paragraph({ ...text('x'), mode: 'raw' }), 'text mode must be one of "normal", "token", "segmented", not the string "raw"'],
      [paragraph({ ...text('x'), type: 'tab' }), 'tab text must be a tab character, not "x"'],
      [element('paragraph', [text('x')], { format: 'center;color:red' }), 'paragraph format (alignment) must be one of "", "left", "start", "center", "right", "end", "justify", not the string "center;color:red"'],
      [element('paragraph', [text('x')], { direction: 'sideways' }), 'paragraph direction must be one of "ltr", "rtl", null, not the string "sideways"'],
      [element('paragraph', [text('x')], { indent: -1 }), 'paragraph indent must be a whole number from 0 to 40, not number -1'],
      [element('list', [element('listitem', [text('x')])], { listType: 'number', tag: 'ul' }), 'a number list must use the tag "ol", not "ul"'],
      [element('list', [element('listitem', [text('x')])], { listType: 'star', tag: 'ul' }), 'list listType must be one of "bullet", "number", "check", not the string "star"'],
      [element('list', [element('listitem', [text('x')], { checked: 'yes' })], { listType: 'check' }), 'listitem checked must be true or false, not the string "yes"'],
      [paragraph(link({ linkType: 'custom', url: 'https://example.com', newTab: '" target="_top' })), 'link newTab must be true or false, not the string "\\" target=\\"_top"'],
      [paragraph(link({ linkType: 'custom', url: 'https://example.com', rel: 'opener' })), 'link fields has an unexpected field "rel"'],
      [paragraph(link({ linkType: 'embed', url: 'https://example.com' })), 'link linkType must be one of "custom", "internal", not the string "embed"'],
      [paragraph(link({ linkType: 'custom', url: 'https://example.com' }, text('x'))), ''],
      [{ ...paragraph(text('x')), $: { colour: { nested: true } } }, 'paragraph state ("$") "colour" must be a string, number, boolean or null, not an object'],
    ];
    for (const [node, problem] of cases) {
      const result = validateRichText(doc(node));
      expect(result.ok ? [] : result.issues.map((issue) => issue.problem), JSON.stringify(node)).toEqual(problem === '' ? [] : [problem]);
    }
    expect(problems(validateRichText(doc(paragraph({ ...text('x'), html: '<b>x</b>' }))))).toEqual([
      'body.root.children[0].children[0]: text has an unexpected field "html"',
    ]);
  });

  it('refuses trees the editor cannot build', () => {
    expect(problems(validateRichText({ root: paragraph(text('x')) }))).toEqual(['body.root: the top node must be "root", not "paragraph"']);
    expect(problems(validateRichText(doc(paragraph(element('root', [])))))).toEqual(['body.root.children[0].children[0]: "root" may only be the top node']);
    expect(problems(validateRichText(doc(text('loose'))))).toEqual(['body.root.children[0]: text must be inside a paragraph or another element, not directly in root']);
    expect(problems(validateRichText(doc(element('listitem', [text('x')]))))).toEqual(['body.root.children[0]: "listitem" must be inside a "list"']);
    expect(problems(validateRichText(doc(element('list', [paragraph(text('x'))], { listType: 'bullet' }))))).toEqual([
      'body.root.children[0].children[0]: a list may hold only "listitem" nodes, not "paragraph"',
    ]);
    expect(problems(validateRichText(doc({ ...paragraph(), children: 'text' })))).toEqual(['body.root.children[0]: paragraph children must be an array, not the string "text"']);
    expect(problems(validateRichText(doc({ type: 'horizontalrule', children: [text('x')] })))).toEqual(['body.root.children[0]: horizontalrule has an unexpected field "children"']);
    expect(problems(validateRichText(doc({ children: [] })))).toEqual(['body.root.children[0]: node has no "type" (found nothing)']);
    expect(problems(validateRichText(doc('<p>html</p>' as never)))).toEqual(['body.root.children[0]: must be a node object, not the string "<p>html</p>"']);
  });

  it('refuses what is not a document at all', () => {
    expect(problems(validateRichText(null))).toEqual(['body: must be a Lexical document ({ "root": … }), not null']);
    expect(problems(validateRichText('<p>x</p>'))).toEqual(['body: must be a Lexical document ({ "root": … }), not the string "<p>x</p>"']);
    expect(problems(validateRichText([]))).toEqual(['body: must be a Lexical document ({ "root": … }), not an array']);
    expect(problems(validateRichText({ ...doc(), html: '<script>' }))).toEqual(['body: has an unexpected field "html"']);
    expect(problems(validateRichText(null, { path: 'dek' }))).toEqual(['dek: must be a Lexical document ({ "root": … }), not null']);
  });

  it('refuses references that are not plain document ids in the allowed collections', () => {
    const options = { uploadCollections: ['media'], relationshipCollections: ['articles', 'authors'], linkCollections: ['articles'] };
    const upload = (extra: Json) => doc({ type: 'upload', version: 3, format: '', id: '6b0e8e60cce62e29fe370247', relationTo: 'media', value: 4, ...extra });
    expect(problems(validateRichText(upload({}), options))).toEqual([]);
    expect(problems(validateRichText(upload({ relationTo: 'users' }), options))).toEqual(['body.root.children[0]: upload may not point at the collection "users"']);
    expect(problems(validateRichText(upload({ value: { id: 4, url: 'javascript:alert(1)', mimeType: 'image/png' } }), options))).toEqual([
      'body.root.children[0]: upload value must be a document id, not an object',
    ]);
    expect(problems(validateRichText(upload({ value: '4" onerror="x' }), options))).toEqual(['body.root.children[0]: upload value must be a document id, not the string "4\\" onerror=\\"x"']);
    expect(problems(validateRichText(upload({ fields: { alt: { html: '<b>' } } }), options))).toEqual([
      'body.root.children[0]: upload fields "alt" must be a string, number, boolean or null, not an object',
    ]);
    expect(problems(validateRichText(upload({ pending: { formID: 'f1', src: 'x', onload: 'y' } }), options))).toEqual(['body.root.children[0]: upload pending has an unexpected field "onload"']);
    expect(problems(validateRichText(doc({ type: 'relationship', relationTo: 'ad-slots', value: 1 }), options))).toEqual([
      'body.root.children[0]: relationship may not point at the collection "ad-slots"',
    ]);
    expect(problems(validateRichText(doc(paragraph(link({ linkType: 'internal', doc: { relationTo: 'authors', value: 1 } }))), options))).toEqual([
      'body.root.children[0].children[0]: internal link may not point at the collection "authors"',
    ]);
    expect(problems(validateRichText(doc(paragraph(link({ linkType: 'internal' }))), options))).toEqual([
      'body.root.children[0].children[0]: internal link doc must be an object { relationTo, value }, not nothing',
    ]);
    expect(problems(validateRichText(doc(paragraph(link({ linkType: 'custom', url: 'https://example.com', doc: { relationTo: 'articles', value: 1 } }))), options))).toEqual([
      'body.root.children[0].children[0]: a custom link may not have a doc',
    ]);
  });

  it('refuses text the database cannot store and strings beyond their limits', () => {
    expect(problems(validateRichText(doc(paragraph(text('a\u0000b')))))).toEqual(['body.root.children[0].children[0]: text text contains a NUL character']);
    expect(problems(validateRichText(doc(paragraph(text('x'.repeat(100_001))))))).toEqual(['body.root.children[0].children[0]: text text is longer than 100000 characters']);
    expect(problems(validateRichText(doc(paragraph({ ...text('x'), style: 'x'.repeat(1001) }))))).toEqual([
      'body.root.children[0].children[0]: text style is longer than 1000 characters',
    ]);
    expect(validateRichText(doc(paragraph(text('x'.repeat(100_000))))).ok).toBe(true);
  });

  it('refuses a tree nested deeper than the limit', () => {
    let node: Json = element('listitem', [text('deep')], { value: 1 });
    for (let level = 0; level < 20; level++) node = element('listitem', [element('list', [node], { listType: 'bullet' })], { value: 1 });
    const deep = doc(element('list', [node], { listType: 'bullet' }));
    const result = validateRichText(deep);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.issues[0]!.problem).toBe('nodes are nested deeper than 32 levels');
    expect(result.ok ? '' : result.issues[0]!.path.split('.children').length - 1).toBe(33);
    expect(validateRichText(deep, { limits: { maxDepth: 64 } }).ok).toBe(true);
  });

  it('refuses more nodes or more text than the limits, and stops at the first overflow', () => {
    const many = doc(...Array.from({ length: 10_000 }, () => paragraph(text('x'))));
    expect(problems(validateRichText(many))).toEqual(['body.root.children[9999].children[0]: the document has more than 20000 nodes']);
    const long = doc(...Array.from({ length: 11 }, () => paragraph(text('x'.repeat(100_000)))));
    expect(problems(validateRichText(long))).toEqual(['body.root.children[10].children[0]: the document has more than 1000000 characters of text']);
  });

  it('reports at most maxIssues problems, joined in its message', () => {
    const bad = doc(...Array.from({ length: 10 }, (_, index) => ({ type: `mystery-${index}` })));
    const result = validateRichText(bad, { maxIssues: 3 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(3);
    expect(result.message).toBe(
      'body.root.children[0]: node type "mystery-0" is not allowed; body.root.children[1]: node type "mystery-1" is not allowed; body.root.children[2]: node type "mystery-2" is not allowed',
    );
  });
});
