// Freshness: every reader-visible change in the CMS — publish, edit, unpublish, delete, a scheduled publish run by
// Payload's jobs queue — reaches the article URL, the front page and the "Latest Headlines" rail within a second,
// through the CMS's revalidation outbox calling POST /api/revalidate. Article pages load their rail from the widget
// JSON once they are on screen (docs/adr/0014), so the rail is checked there. A draft saved over a live story changes nothing. With the CMS
// stopped, cached pages keep answering 200 and an uncached page answers a clear 503.
import { expect, test } from '@playwright/test';

import { runCommand } from '../support/processes';
import { type ArticleDoc, CmsApi, fetchText, labelled, lexicalBody, LIVE_WITHIN_MS, type Newsroom, SEED_SLUG, startNewsroom, timeUntil } from '../support/newsroom';

const SECOND = 1000;

test.describe.serial('publishing reaches readers within a second', () => {
  let newsroom: Newsroom;
  let api: CmsApi;
  const web = () => newsroom.webBase;
  const has = (path: string, text: string) =>
    labelled(`${path} showing "${text}"`, async () => {
      const page = await fetchText(`${web()}${path}`);
      return page.status === 200 && page.text.includes(text);
    });
  const lacks = (path: string, text: string) => labelled(`${path} without "${text}"`, async () => !(await fetchText(`${web()}${path}`)).text.includes(text));
  const status = (path: string, code: number) => labelled(`${path} answering ${code}`, async () => (await fetchText(`${web()}${path}`)).status === code);
  /** The widget JSON an article page's rail refreshes itself from (lib/page-data.ts `railSource`). */
  const rail = (slug: string) => `/api/widgets/headlines?limit=8&exclude=${slug}`;
  /** Caches the pages a change must reach, so that the test measures revalidation rather than a first render. */
  const warm = async (...paths: string[]) => {
    for (const path of paths) await fetch(`${web()}${path}`);
  };

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    newsroom = await startNewsroom();
    api = await CmsApi.as(newsroom.cmsBase);
  });
  test.afterAll(async () => newsroom?.stop());

  let story: ArticleDoc;

  test('publishing a draft shows it at its URL, on the front page and in the rail within 1 s', async () => {
    story = await api.createArticle(
      { headline: 'Ferry fares frozen for the summer', body: lexicalBody(['The ferry company froze fares.', 'More.']), section: 1 },
      { draft: true },
    );
    await warm(`/news/${story.slug}`, '/', `/news/${SEED_SLUG}`, rail(SEED_SLUG), '/section/world', '/feed.xml');
    expect((await fetchText(`${web()}/news/${story.slug}`)).status).toBe(404);

    const started = performance.now();
    await api.updateArticle(story.id, { _status: 'published' });
    const checks = await Promise.all([
      timeUntil(has(`/news/${story.slug}`, '<h1>Ferry fares frozen for the summer</h1>')),
      timeUntil(has('/', 'headline="Ferry fares frozen for the summer"')),
      timeUntil(has(rail(SEED_SLUG), `/news/${story.slug}"`)),
      timeUntil(has('/section/world', 'Ferry fares frozen for the summer')),
      timeUntil(has('/feed.xml', 'Ferry fares frozen for the summer')),
    ]);
    const elapsed = performance.now() - started;
    expect(Math.max(...checks), `article, front, rail, section, feed: ${checks.map(Math.round).join(', ')} ms`).toBeLessThanOrEqual(LIVE_WITHIN_MS);
    expect(elapsed).toBeLessThan(5 * SECOND);
  });

  test('editing a live story updates every page that shows it within 1 s', async () => {
    await warm(`/news/${story.slug}`, '/', rail(SEED_SLUG));
    await api.updateArticle(story.id, { headline: 'Ferry fares frozen until September' });
    const checks = await Promise.all([
      timeUntil(has(`/news/${story.slug}`, '<h1>Ferry fares frozen until September</h1>')),
      timeUntil(has('/', 'headline="Ferry fares frozen until September"')),
      timeUntil(has(rail(SEED_SLUG), 'Ferry fares frozen until September')),
      timeUntil(has(`/api/widgets/articles/${story.slug}`, 'Ferry fares frozen until September')),
    ]);
    expect(Math.max(...checks)).toBeLessThanOrEqual(LIVE_WITHIN_MS);
  });

  test('a draft saved over a live story (autosave) leaves what readers see alone', async () => {
    await api.updateArticle(story.id, { headline: 'DRAFT ONLY headline', _status: 'draft' }, { draft: true });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await fetchText(`${web()}/news/${story.slug}`)).text).toContain('<h1>Ferry fares frozen until September</h1>');
    expect((await fetchText(`${web()}/`)).text).not.toContain('DRAFT ONLY');
  });

  test('unpublishing takes a story off its URL, the front page, the rail and the feed within 1 s', async () => {
    await api.updateArticle(story.id, { headline: 'Ferry fares frozen until September', _status: 'published' });
    await timeUntil(has('/', 'Ferry fares frozen until September'));
    await warm(`/news/${story.slug}`, '/', rail(SEED_SLUG), '/feed.xml');
    await api.updateArticle(story.id, { _status: 'draft' });
    const checks = await Promise.all([
      timeUntil(status(`/news/${story.slug}`, 404)),
      timeUntil(lacks('/', 'Ferry fares frozen')),
      timeUntil(lacks(rail(SEED_SLUG), `/news/${story.slug}"`)),
      timeUntil(lacks('/feed.xml', 'Ferry fares frozen')),
      timeUntil(status(`/api/widgets/articles/${story.slug}`, 404)),
    ]);
    expect(Math.max(...checks)).toBeLessThanOrEqual(LIVE_WITHIN_MS);
  });

  test('a story published and unpublished straight away ends up down (no stale re-render wins)', async () => {
    const flip = await api.createArticle({ headline: 'Harbour crane toppled in storm', body: lexicalBody(['A crane fell.', 'More.']) }, { draft: true });
    await warm(`/news/${flip.slug}`, '/', rail(SEED_SLUG));
    await api.updateArticle(flip.id, { _status: 'published' });
    await api.updateArticle(flip.id, { _status: 'draft' });
    const checks = await Promise.all([timeUntil(status(`/news/${flip.slug}`, 404)), timeUntil(lacks('/', 'Harbour crane toppled'))]);
    expect(Math.max(...checks)).toBeLessThanOrEqual(2 * SECOND);
    // And it stays down once every re-render has finished.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await fetchText(`${web()}/news/${flip.slug}`)).status).toBe(404);
    expect((await fetchText(`${web()}/`)).text).not.toContain('Harbour crane toppled');
    expect((await fetchText(`${web()}${rail(SEED_SLUG)}`)).text).not.toContain('Harbour crane toppled');
  });

  test('deleting a story takes it down within 1 s', async () => {
    const doomed = await api.createArticle({ headline: 'Pier closes for repairs', body: lexicalBody(['The pier is closed.', 'More.']) });
    await timeUntil(has('/', 'Pier closes for repairs'));
    await warm(`/news/${doomed.slug}`, '/', rail(SEED_SLUG));
    await api.deleteArticle(doomed.id);
    const checks = await Promise.all([
      timeUntil(status(`/news/${doomed.slug}`, 404)),
      timeUntil(lacks('/', 'Pier closes for repairs')),
      timeUntil(lacks(rail(SEED_SLUG), 'Pier closes for repairs')),
    ]);
    expect(Math.max(...checks)).toBeLessThanOrEqual(LIVE_WITHIN_MS);
  });

  test('a publish scheduled through Payload’s jobs queue reaches readers when the job runs', async () => {
    test.setTimeout(120_000);
    const scheduled = await api.createArticle({ headline: 'Lighthouse reopens to visitors', body: lexicalBody(['It reopens.', 'More.']) }, { draft: true });
    await warm(`/news/${scheduled.slug}`, '/');
    const run = await runCommand('npx', ['tsx', 'tests/support/run-scheduled-publish.ts', String(scheduled.id), '1500'], {
      ...newsroom.env,
      NODE_OPTIONS: '--conditions=production',
    });
    expect(run.code, run.stderr).toBe(0);
    const { dueAt, ranAt } = JSON.parse(run.stdout.trim().split('\n').pop()!) as { dueAt: number; ranAt: number };
    expect(ranAt).toBeGreaterThanOrEqual(dueAt);
    // The job process waited for its revalidation before exiting: the site already shows the story.
    expect((await fetchText(`${web()}/news/${scheduled.slug}`)).text).toContain('<h1>Lighthouse reopens to visitors</h1>');
    expect((await fetchText(`${web()}/`)).text).toContain('headline="Lighthouse reopens to visitors"');
  });

  test('the revalidation endpoint refuses a wrong secret and a bad body', async () => {
    const post = (headers: Record<string, string>, body: unknown) =>
      fetch(`${web()}/api/revalidate`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect((await post({}, { tags: ['articles'] })).status).toBe(401);
    expect((await post({ 'x-revalidate-secret': 'wrong' }, { tags: ['articles'] })).status).toBe(401);
    expect((await post({ 'x-revalidate-secret': newsroom.env.REVALIDATE_SECRET! }, { tags: ['../../etc'] })).status).toBe(400);
    const ok = await post({ 'x-revalidate-secret': newsroom.env.REVALIDATE_SECRET! }, { tags: ['article:no-such-story'] });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ revalidated: true, tags: ['article:no-such-story'] });
    expect((await fetch(`${web()}/api/regenerate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"paths":["/"]}' })).status).toBe(401);
  });

  test('with the CMS stopped, cached pages still answer 200 and an uncached page a clear 503', async () => {
    const cached = [`/news/${SEED_SLUG}`, '/', '/section/world', '/api/widgets/headlines?limit=5', '/feed.xml'];
    await warm(...cached);
    await newsroom.stopCms();
    for (const path of cached) expect((await fetchText(`${web()}${path}`)).status, path).toBe(200);
    expect((await fetchText(`${web()}/news/${SEED_SLUG}`)).text).toContain('<h1>Beijing: Inter-Korea liaison office a sign of progress</h1>');

    const uncached = await fetchText(`${web()}/author/tomas-okafor`);
    expect(uncached.status).toBe(503);
    expect(uncached.headers.get('retry-after')).toBe('30');
    expect(uncached.headers.get('cache-control')).toBe('no-store');
    expect(uncached.text).toContain('This page is temporarily unavailable');
    const json = await fetchText(`${web()}/api/widgets/articles/never-cached-story`);
    expect(json.status).toBe(503);
  });
});
