// Corrections, kills and embargoes as readers meet them, against the real CMS and site: a correction added to a live
// story is on its page within a second, with its time, and in its JSON-LD, feed item and News sitemap entry; a killed
// story's URL answers 410 Gone within a second and the story leaves the front page, its section, the feed, the
// sitemaps, the widget JSON and oEmbed; an embargo set on a live story takes it down within a second, and a story
// embargoed for a minute is nowhere until then and on its URL, the front page and the feed within a minute after.
// The CMS runs its jobs here (the embargo lifts through one).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';

import { type ArticleDoc, CmsApi, fetchText, labelled, lexicalBody, LIVE_WITHIN_MS, type Newsroom, startNewsroom, timeUntil } from '../support/newsroom';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

type Correction = { kind: 'correction' | 'update' | 'clarification'; text: string; at?: string; id?: string };
type StoryDoc = ArticleDoc & { corrections?: Correction[] | null };

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'item'].includes(name) });

/** The NewsArticle JSON-LD of an article page. */
function jsonLdOf(html: string): { correction?: { '@type': string; text: string; datePublished: string }[]; dateModified?: string } {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no JSON-LD on the page');
  return JSON.parse(match[1]!);
}

test.describe.serial('corrections, kills and embargoes', () => {
  let newsroom: Newsroom;
  let api: CmsApi;
  let sectionId: number;
  const web = () => newsroom.webBase;
  const month = () => new Date().toISOString().slice(0, 7);
  const has = (path: string, text: string) =>
    labelled(`${path} showing "${text}"`, async () => {
      const page = await fetchText(`${web()}${path}`);
      return page.status === 200 && page.text.includes(text);
    });
  const lacks = (path: string, text: string) =>
    labelled(`${path} without "${text}"`, async () => {
      const page = await fetchText(`${web()}${path}`);
      return page.status === 200 && !page.text.includes(text);
    });
  const status = (path: string, code: number) => labelled(`${path} answering ${code}`, async () => (await fetchText(`${web()}${path}`)).status === code);
  const oembed = (slug: string) => `/oembed?url=${encodeURIComponent(`${web()}/news/${slug}`)}&format=json`;
  /** Every listing, feed, sitemap and JSON a live story shows on, besides its own URL. */
  const surfaces = () => ['/', '/section/harbour', '/feed.xml', '/news-sitemap.xml', `/sitemaps/articles-${month()}.xml`, '/api/widgets/headlines?limit=50'];
  /** Caches the pages a change must reach, so that the test measures revalidation rather than a first render. */
  const warm = async (...paths: string[]) => {
    for (const path of paths) await fetch(`${web()}${path}`);
  };
  const publish = (headline: string, extra: Record<string, unknown> = {}) =>
    api.createArticle({ headline, body: lexicalBody([`${headline}: the first paragraph.`, 'The second paragraph.']), section: sectionId, ...extra });

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    newsroom = await startNewsroom({ cmsEnv: { CMS_RUN_JOBS: 'true' } });
    api = await CmsApi.as(newsroom.cmsBase);
    const section = await api.request<{ doc: { id: number; slug: string } }>('POST', '/api/sections', { name: 'Harbour' });
    expect(section.doc.slug).toBe('harbour');
    sectionId = section.doc.id;
  });
  test.afterAll(async () => newsroom?.stop());

  let corrected: ArticleDoc;
  let correction: Correction;
  const CORRECTION = 'An earlier version misnamed the <b>harbour</b> master & her deputy.';

  test('a correction added to a live story is on its page within 1 s, with its time, and in its JSON-LD', async () => {
    corrected = await publish('Harbour master names new deputy');
    await timeUntil(has(`/news/${corrected.slug}`, '<h1>Harbour master names new deputy</h1>'));
    await warm(`/news/${corrected.slug}`, '/feed.xml', '/news-sitemap.xml');

    const started = performance.now();
    const saved = await api.request<{ doc: StoryDoc }>('PATCH', `/api/articles/${corrected.id}?depth=0`, { corrections: [{ kind: 'correction', text: CORRECTION }] });
    const elapsed = await timeUntil(has(`/news/${corrected.slug}`, 'An earlier version misnamed the'));
    expect(elapsed, 'correction on the page').toBeLessThanOrEqual(LIVE_WITHIN_MS);
    expect(performance.now() - started).toBeLessThan(5 * SECOND);

    // The CMS stamped the time; the page shows that time.
    correction = saved.doc.corrections![0]!;
    expect(correction.at, 'the CMS stamps the correction').toBeTruthy();
    const at = new Date(correction.at!).toISOString();
    const { text: html } = await fetchText(`${web()}/news/${corrected.slug}`);
    expect(html).toContain('Corrections and updates');
    expect(html).toContain(`<time datetime="${at}">`);
    // The note is text: its markup shows, it is not markup.
    expect(html).not.toContain('<b>harbour</b>');
    expect(html).toContain('&lt;b&gt;harbour&lt;/b&gt; master &amp; her deputy.');

    const ld = jsonLdOf(html);
    expect(ld.correction).toEqual([expect.objectContaining({ '@type': 'CorrectionComment', text: CORRECTION, datePublished: at })]);
    expect(Date.parse(ld.dateModified!)).toBeGreaterThanOrEqual(Date.parse(at));
  });

  test('the feed item leads with the correction and says when the story changed; the News sitemap dates it', async () => {
    const at = new Date(correction.at!).toISOString();
    await timeUntil(has('/feed.xml', 'An earlier version misnamed the'));
    const rss = parser.parse((await fetchText(`${web()}/feed.xml`)).text);
    const item = (rss.rss.channel.item as { link: string; description: string; 'atom:updated'?: string }[]).find((i) => i.link === `${web()}/news/${corrected.slug}`)!;
    expect(item.description.startsWith('Correction (')).toBe(true);
    expect(item.description).toContain(CORRECTION);
    expect(Date.parse(item['atom:updated']!)).toBeGreaterThanOrEqual(Date.parse(at));

    await timeUntil(
      labelled('News sitemap lastmod at the correction', async () => {
        const map = parser.parse((await fetchText(`${web()}/news-sitemap.xml`)).text);
        const url = ((map.urlset.url ?? []) as { loc: string; lastmod?: string }[]).find((u) => u.loc === `${web()}/news/${corrected.slug}`);
        return Boolean(url?.lastmod && Date.parse(url.lastmod) >= Date.parse(at));
      }),
    );
  });

  test('an article page with a corrections notice passes axe', async ({ page }) => {
    await page.goto(`${web()}/news/${corrected.slug}`, { waitUntil: 'networkidle' });
    await expect(page.getByRole('complementary', { name: 'Corrections and updates' })).toContainText(CORRECTION);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  let killed: ArticleDoc;

  test('a killed story’s URL answers 410 within 1 s, and the story leaves every listing, feed, sitemap, widget and oEmbed', async () => {
    killed = await publish('Pier lease deal signed in secret');
    await timeUntil(has(`/news/${killed.slug}`, '<h1>Pier lease deal signed in secret</h1>'));
    for (const path of surfaces()) await timeUntil(has(path, killed.slug));
    await warm(`/news/${killed.slug}`, `/api/widgets/articles/${killed.slug}`, oembed(killed.slug), ...surfaces());

    const started = performance.now();
    await api.request('POST', `/api/articles/${killed.id}/kill`, { reason: 'Legal complaint about the sourcing' });
    const checks = await Promise.all([
      timeUntil(status(`/news/${killed.slug}`, 410)),
      timeUntil(status(`/api/widgets/articles/${killed.slug}`, 404)),
      timeUntil(status(oembed(killed.slug), 404)),
      ...surfaces().map((path) => timeUntil(lacks(path, killed.slug))),
    ]);
    expect(Math.max(...checks), `URL, widget, oEmbed, ${surfaces().join(', ')}: ${checks.map(Math.round).join(', ')} ms`).toBeLessThanOrEqual(LIVE_WITHIN_MS);
    expect(performance.now() - started).toBeLessThan(5 * SECOND);

    // And it stays gone once every re-render has finished.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await fetchText(`${web()}/news/${killed.slug}`)).status).toBe(410);
    for (const path of surfaces()) expect((await fetchText(`${web()}${path}`)).text, path).not.toContain(killed.slug);
  });

  test('the 410 answer is a short notice with a short cache life and nothing of the story, and passes axe', async ({ page }) => {
    const { status: code, text, headers } = await fetchText(`${web()}/news/${killed.slug}`);
    expect(code).toBe(410);
    expect(headers.get('content-type')).toContain('text/html');
    expect(headers.get('cache-control')).toContain('s-maxage=60');
    expect(text).toContain('This story has been removed');
    for (const leaked of ['Pier lease deal', 'the first paragraph', 'Legal complaint']) expect(text).not.toContain(leaked);
    expect((await fetch(`${web()}/news/${killed.slug}`, { method: 'HEAD' })).status).toBe(410);

    const response = await page.goto(`${web()}/news/${killed.slug}`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(410);
    await expect(page.locator('h1')).toHaveText('This story has been removed');
    await expect(page.getByRole('link', { name: 'Go to the front page' })).toHaveAttribute('href', '/');
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // A story that was never killed is still a plain 404.
    expect((await fetchText(`${web()}/news/no-such-story-ever`)).status).toBe(404);
  });

  test('an embargo set on a live story takes it off its URL and the front page within 1 s', async () => {
    const story = await publish('Ferry timetable leaked early');
    await timeUntil(has(`/news/${story.slug}`, '<h1>Ferry timetable leaked early</h1>'));
    await timeUntil(has('/', story.slug));
    await warm(`/news/${story.slug}`, '/', '/feed.xml');
    await api.updateArticle(story.id, { embargoedUntil: new Date(Date.now() + 60 * MINUTE).toISOString() });
    const checks = await Promise.all([
      timeUntil(status(`/news/${story.slug}`, 404)),
      timeUntil(lacks('/', story.slug)),
      timeUntil(lacks('/feed.xml', story.slug)),
    ]);
    expect(Math.max(...checks), `URL, front, feed: ${checks.map(Math.round).join(', ')} ms`).toBeLessThanOrEqual(LIVE_WITHIN_MS);
  });

  test('a story embargoed for a minute is nowhere until then, and on its URL, the front page and the feed within a minute after', async () => {
    test.setTimeout(5 * MINUTE);
    const liftAt = Date.now() + MINUTE;
    const story = await publish('Lighthouse sale agreed', { embargoedUntil: new Date(liftAt).toISOString() });

    // Before the embargo lifts: nowhere a reader or a machine can look.
    expect((await fetchText(`${web()}/news/${story.slug}`)).status).toBe(404);
    expect((await fetchText(`${web()}/api/widgets/articles/${story.slug}`)).status).toBe(404);
    expect((await fetchText(`${web()}${oembed(story.slug)}`)).status).toBe(404);
    for (const path of surfaces()) {
      const { status: code, text } = await fetchText(`${web()}${path}`);
      expect(code, path).toBe(200);
      expect(text, path).not.toContain(story.slug);
      expect(text, path).not.toContain('Lighthouse sale agreed');
    }
    // Still hidden shortly before it lifts (and those answers are now what the caches hold).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, liftAt - Date.now() - 5 * SECOND)));
    expect((await fetchText(`${web()}/news/${story.slug}`)).status).toBe(404);
    expect((await fetchText(`${web()}/`)).text).not.toContain(story.slug);

    // After: on its URL, the front page and the feed within a minute of the embargo's time. The CMS's jobs run on each
    // minute's tick, so the bound is that minute plus the job's own run and its revalidation reaching the site.
    const deadline = liftAt + MINUTE + 5 * SECOND;
    const timeLeft = () => Math.max(1, deadline - Date.now());
    await Promise.all([
      timeUntil(has(`/news/${story.slug}`, '<h1>Lighthouse sale agreed</h1>'), timeLeft(), 250),
      timeUntil(has('/', 'headline="Lighthouse sale agreed"'), timeLeft(), 250),
      timeUntil(has('/feed.xml', 'Lighthouse sale agreed'), timeLeft(), 250),
    ]);
    expect(Date.now() - liftAt, 'ms after the embargo lifted').toBeLessThanOrEqual(MINUTE + 5 * SECOND);
    // Not before its time, either.
    expect(Date.now()).toBeGreaterThanOrEqual(liftAt);
  });
});
