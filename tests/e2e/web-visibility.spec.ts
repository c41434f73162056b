// What readers and machines may see: drafts and stories scheduled for later appear nowhere (pages, widget JSON, feeds,
// sitemaps, oEmbed); a story with markup and `javascript:` in every field runs nothing; and the feeds, sitemaps,
// robots.txt, widget JSON, embed script and oEmbed answer as their contracts say.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';

import { repoRoot } from '../support/processes';
import { expectNothingRan } from '../support/xss';
import { CmsApi, fetchText, lexicalBody, type Newsroom, SEED_HEADLINE, SEED_SLUG, startNewsroom } from '../support/newsroom';

const PWN = 'window.__pwned=1';
/** Markup and script in one string: it must show as text everywhere. */
const EVIL = `<img src=x onerror="${PWN}"><script>${PWN}</script>"'`;

test.describe.serial('visibility, hostile content, feeds and embeds', () => {
  let newsroom: Newsroom;
  let api: CmsApi;
  let draftSlug: string;
  let futureSlug: string;
  let hostileSlug: string;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    newsroom = await startNewsroom();
    api = await CmsApi.as(newsroom.cmsBase);
    const draft = await api.createArticle({ headline: 'Unseen draft about harbour tolls', body: lexicalBody(['Draft text.']) }, { draft: true });
    const future = await api.createArticle({
      headline: 'Unseen embargoed story about tides',
      body: lexicalBody(['Embargoed text.']),
      publishedAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
    draftSlug = draft.slug;
    futureSlug = future.slug;
    await api.request('POST', '/api/headlines', { title: 'Curated link to the unseen draft', article: draft.id });

    const section = await api.request<{ doc: { id: number } }>('POST', '/api/sections', { name: `S ${EVIL}` });
    const author = await api.request<{ doc: { id: number } }>('POST', '/api/authors', { name: `Author ${EVIL}`, bio: EVIL });
    const hostile = await api.createArticle({
      headline: `Hostile ${EVIL}`,
      dek: EVIL,
      authors: [author.doc.id],
      section: section.doc.id,
      tags: [EVIL],
      dateline: { place: EVIL, month: 9, day: 17, agency: EVIL },
      hero: { alt: EVIL, caption: EVIL, credit: EVIL, creator: EVIL, copyright: EVIL, licenseOffered: true },
      seo: { title: `SEO ${EVIL}`.slice(0, 70), description: EVIL },
      body: {
        root: {
          ...lexicalBody([EVIL]).root,
          children: [
            ...lexicalBody([EVIL, 'Second paragraph.']).root.children,
            {
              type: 'paragraph',
              version: 1,
              direction: 'ltr',
              format: '',
              indent: 0,
              textFormat: 0,
              textStyle: '',
              children: [
                {
                  type: 'link',
                  version: 3,
                  direction: 'ltr',
                  format: '',
                  indent: 0,
                  // The CMS refuses javascript: URLs (cms-hostile-draft.spec.ts); this one it accepts, markup and all.
                  fields: { url: `#"onclick="${PWN}"><script>${PWN}</script>`, linkType: 'custom', newTab: false },
                  children: [{ type: 'text', text: 'a link with markup in its URL', format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
                },
              ],
            },
          ],
        },
      },
    });
    hostileSlug = hostile.slug;
    await api.request('POST', '/api/headlines', { title: `Curated ${EVIL}`, article: hostile.id });
  });
  test.afterAll(async () => newsroom?.stop());

  test('drafts and stories scheduled for later are 404 and appear on no page, JSON, feed, sitemap or oEmbed', async () => {
    const web = newsroom.webBase;
    for (const slug of [draftSlug, futureSlug]) {
      expect((await fetchText(`${web}/news/${slug}`)).status, slug).toBe(404);
      expect((await fetchText(`${web}/api/widgets/articles/${slug}`)).status, slug).toBe(404);
      expect((await fetchText(`${web}/oembed?url=${encodeURIComponent(`${web}/news/${slug}`)}&format=json`)).status, slug).toBe(404);
    }
    const everywhere = ['/', '/section/world', '/author/elizabeth-shim', `/news/${SEED_SLUG}`, '/api/widgets/headlines?limit=50', '/feed.xml', '/sitemap.xml', '/news-sitemap.xml'];
    for (const path of everywhere) {
      const { status, text } = await fetchText(`${web}${path}`);
      expect(status, path).toBe(200);
      for (const hidden of ['Unseen draft', 'Unseen embargoed', 'unseen draft', draftSlug, futureSlug]) expect(text, `${path} shows "${hidden}"`).not.toContain(hidden);
    }
  });

  test('a story with markup and javascript: in every field executes nothing, on every page that shows it', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const paths = [`/news/${hostileSlug}`, '/', `/author/${(await authorSlug(newsroom))}`, `/section/${await sectionSlug(newsroom)}`, `/news/${SEED_SLUG}`];
    for (const path of paths) {
      expect((await page.goto(`${newsroom.webBase}${path}`, { waitUntil: 'networkidle' }))?.status(), path).toBe(200);
      await expectNothingRan(page, path);
    }
    // It is all there, as text.
    await page.goto(`${newsroom.webBase}/news/${hostileSlug}`);
    await expect(page.locator('h1')).toHaveText(`Hostile ${EVIL}`);
    await expect(page.locator('.body > p').first()).toHaveText(EVIL);
    await expect(page.locator('news-photo-caption [part="credit"]')).toHaveText(EVIL);
    await expect(page.getByText('a link with markup in its URL')).toBeVisible();
    await page.getByText('a link with markup in its URL').click();
    await expectNothingRan(page, 'after clicking the link');
    expect(dialogs).toEqual([]);
  });

  test('hostile text stays text in JSON, feeds and oEmbed', async ({ page }) => {
    const web = newsroom.webBase;
    const article = (await (await fetch(`${web}/api/widgets/articles/${hostileSlug}`)).json()) as { article: { headline: string; dek: string } };
    expect(article.article.headline).toBe(`Hostile ${EVIL}`);
    expect(article.article.dek).toBe(EVIL);
    const rss = await (await fetch(`${web}/feed.xml`)).text();
    expect(XMLValidator.validate(rss)).toBe(true);
    expect(rss).not.toContain('<script>');
    const feed = await new Parser().parseString(rss);
    expect(feed.items.map((item) => item.title)).toContain(`Hostile ${EVIL}`);

    const oembed = (await (await fetch(`${web}/oembed?url=${encodeURIComponent(`${web}/news/${hostileSlug}`)}&format=json`)).json()) as { html: string; title: string };
    expect(oembed.title).toBe(`Hostile ${EVIL}`);
    // Embedded as an embedder would: only our one module script runs.
    await page.goto(`${web}/licensing`);
    await page.setContent(`<!doctype html><html lang="en"><head><title>embedder</title></head><body>${oembed.html}</body></html>`);
    await expect(page.locator('news-article-card a[part="link"]')).toHaveText(`Hostile ${EVIL}`);
    await expectNothingRan(page, 'oEmbed html');
  });

  test('the RSS feed is RSS 2.0 that a feed reader parses, newest first', async () => {
    const response = await fetch(`${newsroom.webBase}/feed.xml`);
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('stale-while-revalidate');
    const feed = await new Parser({ customFields: { item: ['dc:creator'] } }).parseString(await response.text());
    expect(feed.title).toBe('Newsroom Daily');
    expect(feed.link).toBe(`${newsroom.webBase}/`);
    const seed = feed.items.find((item) => item.title === SEED_HEADLINE)!;
    expect(seed).toMatchObject({ link: `${newsroom.webBase}/news/${SEED_SLUG}`, guid: `${newsroom.webBase}/news/${SEED_SLUG}`, creator: 'Elizabeth Shim' });
    expect(Date.parse(seed.pubDate!)).not.toBeNaN();
    const dates = feed.items.map((item) => Date.parse(item.isoDate!));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  test('the sitemaps are valid XML: every page in the files of the index, the last two days in the Google News one', async () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    const sitemap = await (await fetch(`${newsroom.webBase}/sitemap.xml`)).text();
    expect(XMLValidator.validate(sitemap)).toBe(true);
    const files: string[] = [parser.parse(sitemap).sitemapindex.sitemap].flat().map((file: { loc: string }) => file.loc);
    const locs: string[] = [];
    for (const file of files) {
      const xml = await (await fetch(file)).text();
      expect(XMLValidator.validate(xml), file).toBe(true);
      locs.push(...[parser.parse(xml).urlset.url].flat().map((url: { loc: string }) => url.loc));
    }
    for (const path of ['/', `/news/${SEED_SLUG}`, '/section/world', '/author/elizabeth-shim']) expect(locs).toContain(`${newsroom.webBase}${path}`);
    for (const hidden of [draftSlug, futureSlug]) expect(locs.join(' ')).not.toContain(hidden);

    const news = await (await fetch(`${newsroom.webBase}/news-sitemap.xml`)).text();
    expect(XMLValidator.validate(news)).toBe(true);
    const parsed = parser.parse(news).urlset;
    expect(parsed['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const entries = [parsed.url].flat() as { loc: string; 'news:news': { 'news:title': string; 'news:publication_date': string } }[];
    const seed = entries.find((entry) => entry.loc === `${newsroom.webBase}/news/${SEED_SLUG}`)!;
    expect(seed['news:news']['news:title']).toBe(SEED_HEADLINE);
    for (const entry of entries) expect(Date.now() - Date.parse(entry['news:news']['news:publication_date'])).toBeLessThan(2 * 86_400_000);

    const robots = await (await fetch(`${newsroom.webBase}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${newsroom.webBase}/sitemap.xml`);
    expect(robots).toContain(`Sitemap: ${newsroom.webBase}/news-sitemap.xml`);
  });

  test('widget JSON: CORS for any origin, cacheable with stale-while-revalidate, limit, exclude and section', async () => {
    const web = newsroom.webBase;
    const get = async (path: string) => {
      const response = await fetch(`${web}${path}`, { headers: { Origin: 'https://elsewhere.example' } });
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(response.headers.get('cache-control'), path).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+/);
      return { status: response.status, body: (await response.json()) as { headlines?: { title: string; url: string; section?: string }[]; article?: Record<string, unknown> } };
    };
    const all = (await get('/api/widgets/headlines?limit=3')).body.headlines!;
    expect(all).toHaveLength(3);
    expect(all.every((h) => h.url.startsWith('http'))).toBe(true);
    const excluded = (await get(`/api/widgets/headlines?limit=50&exclude=${SEED_SLUG}`)).body.headlines!;
    expect(excluded.map((h) => h.url)).not.toContain(`${web}/news/${SEED_SLUG}`);
    const science = (await get('/api/widgets/headlines?section=science')).body.headlines!;
    expect(science.length).toBeGreaterThan(0);
    expect(science.every((h) => h.section === 'Science')).toBe(true);
    expect((await get('/api/widgets/headlines?section=no-such-section')).status).toBe(404);

    const { status, body } = await get(`/api/widgets/articles/${SEED_SLUG}`);
    expect(status).toBe(200);
    expect(body.article).toMatchObject({ slug: SEED_SLUG, headline: SEED_HEADLINE, url: `${web}/news/${SEED_SLUG}`, status: 'published' });
    expect((await get('/api/widgets/articles/no-such-story')).status).toBe(404);
    const preflight = await fetch(`${web}/api/widgets/headlines`, { method: 'OPTIONS', headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('the embed script is the standalone bundle, cross-origin and long-cached', async () => {
    const response = await fetch(`${newsroom.webBase}/embed/v1/news-widgets.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(86_400);
    expect(response.headers.get('cache-control')).toContain('stale-while-revalidate');
    expect(await response.text()).toBe(readFileSync(path.join(repoRoot, 'packages/components/dist/news-widgets.js'), 'utf8'));
  });

  test('oEmbed answers rich JSON for our articles only', async () => {
    const web = newsroom.webBase;
    const url = `${web}/news/${SEED_SLUG}`;
    const response = await fetch(`${web}/oembed?url=${encodeURIComponent(url)}&format=json&maxwidth=400`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const oembed = (await response.json()) as Record<string, unknown>;
    expect(oembed).toMatchObject({ version: '1.0', type: 'rich', title: SEED_HEADLINE, provider_name: 'Newsroom Daily', width: 400, author_name: 'Elizabeth Shim' });
    expect(oembed.html).toContain(`<script type="module" src="${web}/embed/v1/news-widgets.js"></script><news-article-card headline="${SEED_HEADLINE}" href="${url}"`);
    expect((await fetch(`${web}/oembed?url=${encodeURIComponent(url)}&format=xml`)).status).toBe(501);
    expect((await fetch(`${web}/oembed?url=${encodeURIComponent(`https://elsewhere.example/news/${SEED_SLUG}`)}`)).status).toBe(404);
    expect((await fetch(`${web}/oembed?url=${encodeURIComponent(`${web}/section/world`)}`)).status).toBe(404);
  });
});

async function authorSlug(newsroom: Newsroom): Promise<string> {
  const { docs } = (await (await fetch(`${newsroom.cmsBase}/api/authors?where[name][like]=img&limit=1`)).json()) as { docs: { slug: string }[] };
  return docs[0]!.slug;
}

async function sectionSlug(newsroom: Newsroom): Promise<string> {
  const { docs } = (await (await fetch(`${newsroom.cmsBase}/api/sections?where[name][like]=img&limit=1`)).json()) as { docs: { slug: string }[] };
  return docs[0]!.slug;
}
