import { FRONT_PATH, type PagePlan } from './cache-tags';
import { cms } from './cms';

export interface RegenerateReport {
  regenerated: string[];
  failed: { path: string; error: string }[];
  /** Pages left for the background queue (the long tail of article pages, listings). */
  queued: boolean;
}

export interface RegenerateOptions {
  /** How many of the newest article pages to re-render before answering; the rest follow in the background. */
  hot?: number;
  concurrency?: number;
  /** Newest-first live article slugs, page by page; `undefined` once there are no more. */
  articleSlugs?: (page: number, limit: number) => Promise<string[] | undefined>;
  listingPaths?: () => Promise<string[]>;
  /** Where background work goes (tests await it). */
  background?: (work: () => Promise<void>) => void;
}

const defaultArticleSlugs = async (page: number, limit: number) => {
  const result = await cms().articles({ limit, page, withoutBody: true });
  const slugs = result.docs.flatMap((doc) => (doc.slug ? [doc.slug] : []));
  return slugs.length ? slugs : undefined;
};

const defaultListingPaths = async () => {
  const [sections, authors] = await Promise.all([cms().sections(), cms().authors()]);
  return [...sections.map((s) => `/section/${s.slug}`), ...authors.map((a) => `/author/${a.slug}`)];
};

let queue: Promise<void> = Promise.resolve();
const defaultBackground = (work: () => Promise<void>) => {
  // One background job at a time, so a burst of publishes does not starve readers of CPU.
  queue = queue.then(work).catch((error) => console.warn(`background regeneration failed: ${(error as Error).message}`));
};

/**
 * Re-renders the pages a change shows on: first the plan's own paths and the newest article pages (whose rails and
 * ads readers see most), before returning; then every other article page — and, for navigation changes, every
 * listing — in the background. `revalidate` re-renders one path (only if it is cached).
 */
export async function regeneratePlan(plan: PagePlan, revalidate: (path: string) => Promise<void>, options: RegenerateOptions = {}): Promise<RegenerateReport> {
  const { hot = 20, concurrency = 4, articleSlugs = defaultArticleSlugs, listingPaths = defaultListingPaths, background = defaultBackground } = options;
  const report: RegenerateReport = { regenerated: [], failed: [], queued: false };
  const run = async (path: string) => {
    try {
      await revalidate(path);
      report.regenerated.push(path);
    } catch (error) {
      report.failed.push({ path, error: (error as Error).message });
    }
  };

  const now = [...plan.paths];
  if (plan.allArticles) {
    const newest = (await articleSlugs(1, hot).catch(() => undefined)) ?? [];
    now.push(...newest.map((slug) => `/news/${slug}`));
  }
  const done = new Set<string>();
  await inBatches(unique(now), concurrency, async (path) => {
    done.add(path);
    await run(path);
  });

  if (plan.allArticles || plan.allListings) {
    report.queued = true;
    background(async () => {
      const later: string[] = [];
      if (plan.allArticles) {
        for (let page = 1; ; page++) {
          const slugs = await articleSlugs(page, 100);
          if (!slugs) break;
          later.push(...slugs.map((slug) => `/news/${slug}`));
          if (slugs.length < 100) break;
        }
      }
      if (plan.allListings) later.push(...(await listingPaths()), FRONT_PATH);
      // Page by page through the same one-at-a-time queue as foreground work, so a newer change never joins a
      // background re-render that started before it, and never waits for more than one page.
      await inBatches(unique(later).filter((path) => !done.has(path)), 1, async (path) => {
        await oneAtATime(() => revalidate(path)).catch(() => undefined);
      });
    });
  }
  return report;
}

const QUEUE = Symbol.for('newsroom.web.regenerateQueue');
type QueueHolder = { [QUEUE]?: Promise<unknown> };

/**
 * Runs `work` after every earlier call has finished, one at a time per process. Next joins an on-demand re-render of
 * a page to one already in flight for it; without this, a publish followed at once by an unpublish could have its
 * re-render answered by the publish's, which read the story before it was unpublished, and the page would stay up.
 */
export async function oneAtATime<T>(work: () => Promise<T>, holder: QueueHolder = globalThis as QueueHolder): Promise<T> {
  const previous = holder[QUEUE] ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(work);
  holder[QUEUE] = run.catch(() => undefined);
  return run;
}

function unique(paths: string[]): string[] {
  return [...new Set(paths)];
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
