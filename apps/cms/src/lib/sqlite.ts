import { createClient } from '@libsql/client';
import { sqliteAdapter, type SQLiteAdapter } from '@payloadcms/db-sqlite';
import { drizzle } from '@payloadcms/db-sqlite/drizzle/libsql';

import { sqliteExtraIndexes } from './indexes';

/**
 * Payload's SQLite adapter, set up for a newsroom where editors save while imports and the jobs queue write:
 *
 * - **WAL** (`journal_mode=WAL`, kept in the file): readers never wait for a writer, nor a writer for readers;
 *   `synchronous=NORMAL`, safe against a crashed process (a power cut may lose the last commits, never corrupt).
 * - **A busy timeout on every connection.** A second process writing (the import CLI beside the CMS server) makes a
 *   writer wait up to `SQLITE_BUSY_TIMEOUT_MS` for the lock instead of failing with SQLITE_BUSY at once. The libsql
 *   client opens a new connection after every transaction, and the pragma is per connection, so it is applied to each.
 * - **Indexes** Payload's field options cannot express (./indexes.ts).
 * - **One writer at a time within the process, queued without blocking.** libsql runs SQLite synchronously on the
 *   event loop: a second write transaction in the same process would spin in SQLite's busy handler while the one
 *   holding the lock — same thread — could never finish. Writes in a process therefore wait their turn in a FIFO queue
 *   before they touch SQLite, and reads (WAL) never wait.
 */

export const SQLITE_BUSY_TIMEOUT_MS = 5000;
/** A write waits this long in the in-process queue before it fails the way SQLite would (SQLITE_BUSY). */
export const WRITE_QUEUE_TIMEOUT_MS = 30_000;

type SqliteArgs = Parameters<typeof sqliteAdapter>[0];
type LibsqlClient = SQLiteAdapter['client'];
type LibsqlTransaction = Awaited<ReturnType<LibsqlClient['transaction']>>;
type Statement = Parameters<LibsqlClient['execute']>[0];

const PER_CONNECTION_PRAGMAS = [`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`, 'PRAGMA synchronous = NORMAL'];
const GATED = Symbol.for('newsroom.sqlite.gated');

export function newsroomSqliteAdapter(args: SqliteArgs): ReturnType<typeof sqliteAdapter> {
  const adapterObj = sqliteAdapter({
    ...args,
    afterSchemaInit: [sqliteExtraIndexes, ...(args.afterSchemaInit ?? [])],
    busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
    wal: { synchronous: 'NORMAL', journalSizeLimit: 64 * 1024 * 1024 },
  });
  const init = adapterObj.init;
  return {
    ...adapterObj,
    init: (options) => {
      const adapter = init(options);
      const connect = adapter.connect;
      if (!connect) return adapter;
      adapter.connect = async function (this: SQLiteAdapter, connectOptions) {
        await connect.call(this, connectOptions);
        if (!isGated(this.client)) {
          this.client = gatedClient(this.client, writeQueueFor(String(args.client.url)), () => createClient(args.client));
          // Drizzle keeps the client it was given: rebuild it on the gated one (as connect itself does).
          this.drizzle = drizzle(this.client, { logger: this.logger || false, schema: this.schema }) as SQLiteAdapter['drizzle'];
        }
      };
      return adapter;
    },
  };
}

function isGated(client: LibsqlClient | undefined): boolean {
  return Boolean(client && (client as unknown as Record<symbol, unknown>)[GATED]);
}

/** A FIFO lock. `acquire()` resolves to its release function. */
export class WriteQueue {
  #held = false;
  #waiting: { grant: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(private readonly timeoutMs = WRITE_QUEUE_TIMEOUT_MS) {}

  acquire(): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        this.#held = true;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.#next();
        });
      };
      if (!this.#held) return grant();
      const waiter = {
        grant,
        timer: setTimeout(() => {
          this.#waiting = this.#waiting.filter((w) => w !== waiter);
          reject(Object.assign(new Error('SQLITE_BUSY: the database was busy with another write for too long'), { code: 'SQLITE_BUSY' }));
        }, this.timeoutMs),
      };
      this.#waiting.push(waiter);
    });
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  #next(): void {
    const waiter = this.#waiting.shift();
    if (!waiter) {
      this.#held = false;
      return;
    }
    clearTimeout(waiter.timer);
    waiter.grant();
  }
}

const QUEUES = Symbol.for('newsroom.sqlite.writeQueues');

/** One queue per database file per process, shared by every Payload instance on it (Next bundles routes apart). */
export function writeQueueFor(url: string): WriteQueue {
  const holder = globalThis as { [QUEUES]?: Map<string, WriteQueue> };
  const queues = (holder[QUEUES] ??= new Map());
  let queue = queues.get(url);
  if (!queue) queues.set(url, (queue = new WriteQueue()));
  return queue;
}

function sqlOf(stmt: Statement): string {
  return typeof stmt === 'string' ? stmt : stmt.sql;
}

/** Statements that only read; anything else waits its turn. */
export function isReadOnly(sql: string): boolean {
  return /^\s*(select|explain)\b/i.test(sql) || /^\s*pragma\s+\w+\s*;?\s*$/i.test(sql);
}

/**
 * A write transaction that cannot begin on the client's connection because that connection reads an old snapshot
 * (SQLITE_BUSY_SNAPSHOT: another connection committed since its read began) would fail the same way on every later
 * try — the libsql client keeps the connection whose BEGIN failed. It is replaced by a fresh client, and the BEGIN
 * tried once more there. Seen at the end of a 100,000-story fill by another process beside the CMS.
 */
export function isStaleSnapshot(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === 'SQLITE_BUSY_SNAPSHOT') return true;
  }
  return false;
}

export function gatedClient(original: LibsqlClient, queue: WriteQueue, reopen: () => LibsqlClient): LibsqlClient {
  let client = original;
  const applyPragmas = async () => {
    for (const pragma of PER_CONNECTION_PRAGMAS) await client.execute(pragma);
  };
  const overrides: Partial<Record<keyof LibsqlClient | typeof GATED, unknown>> = {
    [GATED]: true,
    execute: (stmt: Statement, ...rest: unknown[]) =>
      isReadOnly(sqlOf(stmt))
        ? (client.execute as (...a: unknown[]) => ReturnType<LibsqlClient['execute']>)(stmt, ...rest)
        : queue.run(() => (client.execute as (...a: unknown[]) => ReturnType<LibsqlClient['execute']>)(stmt, ...rest)),
    batch: (...a: Parameters<LibsqlClient['batch']>) => queue.run(() => client.batch(...a)),
    migrate: (...a: Parameters<LibsqlClient['migrate']>) => queue.run(() => client.migrate(...a)),
    executeMultiple: (...a: Parameters<LibsqlClient['executeMultiple']>) => queue.run(() => client.executeMultiple(...a)),
    transaction: async (mode?: 'write' | 'read' | 'deferred') => {
      const begin = () => (client.transaction as (m?: string) => Promise<LibsqlTransaction>)(mode);
      if (mode === 'read') return begin();
      const release = await queue.acquire();
      try {
        const tx = await begin().catch(async (error: unknown) => {
          if (!isStaleSnapshot(error)) throw error;
          const stale = client;
          client = reopen();
          stale.close();
          await applyPragmas();
          return begin();
        });
        // The client hands this connection to the transaction and opens a fresh one next: give that one the pragmas.
        await applyPragmas();
        return releasingOnEnd(tx, release);
      } catch (error) {
        release();
        throw error;
      }
    },
  };
  return new Proxy(original, {
    get(_target, prop) {
      if (prop in overrides) return overrides[prop as keyof typeof overrides];
      const value = Reflect.get(client, prop, client);
      return typeof value === 'function' ? value.bind(client) : value;
    },
  });
}

function releasingOnEnd(tx: LibsqlTransaction, release: () => void): LibsqlTransaction {
  const ending = (method: 'commit' | 'rollback') => async () => {
    try {
      await tx[method]();
    } finally {
      release();
    }
  };
  const overrides: Partial<Record<keyof LibsqlTransaction, unknown>> = {
    commit: ending('commit'),
    rollback: ending('rollback'),
    close: () => {
      try {
        tx.close();
      } finally {
        release();
      }
    },
  };
  return new Proxy(tx, {
    get(target, prop) {
      if (prop in overrides) return overrides[prop as keyof typeof overrides];
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
