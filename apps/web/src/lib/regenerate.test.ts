import { describe, expect, it } from 'vitest';

import { FRONT_PATH, pagesForTags } from './cache-tags';
import { oneAtATime, regeneratePlan } from './regenerate';

const slugs = Array.from({ length: 130 }, (_, i) => `story-${i}`);
const articleSlugs = async (page: number, limit: number) => {
  const part = slugs.slice((page - 1) * limit, page * limit);
  return part.length ? part : undefined;
};

describe('regeneratePlan', () => {
  it('re-renders the article, the front page and the newest articles before answering, the rest after', async () => {
    const calls: string[] = [];
    let later: (() => Promise<void>) | undefined;
    const report = await regeneratePlan(pagesForTags(['articles', 'article:story-7']), async (path) => void calls.push(path), {
      hot: 5,
      articleSlugs,
      background: (work) => (later = work),
    });
    expect(calls).toEqual(['/news/story-7', FRONT_PATH, '/news/story-0', '/news/story-1', '/news/story-2', '/news/story-3', '/news/story-4']);
    expect(report).toMatchObject({ failed: [], queued: true });
    await later!();
    expect(calls).toHaveLength(130 + 1);
    expect(new Set(calls).size).toBe(calls.length);
  });

  it('reports pages that failed without stopping the others', async () => {
    const report = await regeneratePlan(
      { paths: ['/news/a', '/news/b'], allArticles: false, allListings: false },
      async (path) => {
        if (path === '/news/a') throw new Error('Invalid response 503');
      },
    );
    expect(report).toEqual({ regenerated: ['/news/b'], failed: [{ path: '/news/a', error: 'Invalid response 503' }], queued: false });
  });

  it('re-renders listings in the background when the navigation changed', async () => {
    const calls: string[] = [];
    let later: (() => Promise<void>) | undefined;
    await regeneratePlan(pagesForTags(['sections']), async (path) => void calls.push(path), {
      hot: 1,
      articleSlugs: async () => undefined,
      listingPaths: async () => ['/section/world', '/author/x'],
      background: (work) => (later = work),
    });
    expect(calls).toEqual([FRONT_PATH]);
    await later!();
    expect(calls).toEqual([FRONT_PATH, '/section/world', '/author/x']);
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
