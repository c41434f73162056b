// An XSS corpus through every text field that wire copy and the admin's REST API can set, read back in real Chromium
// wherever readers and embedders meet it: the article page, the front page, section and author pages, the feeds and
// sitemaps, the widget JSON through <news-related-headlines src>, oEmbed HTML on a third-party page, and /embed.
// Every payload tries to set window.__pwned or open a dialog; none may.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';
import { XMLValidator } from 'fast-xml-parser';

import { CmsApi, fetchText, lexicalBody, type Newsroom, startNewsroom } from '../support/newsroom';
import { runCommand } from '../support/processes';
import { expectNothingRan, watchDialogs } from '../support/xss';

const RUN = 'window.__pwned=1';
/** Each entry is a different way out of a text node, an attribute, a URL, a JSON block or a script. */
const CORPUS = [
  `<img src=x onerror="${RUN}">`,
  `<script>${RUN}</script>`,
  `"><svg onload="${RUN}">`,
  `' autofocus onfocus='${RUN}' x='`,
  `javascript:${RUN}`,
  `data:text/html,<script>${RUN}</script>`,
  `&#106;avascript:${RUN} &lt;script&gt;${RUN}&lt;/script&gt;`,
  `</script><script>${RUN}</script><!--`,
  `\u2028\u2029</script>\u2028<script>${RUN}</script>`,
  `</title></style></textarea><iframe srcdoc="<script>parent.${RUN}</script>">`,
  `<a href="javascript:${RUN}">link</a>`,
  `]]><![CDATA[<script>${RUN}</script>]]>`,
];

/** A wire story in the agencies' plain-text layout, with a corpus entry in its headline, caption and paragraphs. */
function wireStory(index: number, payload: string): string {
  const flat = payload.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return [
    `Corpus ${index} headline ${flat}`,
    '',
    'By Dana Corpus',
    `Caption ${index} ${flat}. File Photo by Jon Mercer/Newsroom`,
    `Caption ${index} ${flat}. File Photo by Jon Mercer/Newsroom | License Photo`,
    '',
    `PORTO, June 12 (Newsroom) -- First paragraph ${index} ${payload}`,
    '',
    'Advertisement',
    '',
    `"Quoted ${flat}," said a source.`,
    '',
    `Last paragraph ${index}.`,
    '',
  ].join('\n');
}

test.describe.serial('the XSS corpus executes nowhere', () => {
  let newsroom: Newsroom;
  let api: CmsApi;
  const slugs: string[] = [];
  const sectionSlugs: string[] = [];
  const authorSlugs: string[] = [];
  let dir: string;

  test.beforeAll(async () => {
    test.setTimeout(420_000);
    newsroom = await startNewsroom({ importSeed: false });
    api = await CmsApi.as(newsroom.cmsBase);

    // Wire copy: headline, byline, caption, credit and paragraphs.
    dir = mkdtempSync(path.join(tmpdir(), 'newsroom-xss-'));
    const files = CORPUS.map((payload, index) => {
      const file = path.join(dir, `corpus-${index}.txt`);
      writeFileSync(file, wireStory(index, payload));
      return file;
    });
    const run = await runCommand('npm', ['run', 'import', '--', '--publish', ...files], newsroom.env);
    expect(run.code, run.stderr).toBe(0);
    for (const line of run.stdout.split('\n').filter((l) => l.startsWith('{'))) slugs.push((JSON.parse(line) as { slug: string }).slug);

    // The admin's fields, through REST as an editor.
    for (const [index, payload] of CORPUS.entries()) {
      const section = await api.request<{ doc: { id: number; slug: string } }>('POST', '/api/sections', { name: `S${index} ${payload}`.slice(0, 80) });
      const author = await api.request<{ doc: { id: number; slug: string } }>('POST', '/api/authors', { name: `A${index} ${payload}`.slice(0, 120), bio: payload });
      sectionSlugs.push(section.doc.slug);
      authorSlugs.push(author.doc.slug);
      const article = await api.createArticle({
        headline: `Admin ${index} ${payload}`,
        dek: payload,
        authors: [author.doc.id],
        section: section.doc.id,
        tags: [payload.slice(0, 60)],
        dateline: { place: payload.slice(0, 60), month: 6, day: 12, agency: payload.slice(0, 60) },
        hero: { alt: payload, caption: payload, credit: payload, creator: payload, copyright: payload, licenseOffered: true },
        seo: { title: `SEO ${index} ${payload}`.slice(0, 70), description: payload.slice(0, 200) },
        body: lexicalBody([payload, `Second ${index} ${payload}`]),
      });
      slugs.push(article.slug);
      await api.request('POST', '/api/headlines', { title: `Curated ${index} ${payload}`, article: article.id });
    }
  });
  test.afterAll(async () => {
    await newsroom?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('article, front, section and author pages run none of it and show it as text', async ({ page }) => {
    test.setTimeout(300_000);
    const dialogs = watchDialogs(page);
    const paths = ['/', ...slugs.map((slug) => `/news/${slug}`), ...sectionSlugs.map((s) => `/section/${s}`), ...authorSlugs.map((s) => `/author/${s}`)];
    for (const pagePath of paths) {
      const response = await page.goto(`${newsroom.webBase}${pagePath}`, { waitUntil: 'load' });
      expect(response?.status(), pagePath).toBe(200);
      await expectNothingRan(page, pagePath);
    }
    // The text is there, as text: the headline of the last admin story, and its JSON-LD still parses to it.
    const last = CORPUS.length - 1;
    await page.goto(`${newsroom.webBase}/news/${slugs[slugs.length - 1]}`);
    await expect(page.locator('h1')).toHaveText(`Admin ${last} ${CORPUS[last]}`);
    const jsonLd = await page.locator('script[type="application/ld+json"]').first().textContent();
    expect((JSON.parse(jsonLd!) as { headline: string }).headline).toContain(`Admin ${last}`);
    expect(dialogs).toEqual([]);
  });

  test('feeds and sitemaps stay valid XML and run nothing when opened in the browser', async ({ page }) => {
    const dialogs = watchDialogs(page);
    for (const feedPath of ['/feed.xml', '/news-sitemap.xml', '/sitemap.xml']) {
      const { status, text } = await fetchText(`${newsroom.webBase}${feedPath}`);
      expect(status, feedPath).toBe(200);
      expect(XMLValidator.validate(text), feedPath).toBe(true);
      expect(text, feedPath).not.toMatch(/<script/i);
      await page.goto(`${newsroom.webBase}${feedPath}`);
      await expectNothingRan(page, feedPath);
    }
    expect(dialogs).toEqual([]);
  });

  test('embeds run none of it: related headlines from the widget JSON, oEmbed HTML and /embed on other origins', async ({ page }) => {
    const dialogs = watchDialogs(page);
    const web = newsroom.webBase;
    // As an embedder does: the oEmbed HTML pasted into the page's own source, beside a rail fed by the widget JSON.
    const pasted: string[] = [];
    for (const slug of slugs) {
      const response = await fetch(`${web}/oembed?url=${encodeURIComponent(`${web}/news/${slug}`)}&format=json`);
      expect(response.status, slug).toBe(200);
      pasted.push(((await response.json()) as { html: string }).html);
    }
    const third = await thirdPartySite(
      `<!doctype html><html lang="en"><head><title>Embedder</title></head><body>` +
        `<script type="module" src="${web}/embed/v1/news-widgets.js"></script>` +
        `<news-related-headlines src="${web}/api/widgets/headlines?limit=50" limit="50" heading="Latest"></news-related-headlines>` +
        `<div id="oembed">${pasted.join('\n')}</div></body></html>`,
    );
    try {
      await page.goto(third.url);
      await expect(page.locator('news-related-headlines').locator('a').first()).toBeVisible({ timeout: 15_000 });
      await expect(page.locator('#oembed news-article-card')).toHaveCount(slugs.length);
      await expect(page.locator('#oembed news-article-card').first().locator('a[part="link"]')).toBeVisible();
      await expectNothingRan(page, 'related headlines and oEmbed HTML on a third-party page');
    } finally {
      await third.close();
    }
    await page.goto(`${web}/embed`);
    await expectNothingRan(page, '/embed');
    expect(dialogs).toEqual([]);
  });
});

async function thirdPartySite(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // localhost, not 127.0.0.1: another origin than the site's.
  const url = `http://localhost:${(server.address() as AddressInfo).port}/`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
