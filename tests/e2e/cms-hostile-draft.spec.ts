// A contributor's draft is read by editors in the site's draft preview (/api/draft → /news/<slug>) and, once
// published, by every reader. Its body is Lexical JSON that anyone with a CMS account can send through REST:
// (a) the CMS refuses bodies its editor could not produce — markup in a table cell's headerState, javascript: links —
// with a 400, drafts and autosaves included; (b) a body it accepts, full of hostile strings as text and inside
// allowed URLs, renders inert in the preview and on the published page. Every payload tries to set window.__pwned
// or open a dialog; none may.
import { type BrowserContext, expect, type Page, test } from '@playwright/test';

import { signIn } from '../support/cms';
import { apiToken, CmsApi, fetchText, type Newsroom, startNewsroom } from '../support/newsroom';
import { watchDialogs } from '../support/xss';

const RUN = 'window.__pwned=(window.__pwned||0)+1';
const CORPUS = [
  `<img src=x onerror="${RUN}">`,
  `<script>${RUN}</script>`,
  `"><svg onload="${RUN}">`,
  `0" autofocus onfocus="${RUN}" x="`,
  `' autofocus onfocus='${RUN}' x='`,
  `javascript:${RUN}`,
  `&#106;avascript:${RUN} &lt;script&gt;${RUN}&lt;/script&gt;`,
  `</script><script>${RUN}</script><!--`,
  `\u2028\u2029</p></li></ul><iframe srcdoc="<script>parent.${RUN}</script>">`,
];

type Json = Record<string, unknown>;
const text = (value: string, format = 0): Json => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 });
const element = (type: string, children: Json[], extra: Json = {}): Json => ({ type, children, direction: null, format: '', indent: 0, version: 1, ...extra });
const paragraph = (...children: Json[]): Json => element('paragraph', children, { textFormat: 0, textStyle: '' });
const link = (url: string, label: string, newTab = false): Json =>
  element('link', [text(label)], { fields: { linkType: 'custom', url, newTab }, version: 3 });
const body = (...children: Json[]): Json => ({ root: element('root', children) });

/** Markup in a field Payload's own HTML converters would write into an attribute unescaped. */
const HOSTILE_TABLE = body({
  type: 'table',
  version: 1,
  children: [{ type: 'tablerow', version: 1, children: [{ type: 'tablecell', version: 1, headerState: `0" autofocus onfocus="${RUN}" x="`, children: [paragraph(text('cell'))] }] }],
});
const JAVASCRIPT_LINK = body(paragraph(text('Read '), link(`javascript:${RUN}`, 'this')));

/** Everything the editor offers, each carrying the corpus — as text, and inside URLs the CMS allows. */
function inertBody(): Json {
  return body(
    element('heading', [text(`Heading ${CORPUS[1]}`)], { tag: 'h2' }),
    ...CORPUS.map((payload, index) =>
      paragraph(
        text(`Paragraph ${index} `),
        text(payload, index % 2 === 0 ? 1 : 16),
        { type: 'linebreak', version: 1 },
        link(`https://example.com/?q=${encodeURIComponent(payload)}&raw="${index}"><b>`, `link ${index} ${payload}`, index % 2 === 0),
        link(`/news/x?${index}="'><script>${index}`, ` path ${index}`),
        link(`#frag${index}"onfocus="${RUN}"`, ` fragment ${index}`),
        link(`mailto:desk@example.com?subject="><svg/onload=${index}>`, ` mail ${index}`),
      ),
    ),
    element('quote', [text(CORPUS[0]!)]),
    element('list', CORPUS.slice(0, 3).map((payload, index) => element('listitem', [text(payload)], { value: index + 1 })), { listType: 'bullet', tag: 'ul', start: 1 }),
    element('list', [element('listitem', [text(CORPUS[3]!)], { checked: true, value: 1 })], { listType: 'check', tag: 'ul', start: 1 }),
    { type: 'horizontalrule', version: 1 },
  );
}

test.describe.serial('a hostile draft runs nothing', () => {
  let newsroom: Newsroom;
  let contributor: string;
  let editorToken: string;
  let draft: { id: number; slug: string };

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    newsroom = await startNewsroom({ importSeed: false });
    contributor = await apiToken(newsroom.cmsBase, 'contributor@example.com');
    editorToken = await apiToken(newsroom.cmsBase, 'editor@example.com');
  });
  test.afterAll(async () => newsroom?.stop());

  /** The contributor's REST call, as any script with their session could make it. */
  async function asContributor(method: string, path: string, data: unknown): Promise<{ status: number; json: Json }> {
    const response = await fetch(`${newsroom.cmsBase}${path}`, {
      method,
      headers: { Authorization: `JWT ${contributor}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(data),
    });
    return { status: response.status, json: (await response.json()) as Json };
  }

  const bodyErrors = (json: Json) =>
    ((json.errors as { data?: { errors?: { path: string; message: string }[] } }[] | undefined) ?? []).flatMap((error) => error.data?.errors ?? []);

  test('the CMS refuses the hostile JSON with a 400 naming the node: new drafts and autosaves alike', async () => {
    const table = await asContributor('POST', '/api/articles?draft=true', { headline: 'Hostile table', body: HOSTILE_TABLE, _status: 'draft' });
    expect(table.status).toBe(400);
    expect(bodyErrors(table.json)).toEqual([{ path: 'body', message: 'body.root.children[0]: node type "table" is not allowed' }]);

    const linkMessage = 'body.root.children[0].children[1]: link url scheme "javascript:" is not allowed';
    const script = await asContributor('POST', '/api/articles?draft=true', { headline: 'Hostile link', body: JAVASCRIPT_LINK, _status: 'draft' });
    expect(script.status).toBe(400);
    expect(bodyErrors(script.json)).toEqual([{ path: 'body', message: linkMessage }]);

    const created = await asContributor('POST', '/api/articles?draft=true&depth=0', {
      headline: 'Preview me: corpus in every field',
      body: inertBody(),
      // No ad markup between the paragraphs: every link in the body is one the draft wrote.
      suppressAds: true,
      _status: 'draft',
    });
    expect(created.status, JSON.stringify(created.json).slice(0, 500)).toBe(201);
    draft = created.json.doc as { id: number; slug: string };

    for (const hostile of [HOSTILE_TABLE, JAVASCRIPT_LINK]) {
      const autosave = await asContributor('PATCH', `/api/articles/${draft.id}?draft=true&autosave=true`, { body: hostile });
      expect(autosave.status).toBe(400);
    }
    // The draft still holds the body it was created with.
    const read = await fetch(`${newsroom.cmsBase}/api/articles/${draft.id}?draft=true&depth=0`, { headers: { Authorization: `JWT ${editorToken}` } });
    const doc = (await read.json()) as { body: { root: { children: { type: string }[] } } };
    expect(doc.body.root.children.map((node) => node.type)).toEqual(['heading', ...CORPUS.map(() => 'paragraph'), 'quote', 'list', 'list', 'horizontalrule']);
  });

  test('an editor previewing the accepted draft sees the corpus as text, and nothing runs', async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext();
    await context.addCookies([{ name: 'payload-token', value: editorToken, url: newsroom.webBase }]);
    const page = await context.newPage();
    const dialogs = watchDialogs(page);
    const response = await page.goto(`${newsroom.webBase}/api/draft?path=${encodeURIComponent(`/news/${draft.slug}`)}`);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(`/news/${draft.slug}`);
    await expect(page.locator('.preview-banner')).toContainText('Draft preview');
    await exerciseAndExpectNothingRan(page, 'draft preview');

    const bodyText = page.locator('.body');
    await expect(bodyText.locator('h2').first()).toHaveText(`Heading ${CORPUS[1]}`);
    for (const payload of CORPUS.slice(0, 4)) await expect(bodyText).toContainText(payload.replace(/[\u2028\u2029]/g, ''));
    // The links the CMS allowed are links, to where they said; the fragment and mailto ones stay on their scheme.
    const hrefs = await bodyText.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBe(CORPUS.length * 4);
    for (const href of hrefs) expect(href).toMatch(/^(https:\/\/example\.com\/\?|\/news\/x\?|#frag|mailto:desk@example\.com\?)/);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  test('the editor opens the draft in the admin: the editor shows the corpus and nothing runs there either', async ({ page }) => {
    test.setTimeout(120_000);
    const dialogs = watchDialogs(page);
    await signIn(page, newsroom.cmsBase, 'editor@example.com');
    await page.goto(`${newsroom.cmsBase}/admin/collections/articles/${draft.id}`);
    await expect(page.locator('#field-headline')).toHaveValue('Preview me: corpus in every field', { timeout: 30_000 });
    await expect(page.locator('[data-lexical-editor="true"]').first()).toContainText('Paragraph 0', { timeout: 30_000 });
    await exerciseAndExpectNothingRan(page, 'admin edit view', { unsafeAttributes: false });
    expect(dialogs).toEqual([]);
  });

  test('once published, readers get the same inert page', async ({ browser }) => {
    test.setTimeout(120_000);
    const editor = await CmsApi.as(newsroom.cmsBase, 'editor@example.com');
    await editor.updateArticle(draft.id, { _status: 'published' });
    await expect.poll(async () => (await fetchText(`${newsroom.webBase}/news/${draft.slug}`)).status, { timeout: 30_000 }).toBe(200);
    const context: BrowserContext = await browser.newContext();
    const page = await context.newPage();
    const dialogs = watchDialogs(page);
    const response = await page.goto(`${newsroom.webBase}/news/${draft.slug}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('.preview-banner')).toHaveCount(0);
    await exerciseAndExpectNothingRan(page, 'published article');
    expect(dialogs).toEqual([]);
    await context.close();
  });
});

/**
 * Gives every kind of payload its chance — load and error handlers, autofocus, focus moved by Tab, the pointer over
 * each link — then checks nothing ran and (on the site's pages) that no element carries a handler or a script URL.
 */
async function exerciseAndExpectNothingRan(page: Page, where: string, { unsafeAttributes = true } = {}): Promise<void> {
  await page.waitForLoadState('load');
  for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
  for (const anchor of (await page.locator('.body a').all()).slice(0, 12)) await anchor.hover({ timeout: 2_000 }).catch(() => undefined);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), where).toBeUndefined();
  if (!unsafeAttributes) return;
  const unsafe = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${el.localName}[${attr.name}]`);
        if (/^(href|src|action|formaction|srcdoc)$/i.test(attr.name) && /^\s*(javascript|data:text\/html|vbscript)/i.test(attr.value)) found.push(`${el.localName}[${attr.name}]`);
      }
    }
    for (const el of document.querySelectorAll('.body *')) if (el.hasAttribute('style') || el.hasAttribute('autofocus')) found.push(`${el.localName} in the body with style/autofocus`);
    return found;
  });
  expect(unsafe, where).toEqual([]);
}
