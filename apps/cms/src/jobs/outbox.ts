import type { Payload, PayloadRequest, Where } from 'payload';

import { chunkTags, compactTags, deliverTags, REVALIDATE_QUEUE, REVALIDATE_TASK, RETRY_BASE_DELAY_MS, revalidationTarget } from './revalidate';

/**
 * The revalidation outbox: what a write changed for readers is recorded in Payload's jobs queue inside the write's
 * own transaction, and delivered (./revalidate.ts) once that transaction has committed.
 *
 * - The first change in a transaction queues its job right away, with the same `req`, so the job row commits or rolls
 *   back with the change. Later changes in the same transaction (an import of 1,800 stories is one) add their tags in
 *   memory, and those are written into the transaction's jobs just before it commits: one set of jobs per transaction,
 *   one request per at most 200 tags, however many writes.
 * - Commit and rollback are seen through the database adapter's own `commitTransaction`/`rollbackTransaction`, which
 *   every Payload transaction ends with — no polling. Just before the commit the transaction's jobs are marked as
 *   being processed by this process (so no job runner takes them meanwhile); right after it, they are delivered from
 *   memory, without reading the queue first, and removed. A rollback drops the tags it held (its rows vanish with it).
 * - A delivery that fails is handed back to the queue, where Payload's job runner retries it with backoff
 *   (`payload.jobs.run({ queue: 'revalidate' })`, on a timer set for the earliest retry). `payload.destroy()` waits for
 *   deliveries in progress, so the import CLI tells the site before it exits. Jobs another process left behind (a CLI
 *   that exited while the site was down, a process that died mid-delivery) are picked up at startup, every minute, and
 *   by the CMS server's jobs cron. A process that knows no site to tell (see `revalidationTarget`) leaves the jobs
 *   queued for one that does.
 */

type ID = number | string;

type OpenTransaction = {
  req: PayloadRequest;
  /** The transaction's job rows so far, with the tags each holds. */
  jobs: { id: ID; tags: string[] }[];
  /** Tags already in the transaction's job rows. */
  written: Set<string>;
  /** Tags recorded since, to be written before the transaction commits. */
  extra: Set<string>;
  writing: Promise<void>;
};

type Committed = OpenTransaction['jobs'];

/** A job claimed this long ago and still not finished belongs to a process that died: it is released. */
const STALE_PROCESSING_MS = 120_000;
const STARTUP_DELAY_MS = 1_000;
const SWEEP_EVERY_MS = 60_000;
const RUN_LIMIT = 20;
const MAX_ROUNDS = 100;

/** A revalidation job still to be delivered: not completed, not given up on. */
const PENDING: Where[] = [{ queue: { equals: REVALIDATE_QUEUE } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }];

class RevalidationOutbox {
  private readonly open = new Map<ID, OpenTransaction>();
  private readonly delivering = new Set<Promise<void>>();
  private running: Promise<void> | undefined;
  private again = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly payload: Payload) {
    this.watchTransactions();
  }

  /** Records tags for `req`'s transaction (or, without one, queues them at once). */
  async record(req: PayloadRequest, tags: Iterable<string>): Promise<void> {
    const compact = compactTags(tags);
    if (compact.length === 0) return;
    const id = await req.transactionID;
    if (id === undefined || id === null || id === '') {
      for (const chunk of chunkTags(compact)) await this.queue(req, chunk);
      this.kick();
      return;
    }
    const open = this.open.get(id);
    if (open) {
      for (const tag of compact) if (!open.written.has(tag)) open.extra.add(tag);
      return;
    }
    const entry: OpenTransaction = { req, jobs: [], written: new Set(compact), extra: new Set(), writing: Promise.resolve() };
    this.open.set(id, entry);
    entry.writing = (async () => {
      for (const tags of chunkTags(compact)) entry.jobs.push({ id: (await this.queue(req, tags)).id, tags });
    })();
    await entry.writing;
  }

  /** Runs the revalidate queue now (or once more after the run in progress). Never throws. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.running = this.runQueue().finally(() => {
      this.running = undefined;
    });
  }

  /** Resolves once no delivery is in progress. */
  async idle(): Promise<void> {
    while (this.running || this.delivering.size > 0) await Promise.allSettled([this.running, ...this.delivering]);
  }

  /**
   * The site is back: every job waiting for its next retry is due now. Resolves once this run is over, with how many
   * jobs are still queued (0 when the site took them all). Bounded: it updates the waiting rows once and runs the
   * queue as `kick` does, so calls made while a run is in progress share it.
   */
  async redeliverNow(): Promise<number> {
    if (this.stopped) return this.waiting();
    await this.payload.db.updateJobs({
      where: { and: [...PENDING, { processing: { equals: false } }, { waitUntil: { exists: true } }] },
      data: { waitUntil: null },
      returning: false,
    });
    this.kick();
    await this.idle();
    return this.waiting();
  }

  /** Revalidation jobs not yet delivered (and not given up on), whichever process holds them. */
  async waiting(): Promise<number> {
    const { totalDocs } = await this.payload.db.count({ collection: 'payload-jobs', where: { and: PENDING } });
    return totalDocs;
  }

  /** At startup, then every minute: release jobs a dead process had claimed, and deliver whatever is due. */
  startSweeping(): void {
    if (this.sweepTimer || this.stopped) return;
    const sweep = () => {
      if (this.stopped) return;
      void this.releaseStale().finally(() => this.kick());
    };
    const first = setTimeout(sweep, STARTUP_DELAY_MS);
    first.unref();
    this.sweepTimer = setInterval(sweep, SWEEP_EVERY_MS);
    this.sweepTimer.unref();
  }

  private stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.sweepTimer);
  }

  private queue(req: PayloadRequest, tags: string[]) {
    return this.payload.jobs.queue({ task: REVALIDATE_TASK, queue: REVALIDATE_QUEUE, input: { tags }, req });
  }

  /**
   * Inside the transaction, just before it commits: writes the tags recorded after its first change into its jobs, and
   * marks them as this process's to deliver. Returns what to deliver once it has committed.
   */
  private async seal(entry: OpenTransaction): Promise<Committed> {
    await entry.writing;
    const { req } = entry;
    let committed: Committed = entry.jobs;
    if (entry.extra.size > 0) {
      committed = [];
      for (const [index, tags] of chunkTags(compactTags([...entry.written, ...entry.extra])).entries()) {
        const existing = entry.jobs[index];
        if (existing) await this.payload.db.updateJobs({ id: existing.id, data: { input: { tags } }, req, returning: false });
        committed.push({ id: existing?.id ?? (await this.queue(req, tags)).id, tags });
      }
    }
    const now = new Date().toISOString();
    for (const { id } of committed) await this.payload.db.updateJobs({ id, data: { processing: true, updatedAt: now }, req, returning: false });
    return committed;
  }

  /** Right after the commit: delivers the transaction's jobs in order, removing each the site confirmed. */
  private deliverCommitted(committed: Committed): void {
    const work = (async () => {
      for (const [index, job] of committed.entries()) {
        const { outcome } = await deliverTags(job.tags, this.payload.logger);
        if (outcome === 'unconfigured') {
          // No site known here: back to the queue as it was, for a process that knows one (the CMS server).
          for (const rest of committed.slice(index)) {
            await this.payload.db.updateJobs({ id: rest.id, data: { processing: false }, returning: false }).catch(() => undefined);
          }
          return;
        }
        if (outcome === 'delivered' || outcome === 'refused') {
          await this.payload.db.deleteMany({ collection: 'payload-jobs', where: { id: { equals: job.id } } }).catch(() => undefined);
          continue;
        }
        // Back to the queue, this one and the rest: the job runner retries them (and splits one the site refused).
        const waitUntil = outcome === 'failed' ? new Date(Date.now() + RETRY_BASE_DELAY_MS).toISOString() : null;
        for (const rest of committed.slice(index)) {
          await this.payload.db.updateJobs({ id: rest.id, data: { processing: false, waitUntil }, returning: false }).catch(() => undefined);
        }
        this.kick();
        return;
      }
    })().catch((error) => this.payload.logger.error({ err: error, msg: 'revalidation delivery failed' }));
    this.delivering.add(work);
    void work.finally(() => this.delivering.delete(work));
  }

  private watchTransactions(): void {
    const db = this.payload.db;
    const commit = db.commitTransaction.bind(db);
    const rollback = db.rollbackTransaction.bind(db);
    db.commitTransaction = async (incoming) => {
      const id = incoming instanceof Promise ? await incoming : incoming;
      const entry = this.open.get(id);
      this.open.delete(id);
      // Still inside the transaction: the tags commit with the change, or neither does.
      const committed = entry ? await this.seal(entry) : undefined;
      await commit(id);
      if (committed) this.deliverCommitted(committed);
    };
    db.rollbackTransaction = async (incoming) => {
      const id = incoming instanceof Promise ? await incoming : incoming;
      this.open.delete(id);
      await rollback(id);
    };
    const destroy = this.payload.destroy.bind(this.payload);
    this.payload.destroy = async () => {
      await this.idle();
      this.stop();
      return destroy();
    };
  }

  /** Payload's job runner over the revalidate queue, until nothing is due; then the timer for the next retry. */
  private async runQueue(): Promise<void> {
    // Without a site to tell, the jobs wait for a process that has one.
    if (!revalidationTarget()) return;
    do {
      this.again = false;
      try {
        // Jobs that failed wait for their retry time and are not picked up again in this loop.
        for (let round = 0; round < MAX_ROUNDS && !this.stopped; round++) {
          const result = await this.payload.jobs.run({ queue: REVALIDATE_QUEUE, limit: RUN_LIMIT, sequential: true, silent: true });
          if ('noJobsRemaining' in result && result.noJobsRemaining) break;
        }
      } catch (error) {
        if (!this.stopped) this.payload.logger.error({ err: error, msg: 'revalidation delivery failed to run' });
      }
    } while (this.again && !this.stopped);
    await this.scheduleRetry();
  }

  /** Sets the timer for the earliest job waiting to be retried (this process's or another's). */
  private async scheduleRetry(): Promise<void> {
    if (this.stopped) return;
    try {
      const { docs } = await this.payload.db.find({
        collection: 'payload-jobs',
        where: {
          and: [
            ...PENDING,
            { processing: { equals: false } },
            { waitUntil: { exists: true } },
          ],
        },
        sort: 'waitUntil',
        limit: 1,
        pagination: false,
      });
      const waitUntil = (docs[0] as { waitUntil?: string | null } | undefined)?.waitUntil;
      if (!waitUntil || this.stopped) return;
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.kick(), Math.max(20, new Date(waitUntil).getTime() - Date.now() + 10));
      // A command-line import may exit while the site is down: its jobs stay queued for the CMS server.
      this.retryTimer.unref();
    } catch {
      // The next change, the minute's sweep or the jobs cron runs the queue again.
    }
  }

  private async releaseStale(): Promise<void> {
    try {
      await this.payload.db.updateJobs({
        where: {
          and: [
            { queue: { equals: REVALIDATE_QUEUE } },
            { processing: { equals: true } },
            { completedAt: { exists: false } },
            { updatedAt: { less_than: new Date(Date.now() - STALE_PROCESSING_MS).toISOString() } },
          ],
        },
        data: { processing: false },
        returning: false,
      });
    } catch {
      // Not migrated yet, or the database is going away: nothing to release.
    }
  }
}

const outboxes = new WeakMap<Payload, RevalidationOutbox>();

/** The outbox of a Payload instance, watching its transactions from the first call on. */
export function revalidationOutbox(payload: Payload): RevalidationOutbox {
  let outbox = outboxes.get(payload);
  if (!outbox) outboxes.set(payload, (outbox = new RevalidationOutbox(payload)));
  return outbox;
}

/** Records that `tags` changed, in `req`'s transaction. The site is told once it commits. */
export function recordRevalidation(req: PayloadRequest, tags: Iterable<string>): Promise<void> {
  return revalidationOutbox(req.payload).record(req, tags);
}

/** `onInit`: watch transactions from the start, and deliver what earlier processes left queued. */
export function startRevalidationDelivery(payload: Payload): void {
  revalidationOutbox(payload).startSweeping();
}
