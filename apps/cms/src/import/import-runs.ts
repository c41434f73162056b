import { hostname } from 'node:os';

import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload';

import { recordRevalidation } from '../jobs/outbox';

/**
 * The journal of a wire import in progress (ADR 0015): which rows it has written so far, kept in Payload's key-value
 * table and updated in the same transaction as each batch of stories, so it never disagrees with the database. A run
 * that finished has no journal; a run whose journal is still there either failed or is running now.
 *
 * Until a run completes, its stories are invisible to readers (drafts, or published with a publication time that
 * never arrives — see wire-import.ts). A run that fails is removed at once; a run whose process died (killed, crashed,
 * power cut) is removed by `recoverAbandonedImports`, which every entry point calls when it opens the database.
 */

export const RUN_KEY_PREFIX = 'newsroom:import-run:';
/** A run whose process is on another machine counts as abandoned when it has not written for this long. */
export const ABANDONED_AFTER_MS = 2 * 60_000;

export type ImportRun = {
  key: string;
  publish: boolean;
  startedAt: string;
  heartbeatAt: string;
  host: string;
  pid: number;
  /** Articles written by committed batches, in the run's order. */
  articles: (number | string)[];
  /** Authors the run created (not the ones it reused). */
  authors: (number | string)[];
};

type KvRow = { id: number | string; key: string; data: unknown };

const KV = 'payload-kv' as const;

/** A request of the system (no user) that skips the site revalidation hooks: staged rows are invisible anyway. */
export async function systemRequest(payload: Payload, user?: PayloadRequest['user']): Promise<PayloadRequest> {
  return createLocalReq({ user: user ?? undefined, context: { skipRevalidation: true } }, payload);
}

/** Runs `work` in one transaction of its own: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(payload: Payload, work: (req: PayloadRequest) => Promise<T>, user?: PayloadRequest['user']): Promise<T> {
  const req = await systemRequest(payload, user);
  await initTransaction(req);
  try {
    const result = await work(req);
    await commitTransaction(req);
    return result;
  } catch (error) {
    await killTransaction(req);
    throw error;
  }
}

export async function startRun(payload: Payload, publish: boolean): Promise<ImportRun> {
  const now = new Date().toISOString();
  const run: ImportRun = {
    key: `${RUN_KEY_PREFIX}${now}:${process.pid}:${Math.random().toString(36).slice(2, 10)}`,
    publish,
    startedAt: now,
    heartbeatAt: now,
    host: hostname(),
    pid: process.pid,
    articles: [],
    authors: [],
  };
  await inTransaction(payload, (req) => payload.db.create({ collection: KV, data: { key: run.key, data: run }, req }));
  return run;
}

/** Records rows written in `req`'s transaction: they and this entry commit together, or neither does. */
export async function recordBatch(
  payload: Payload,
  req: PayloadRequest,
  run: ImportRun,
  written: { articles: (number | string)[]; authors: (number | string)[] },
): Promise<ImportRun> {
  const next: ImportRun = {
    ...run,
    heartbeatAt: new Date().toISOString(),
    articles: [...run.articles, ...written.articles],
    authors: [...run.authors, ...written.authors],
  };
  await saveRun(payload, req, next);
  return next;
}

export async function saveRun(payload: Payload, req: PayloadRequest, run: ImportRun): Promise<void> {
  await payload.db.updateOne({ collection: KV, where: { key: { equals: run.key } }, data: { data: run }, req, returning: false });
}

export async function deleteRun(payload: Payload, req: PayloadRequest, run: Pick<ImportRun, 'key'>): Promise<void> {
  await payload.db.deleteOne({ collection: KV, where: { key: { equals: run.key } }, req, returning: false });
}

export async function listRuns(payload: Payload): Promise<ImportRun[]> {
  const found = await payload.db.find({
    collection: KV,
    where: { key: { like: RUN_KEY_PREFIX } },
    limit: 0,
    pagination: false,
    req: await systemRequest(payload),
  });
  return (found.docs as unknown as KvRow[]).flatMap((row) => (row.key.startsWith(RUN_KEY_PREFIX) ? [parseRun(row)] : []));
}

function parseRun(row: KvRow): ImportRun {
  const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Partial<ImportRun>;
  return {
    key: row.key,
    publish: data.publish === true,
    startedAt: String(data.startedAt ?? ''),
    heartbeatAt: String(data.heartbeatAt ?? data.startedAt ?? ''),
    host: String(data.host ?? ''),
    pid: Number(data.pid ?? 0),
    articles: Array.isArray(data.articles) ? data.articles : [],
    authors: Array.isArray(data.authors) ? data.authors : [],
  };
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A run nobody is writing any more: its process on this machine is gone, or it has been silent too long. */
export function isAbandoned(run: ImportRun, now = Date.now()): boolean {
  if (run.host === hostname() && run.pid === process.pid) return false;
  if (run.host === hostname() && run.pid > 0 && !processIsAlive(run.pid)) return true;
  const heartbeat = Date.parse(run.heartbeatAt);
  return !Number.isFinite(heartbeat) || now - heartbeat > ABANDONED_AFTER_MS;
}

export type RollbackOptions = { chunk?: number; pauseMs?: number };

/**
 * Removes what a run wrote, a few stories per short transaction (the rows are invisible, so removing them piecemeal
 * shows nothing to readers), then the authors it created that no other story names, then its journal. Safe to repeat:
 * the journal shrinks with every committed chunk.
 */
export async function rollBackRun(payload: Payload, run: ImportRun, { chunk = 25, pauseMs = 0 }: RollbackOptions = {}): Promise<void> {
  let current = run;
  while (current.articles.length > 0) {
    const ids = current.articles.slice(0, chunk);
    current = await inTransaction(payload, async (req) => {
      await payload.delete({ collection: 'articles', where: { id: { in: ids } }, overrideAccess: true, depth: 0, req });
      const next = { ...current, heartbeatAt: new Date().toISOString(), articles: current.articles.slice(ids.length) };
      await saveRun(payload, req, next);
      return next;
    });
    if (pauseMs > 0 && current.articles.length > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  await inTransaction(payload, async (req) => {
    const removedAuthors: string[] = [];
    for (const id of current.authors) {
      // Another story (live, or any version of one) may have picked the author up meanwhile: then it stays.
      const live = await payload.count({ collection: 'articles', where: { authors: { in: [id] } }, overrideAccess: true, req });
      const versions = await payload.countVersions({ collection: 'articles', where: { 'version.authors': { in: [id] } }, overrideAccess: true, req });
      if (live.totalDocs === 0 && versions.totalDocs === 0) {
        const removed = await payload.delete({ collection: 'authors', id, overrideAccess: true, depth: 0, req });
        if (removed.slug) removedAuthors.push(`author:${removed.slug}`);
      }
    }
    await deleteRun(payload, req, current);
    // The run's stories never showed, but its new authors did (an author page, the authors' sitemap).
    if (removedAuthors.length > 0) await recordRevalidation(req, ['authors', ...removedAuthors]);
  });
}

/**
 * Rolls back every abandoned run (a killed or crashed import). Called whenever a process opens the database and before
 * each import; never throws — a failure is logged and retried next time.
 */
export async function recoverAbandonedImports(payload: Payload): Promise<number> {
  let recovered = 0;
  try {
    for (const run of await listRuns(payload)) {
      if (!isAbandoned(run)) continue;
      payload.logger.warn(`removing an unfinished wire import from ${run.startedAt} (${run.articles.length} stories, never visible)`);
      await rollBackRun(payload, run);
      recovered++;
    }
  } catch (error) {
    payload.logger.error({ err: error, msg: `could not remove an unfinished wire import: ${(error as Error).message}` });
  }
  return recovered;
}
