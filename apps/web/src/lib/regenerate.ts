import { FRONT_PATH, type PagePlan } from './cache-tags';
import { cms } from './cms';

export interface RegenerateReport {
  regenerated: string[];
  failed: { path: string; error: string }[];
  /** Pages were handed to the background sweep (every article page, every listing, or the tail of a long list). */
  queued: boolean;
}

/** Re-renders one path if it is cached (`res.revalidate(path, { unstable_onlyGenerated: true })`). */
export type Render = (path: string) => Promise<void>;

export interface RegenerateOptions {
  /**
   * How many of the plan's pages to re-render before answering, besides the front page; the rest join the background
   * sweep. A publish names a handful, so all of them; a change naming hundreds of stories does not hold the CMS up.
   */
  hot?: number;
  concurrency?: number;
  /** Where pages that every page shows (ads, navigation) and the tail of a long plan go. */
  sweep?: Sweep;
}

const defaultArticleSlugs: NonNullable<SweepOptions['articleSlugs']> = async (beforeId, limit) => {
  const docs = await cms().articleSlugsBefore({ ...(beforeId !== undefined ? { beforeId } : {}), limit });
  if (docs.length === 0) return undefined;
  return { slugs: docs.flatMap((doc) => (doc.slug ? [doc.slug] : [])), lastId: Number(docs.at(-1)!.id), full: docs.length === limit };
};

const defaultListingPaths = async () => {
  const [sections, authors] = await Promise.all([cms().sections(), cms().authors()]);
  return [...sections.map((s) => `/section/${s.slug}`), ...authors.map((a) => `/author/${a.slug}`)];
};

/**
 * Re-renders what a change shows on. The plan's own pages — the article, the front page, its section and author
 * pages — before returning (up to `hot` of them besides the front page); anything that is on every page (ad slots,
 * navigation) and the tail of a very long plan go to the background sweep, which never holds up the answer.
 * `revalidate` re-renders one path (only if it is cached).
 */
export async function regeneratePlan(plan: PagePlan, revalidate: Render, options: RegenerateOptions = {}): Promise<RegenerateReport> {
  const { hot = 50, concurrency = 4, sweep = backgroundSweep() } = options;
  const report: RegenerateReport = { regenerated: [], failed: [], queued: false };
  const paths = unique(plan.paths);
  const others = paths.filter((path) => path !== FRONT_PATH);
  const first = new Set(others.slice(0, hot));
  const now = paths.filter((path) => path === FRONT_PATH || first.has(path));
  const later = others.slice(hot);

  await inBatches(now, concurrency, async (path) => {
    try {
      await revalidate(path);
      report.regenerated.push(path);
    } catch (error) {
      report.failed.push({ path, error: (error as Error).message });
    }
  });

  if (plan.allArticles || plan.allListings || later.length > 0) {
    report.queued = true;
    sweep.request({ articles: plan.allArticles, listings: plan.allListings, paths: later }, revalidate);
  }
  return report;
}

export interface SweepOptions {
  /**
   * Live article slugs, highest id first, `limit` after the id the last call ended on (by key, never by page number:
   * a page number costs the database every row before it); `undefined` once there are no more.
   */
  articleSlugs?: (beforeId: number | undefined, limit: number) => Promise<{ slugs: string[]; lastId: number; full: boolean } | undefined>;
  listingPaths?: () => Promise<string[]>;
  /** At most this many pages a second (REGENERATE_SWEEP_RATE, default 10), so readers keep the CPU. */
  pagesPerSecond?: number;
  sleep?: (ms: number) => Promise<void>;
  warn?: (message: string) => void;
  /** How page renders take turns with other re-renders in the process (default {@link oneAtATime}). */
  serial?: <T>(work: () => Promise<T>) => Promise<T>;
}

type Work = { path: string } | { every: 'articles' | 'listings' };
const keyOf = (work: Work) => ('path' in work ? work.path : `#${work.every}`);

/**
 * The background re-render of pages a change touches everywhere (ad slots: every article page; sections: every page's
 * navigation). One sweep at a time per process, at a bounded rate, each page through {@link oneAtATime} so a publish
 * never waits for more than one page of it. A request that arrives while a sweep runs is merged into it: pages still
 * waiting are not queued twice, and pages already done are queued again (they were rendered before the newer change).
 */
export class Sweep {
  private readonly queue: Work[] = [];
  private readonly waiting = new Set<string>();
  /** The pages each "every …" of the sweep in progress was expanded into. */
  private readonly listed = new Map<'articles' | 'listings', string[]>();
  private running: Promise<void> | undefined;
  private render: Render | undefined;
  /** Pages re-rendered since this sweep object was made. */
  rendered = 0;

  constructor(private readonly options: SweepOptions = {}) {}

  /** Adds to the sweep (starting it if idle) and returns at once. `render` is the latest request's way to re-render. */
  request(scope: { articles?: boolean; listings?: boolean; paths?: readonly string[] }, render: Render): void {
    this.render = render;
    if (scope.articles) this.addEvery('articles');
    if (scope.listings) this.addEvery('listings');
    for (const path of scope.paths ?? []) this.add({ path });
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /** Pages (and page lists still to be read) waiting. */
  get pending(): number {
    return this.queue.length;
  }

  /** Whether a sweep is in progress. */
  get active(): boolean {
    return this.running !== undefined;
  }

  /** Resolves when the sweep has nothing left to do. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Every page of a kind: listed once per sweep; asked again mid-sweep, only the pages already past are queued again. */
  private addEvery(every: 'articles' | 'listings'): void {
    const listed = this.listed.get(every);
    if (!listed) return this.add({ every });
    for (const path of listed) this.add({ path });
  }

  private add(work: Work): void {
    const key = keyOf(work);
    if (this.waiting.has(key)) return;
    this.waiting.add(key);
    this.queue.push(work);
  }

  private async drain(): Promise<void> {
    const { pagesPerSecond = sweepRate(), sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) } = this.options;
    const interval = 1000 / Math.max(0.1, pagesPerSecond);
    const warn = this.options.warn ?? ((message: string) => console.warn(message));
    let failures = 0;
    while (this.queue.length > 0) {
      const work = this.queue.shift()!;
      this.waiting.delete(keyOf(work));
      if ('every' in work) {
        try {
          const paths = await this.pagesOf(work.every);
          this.listed.set(work.every, paths);
          for (const path of paths) this.add({ path });
        } catch (error) {
          warn(`background re-render: could not list ${work.every}: ${(error as Error).message}`);
        }
        continue;
      }
      const started = performance.now();
      const render = this.render!;
      try {
        await (this.options.serial ?? oneAtATime)(() => render(work.path));
        this.rendered++;
      } catch (error) {
        // ISR keeps the last good page; its timer tries again.
        if (failures++ === 0) warn(`background re-render of ${work.path} failed: ${(error as Error).message}`);
      }
      const rest = interval - (performance.now() - started);
      if (rest > 0 && this.queue.length > 0) await sleep(rest);
    }
    this.listed.clear();
    if (failures > 1) warn(`background re-render: ${failures} pages failed`);
  }

  private async pagesOf(every: 'articles' | 'listings'): Promise<string[]> {
    if (every === 'listings') return (this.options.listingPaths ?? defaultListingPaths)();
    const articleSlugs = this.options.articleSlugs ?? defaultArticleSlugs;
    const paths: string[] = [];
    let beforeId: number | undefined;
    for (;;) {
      const batch = await articleSlugs(beforeId, 100);
      if (!batch) break;
      paths.push(...batch.slugs.map((slug) => `/news/${slug}`));
      if (!batch.full) break;
      beforeId = batch.lastId;
    }
    return paths;
  }
}

function sweepRate(): number {
  const rate = Number(process.env.REGENERATE_SWEEP_RATE);
  return Number.isFinite(rate) && rate > 0 ? rate : 10;
}

const SWEEP = Symbol.for('newsroom.web.sweep');

/** The process's one background sweep. */
export function backgroundSweep(holder: { [SWEEP]?: Sweep } = globalThis as { [SWEEP]?: Sweep }): Sweep {
  return (holder[SWEEP] ??= new Sweep());
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
