import { describe, expect, it } from 'vitest';

import { FRONT_PATH, pagesForTags } from './cache-tags';
import { oneAtATime, regeneratePlan, Sweep } from './regenerate';

/** An archive of `n` live stories (ids n … 1, story-0 the highest), listed by key as the CMS lists them. */
function archive(n: number) {
  const slugs = Array.from({ length: n }, (_, i) => `story-${i}`);
  const calls = { pages: 0, beforeIds: [] as (number | undefined)[] };
  const articleSlugs = async (beforeId: number | undefined, limit: number) => {
    calls.pages++;
    calls.beforeIds.push(beforeId);
    // Story i has id n - i; the next batch starts below the id the last one ended on.
    const start = beforeId === undefined ? 0 : n - beforeId + 1;
    const part = slugs.slice(start, start + limit);
    if (part.length === 0) return undefined;
    return { slugs: part, lastId: n - (start + part.length - 1), full: part.length === limit };
  };
  return { slugs, calls, articleSlugs };
}

/** A sweep whose waits are recorded instead of slept, with a render that records paths. */
function testSweep(options: { articles?: number; listings?: string[]; pagesPerSecond?: number } = {}) {
  const { articleSlugs, calls } = archive(options.articles ?? 0);
  const waits: number[] = [];
  const turns = {};
  const sweep = new Sweep({
    serial: (work) => oneAtATime(work, turns),
    articleSlugs,
    listingPaths: async () => options.listings ?? [],
    pagesPerSecond: options.pagesPerSecond ?? 1000,
    sleep: async (ms) => void waits.push(ms),
    warn: () => undefined,
  });
  return { sweep, waits, calls };
}

describe('regeneratePlan', () => {
  it('re-renders a publish’s own pages before answering — the same few pages whatever the size of the archive', async () => {
    for (const size of [30, 3000]) {
      const { sweep, calls } = testSweep({ articles: size });
      const rendered: string[] = [];
      const report = await regeneratePlan(pagesForTags(['articles', 'article:story-7', 'section:world', 'author:x']), async (path) => void rendered.push(path), { sweep });
      expect(rendered).toEqual(['/news/story-7', FRONT_PATH, '/section/world', '/author/x']);
      expect(report).toEqual({ regenerated: rendered, failed: [], queued: false });
      await sweep.idle();
      expect(sweep.rendered).toBe(0);
      expect(calls.pages).toBe(0);
    }
  });

  it('answers after the first pages of a very long plan and leaves the rest to the background sweep', async () => {
    const { sweep } = testSweep();
    const rendered: string[] = [];
    const tags = ['articles', ...Array.from({ length: 200 }, (_, i) => `article:story-${i}`)];
    const report = await regeneratePlan(pagesForTags(tags), async (path) => void rendered.push(path), { sweep, hot: 10 });
    expect(report.regenerated).toHaveLength(11);
    expect(report.regenerated).toContain(FRONT_PATH);
    expect(report.queued).toBe(true);
    await sweep.idle();
    expect(rendered).toHaveLength(201);
    expect(new Set(rendered).size).toBe(201);
  });

  it('answers an ad-slot change at once and re-renders every cached article page in the background', async () => {
    const { sweep, calls } = testSweep({ articles: 230 });
    const rendered: string[] = [];
    const report = await regeneratePlan(pagesForTags(['ad-slots']), async (path) => void rendered.push(path), { sweep });
    expect(report).toEqual({ regenerated: [], failed: [], queued: true });
    expect(rendered).toEqual([]);
    await sweep.idle();
    expect(rendered).toHaveLength(230);
    expect(new Set(rendered).size).toBe(230);
    // Listed by key: each request starts below the last id the one before ended on (ids 230 … 1), never at an offset.
    expect(calls.beforeIds).toEqual([undefined, 131, 31]);
  });

  it('reports pages that failed without stopping the others', async () => {
    const report = await regeneratePlan({ paths: ['/news/a', '/news/b'], allArticles: false, allListings: false }, async (path) => {
      if (path === '/news/a') throw new Error('Invalid response 503');
    });
    expect(report).toEqual({ regenerated: ['/news/b'], failed: [{ path: '/news/a', error: 'Invalid response 503' }], queued: false });
  });

  it('re-renders the front page now and every listing in the background when the navigation changed', async () => {
    const { sweep } = testSweep({ listings: ['/section/world', '/author/x'] });
    const rendered: string[] = [];
    await regeneratePlan(pagesForTags(['sections']), async (path) => void rendered.push(path), { sweep });
    expect(rendered).toEqual([FRONT_PATH]);
    await sweep.idle();
    expect(rendered).toEqual([FRONT_PATH, '/section/world', '/author/x']);
  });
});

describe('Sweep', () => {
  /** A render that holds each page until the test lets it go. */
  function heldRender() {
    const started: string[] = [];
    const waiting: (() => void)[] = [];
    const render = (path: string) =>
      new Promise<void>((resolve) => {
        started.push(path);
        waiting.push(resolve);
      });
    const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
    /** Lets the page in progress finish (waiting for one to start). */
    const releaseOne = async () => {
      while (waiting.length === 0) await tick();
      waiting.shift()!();
      await tick();
    };
    /** Lets the page in progress finish, if there is one. */
    const releaseAny = async () => {
      waiting.shift()?.();
      await tick();
    };
    return { started, render, releaseOne, releaseAny };
  }

  it('runs one sweep at a time and merges requests that arrive meanwhile: waiting pages once, finished pages again', async () => {
    const { sweep } = testSweep({ articles: 10 });
    const { started, render, releaseOne, releaseAny } = heldRender();
    sweep.request({ articles: true }, render);
    for (let i = 0; i < 4; i++) await releaseOne();
    expect(started).toEqual(['/news/story-0', '/news/story-1', '/news/story-2', '/news/story-3', '/news/story-4']);

    // Three more changes to every article page while story-4 renders: merged into one more pass over what was done.
    sweep.request({ articles: true }, render);
    sweep.request({ articles: true }, render);
    sweep.request({ articles: true, paths: ['/news/story-8'] }, render);
    let finished = false;
    void sweep.idle().then(() => (finished = true));
    while (!finished) await releaseAny();
    expect(started.slice(5, 10)).toEqual(['/news/story-5', '/news/story-6', '/news/story-7', '/news/story-8', '/news/story-9']);
    // The second pass: the pages rendered before the newer changes arrived (story-4 was in flight), once each.
    expect(started.slice(10).sort()).toEqual(['/news/story-0', '/news/story-1', '/news/story-2', '/news/story-3', '/news/story-4']);
    expect(started).toHaveLength(15);
  });

  it('keeps to its rate: a pause between pages so that at most N pages a second are re-rendered', async () => {
    const { sweep, waits } = testSweep({ articles: 5, pagesPerSecond: 4 });
    sweep.request({ articles: true }, async () => undefined);
    await sweep.idle();
    expect(waits).toHaveLength(4);
    for (const wait of waits) expect(wait).toBeGreaterThan(200);
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(250);
  });

  it('never holds up the request that asked for it', async () => {
    const { sweep } = testSweep({ articles: 1000 });
    const { started, render } = heldRender();
    const report = await regeneratePlan(pagesForTags(['ad-slots']), render, { sweep });
    expect(report).toEqual({ regenerated: [], failed: [], queued: true });
    // The sweep goes on (its first page is held forever here) after the answer.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sweep.active).toBe(true);
    expect(started).toEqual(['/news/story-0']);
    expect(sweep.pending).toBe(999);
  });

  it('carries on past a page that fails', async () => {
    const { sweep } = testSweep({ articles: 3 });
    const rendered: string[] = [];
    sweep.request({ articles: true }, async (path) => {
      if (path === '/news/story-1') throw new Error('Invalid response 500');
      rendered.push(path);
    });
    await sweep.idle();
    expect(rendered).toEqual(['/news/story-0', '/news/story-2']);
  });
});

describe('oneAtATime', () => {
  it('starts each piece of work only after the previous one has finished, even when one fails', async () => {
    const holder = {};
    const events: string[] = [];
    const job = (name: string, ms: number, fail = false) => async () => {
      events.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      events.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([oneAtATime(job('a', 30), holder), oneAtATime(job('b', 5, true), holder), oneAtATime(job('c', 1), holder)]);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
