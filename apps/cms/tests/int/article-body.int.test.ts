// The article body is Lexical JSON that REST and the Local API accept from any staff member, and drafts skip field
// validation. The CMS must refuse, on every save, a body its editor could not have produced — a table cell with
// markup in `headerState`, a javascript: link, a node type it does not offer, a tree too deep or too large — and
// accept everything the editor does produce, typed or pasted, plus what the seed and the wire import store.
import { readFileSync } from 'node:fs';

import { convertHTMLToLexical, convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical';
import { Window } from 'happy-dom';
import { handleEndpoints } from 'payload';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { importWireStories, parseWireFiles } from '../../src/import/wire-import';
import { lexicalToParagraphs, paragraphsToLexical } from '../../src/lib/lexical';
import { seedDemo } from '../../src/seed/seed-demo';
import { DEMO_STORIES } from '../../src/seed/demo-content';
import { DIALECTS, openTestPayload, seedPath, type TestPayload } from '../support/databases';
import { fieldErrors, makeUser, type TestUser } from '../support/fixtures';

type Json = Record<string, unknown>;

const text = (value: string, format = 0): Json => ({ detail: 0, format, mode: 'normal', style: '', text: value, type: 'text', version: 1 });
const element = (type: string, children: Json[], extra: Json = {}): Json => ({ children, direction: null, format: '', indent: 0, type, version: 1, ...extra });
const paragraph = (...children: Json[]): Json => element('paragraph', children, { textFormat: 0, textStyle: '' });
const body = (...children: Json[]): Json => ({ root: element('root', children) });

const RUN = 'window.__pwned=1';
const HOSTILE_HEADER_STATE = body({
  type: 'table',
  version: 1,
  children: [
    {
      type: 'tablerow',
      version: 1,
      children: [{ type: 'tablecell', version: 1, headerState: `0" autofocus onfocus="${RUN}" x="`, children: [paragraph(text('cell'))] }],
    },
  ],
});
const JAVASCRIPT_LINK = body(
  paragraph(
    text('Read '),
    element('link', [text('this')], { fields: { linkType: 'custom', url: `javascript:${RUN}`, newTab: false }, id: '6b0e8e4cec70ca27c55d8fb6', version: 3 }),
  ),
);

function nestedLists(levels: number): Json {
  let item: Json = element('listitem', [text('deep')], { value: 1 });
  for (let level = 0; level < levels; level++) item = element('listitem', [element('list', [item], { listType: 'bullet', tag: 'ul', start: 1 })], { value: 1 });
  return body(element('list', [item], { listType: 'bullet', tag: 'ul', start: 1 }));
}

/** Payload's HTML-to-Lexical conversion needs a DOM; happy-dom (what Lexical's headless editor uses) provides it. */
class HappyJSDOM {
  window: Window;
  constructor(html: string) {
    this.window = new Window();
    this.window.document.write(html);
  }
}

async function pngFile(width: number, height: number) {
  const data = await sharp({ create: { width, height, channels: 3, background: { r: 20, g: 90, b: 160 } } }).png().toBuffer();
  return { data, mimetype: 'image/png', name: 'reef.png', size: data.length };
}

describe.each(DIALECTS)('article bodies on %s', (dialect) => {
  let t: TestPayload;
  let contributor: TestUser;
  let editor: TestUser;
  let token: string;

  beforeAll(async () => {
    t = await openTestPayload(dialect);
    contributor = await makeUser(t.payload, 'contributor');
    editor = await makeUser(t.payload, 'editor');
    const login = await t.payload.login({ collection: 'users', data: { email: contributor.email, password: 'correct horse battery staple' } });
    token = login.token!;
  });
  afterAll(async () => t?.close());

  /** A request to the CMS's REST API, handled by Payload's own router, as the contributor. */
  async function rest(method: string, path: string, data: unknown): Promise<{ status: number; json: Json }> {
    const request = new Request(`http://cms.test/api${path}`, {
      method,
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(data),
    });
    const response = await handleEndpoints({ config: t.payload.config, payloadInstanceCacheKey: `test:${t.db.target.url}`, request });
    return { status: response.status, json: (await response.json()) as Json };
  }

  const restErrors = (json: Json) =>
    ((json.errors as { data?: { errors?: { path: string; message: string }[] } }[] | undefined) ?? []).flatMap((error) => error.data?.errors ?? []);

  const draftAs = (user: TestUser, headline: string, articleBody: unknown) =>
    t.payload.create({
      collection: 'articles',
      draft: true,
      user: user as never,
      overrideAccess: false,
      data: { headline, body: articleBody as never, _status: 'draft' },
    });

  const articleCount = async () => (await t.payload.count({ collection: 'articles', overrideAccess: true })).totalDocs;

  it('refuses a contributor’s REST draft whose table cell carries markup in headerState, with a 400 naming the node', async () => {
    const before = await articleCount();
    const { status, json } = await rest('POST', '/articles?draft=true', { headline: 'Hostile table', body: HOSTILE_HEADER_STATE, _status: 'draft' });
    expect(status).toBe(400);
    expect(restErrors(json)).toEqual([{ path: 'body', message: 'body.root.children[0]: node type "table" is not allowed' }]);
    expect(await articleCount()).toBe(before);
  });

  it('refuses a javascript: link in a REST draft and in an autosave of an existing draft', async () => {
    const created = await rest('POST', '/articles?draft=true', { headline: 'Harmless draft', body: body(paragraph(text('Fine so far.'))), _status: 'draft' });
    expect(created.status).toBe(201);
    const id = (created.json.doc as { id: number | string }).id;

    const message = 'body.root.children[0].children[1]: link url scheme "javascript:" is not allowed';
    const post = await rest('POST', '/articles?draft=true', { headline: 'Hostile link', body: JAVASCRIPT_LINK, _status: 'draft' });
    expect(post.status).toBe(400);
    expect(restErrors(post.json)).toEqual([{ path: 'body', message }]);

    const autosave = await rest('PATCH', `/articles/${id}?draft=true&autosave=true`, { body: JAVASCRIPT_LINK });
    expect(autosave.status).toBe(400);
    expect(restErrors(autosave.json)).toEqual([{ path: 'body', message }]);

    const localAutosave = t.payload.update({ collection: 'articles', id, draft: true, autosave: true, user: contributor as never, overrideAccess: false, data: { body: JAVASCRIPT_LINK as never } });
    expect(await fieldErrors(localAutosave)).toEqual([{ path: 'body', message }]);

    const stored = await t.payload.findByID({ collection: 'articles', id, draft: true, overrideAccess: true, depth: 0 });
    expect(lexicalToParagraphs(stored.body)).toEqual(['Fine so far.']);
  });

  it('refuses unknown node types and oversized or over-deep trees through the Local API, even for an editor', async () => {
    const refused = async (user: TestUser, articleBody: unknown) => {
      const error = (await draftAs(user, 'Refused', articleBody).then(
        () => expect.fail('expected the draft to be refused'),
        (rejection: unknown) => rejection,
      )) as { status?: number; data?: { errors?: { path: string; message: string }[] } };
      expect(error.status).toBe(400);
      return (error.data?.errors ?? []).map(({ path, message }) => ({ path, message }));
    };
    expect(await refused(contributor, body({ type: 'mystery', version: 1, children: [paragraph(text('x'))] }))).toEqual([
      { path: 'body', message: 'body.root.children[0]: node type "mystery" is not allowed' },
    ]);
    expect(await refused(editor, body(paragraph({ ...text('x'), onclick: RUN })))).toEqual([
      { path: 'body', message: 'body.root.children[0].children[0]: text has an unexpected field "onclick"' },
    ]);
    const [deep] = await refused(contributor, nestedLists(20));
    expect(deep!.message).toMatch(/^body\.root(\.children\[0\]){33}: nodes are nested deeper than 32 levels$/);
    const [large] = await refused(contributor, body(...Array.from({ length: 10_001 }, () => paragraph(text('x')))));
    expect(large!.message).toBe('body.root.children[9999].children[0]: the document has more than 20000 nodes');
    const [long] = await refused(contributor, body(paragraph(text('x'.repeat(100_001)))));
    expect(long!.message).toBe('body.root.children[0].children[0]: text text is longer than 100000 characters');
  });

  it('accepts a body using every feature of the editor, with real documents behind its upload, relationship and internal link', async () => {
    const media = await t.payload.create({ collection: 'media', overrideAccess: true, file: await pngFile(64, 48), data: { alt: 'A test reef' } });
    const other = await t.payload.create({
      collection: 'articles',
      overrideAccess: true,
      data: { headline: 'The other story', body: paragraphsToLexical(['Other.']) as never, _status: 'published' },
    });
    const rich = body(
      element('heading', [text('Heading two')], { tag: 'h2' }),
      paragraph(
        text('Bold', 1),
        text(' italic', 2),
        { type: 'linebreak', version: 1 },
        element('link', [text('external')], { fields: { linkType: 'custom', url: 'https://example.com/a?b=1', newTab: true }, id: '6b0e8e4cec70ca27c55d8fb7', version: 3 }),
        element('link', [text('internal')], { fields: { linkType: 'internal', newTab: false, doc: { relationTo: 'articles', value: other.id } }, id: '6b0e8e4cec70ca27c55d8fb8', version: 3 }),
        element('autolink', [text('desk@example.com')], { fields: { linkType: 'custom', url: 'mailto:desk@example.com' }, version: 2 }),
      ),
      element('quote', [text('Quoted.')]),
      element('list', [element('listitem', [text('done')], { checked: true, value: 1 })], { listType: 'check', tag: 'ul', start: 1 }),
      { type: 'horizontalrule', version: 1 },
      { type: 'upload', version: 3, format: '', id: '6b0e8e60cce62e29fe370247', fields: null, relationTo: 'media', value: media.id },
      { type: 'relationship', version: 2, format: '', relationTo: 'articles', value: other.id },
    );
    const { status, json } = await rest('POST', '/articles?draft=true', { headline: 'Every feature', body: rich, _status: 'draft' });
    expect(restErrors(json)).toEqual([]);
    expect(status).toBe(201);
    const id = (json.doc as { id: number | string }).id;

    const published = await t.payload.update({ collection: 'articles', id, user: editor as never, overrideAccess: false, data: { _status: 'published' } });
    expect(published._status).toBe('published');
    const read = await t.payload.findByID({ collection: 'articles', id, overrideAccess: false, depth: 1 });
    const children = (read.body as { root: { children: Json[] } }).root.children;
    expect(children.map((node) => node.type)).toEqual(['heading', 'paragraph', 'quote', 'list', 'horizontalrule', 'upload', 'relationship']);
    expect((children[5]!.value as { alt?: string }).alt).toBe('A test reef');
  });

  it('accepts what the editor produces from typing shortcuts and from pasted HTML, and refuses the javascript: link a paste can carry', async () => {
    const editorConfig = await editorConfigFactory.default({ config: t.payload.config });
    const typed = convertMarkdownToLexical({
      editorConfig,
      markdown: '## A heading\n\nSome **bold**, *italic*, ~~struck~~ and `code`, [a link](https://example.com/x).\n\n> Quoted\n\n- one\n    - nested\n\n3. three\n\n- [x] done\n\n---\n\n###### Small',
    });
    expect((await draftAs(contributor, 'Typed', typed))._status).toBe('draft');

    const pasted = convertHTMLToLexical({
      editorConfig,
      JSDOM: HappyJSDOM as never,
      html:
        '<h1>Pasted</h1><p style="text-align:center">Centred <mark>marked</mark> <sub>2</sub> <a href="mailto:a@example.com">mail</a></p>' +
        '<blockquote><p>q1</p><ul><li>in a quote</li></ul></blockquote><ul><li><h2>heading in a list</h2></li></ul>' +
        '<table><tr><td>a table becomes paragraphs</td></tr></table><p><img src="https://example.com/a.png"></p>',
    });
    expect((await draftAs(contributor, 'Pasted', pasted))._status).toBe('draft');

    const pastedScript = convertHTMLToLexical({ editorConfig, JSDOM: HappyJSDOM as never, html: `<p><a href="javascript:${RUN}">click</a></p>` });
    expect(await fieldErrors(draftAs(contributor, 'Pasted script', pastedScript))).toEqual([
      { path: 'body', message: 'body.root.children[0].children[0]: link url scheme "javascript:" is not allowed' },
    ]);
  });

  it('accepts the bodies the demo seed and the wire import store', async () => {
    const seeded = await seedDemo(t.payload, { password: 'seed-password' });
    expect(seeded.created.articles).toBe(DEMO_STORIES.length);
    const parsed = parseWireFiles([{ name: 'seed.txt', content: readFileSync(seedPath) }], { year: 2018 });
    const [imported] = await importWireStories(t.payload, parsed, { publish: true, siteUrl: 'https://news.example' });
    expect(imported?.status).toBe('published');
  });
});
