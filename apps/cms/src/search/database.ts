import { type SQL, sql } from '@payloadcms/db-sqlite/drizzle';
import type { Payload, PayloadRequest } from 'payload';

/**
 * Raw SQL for the search index, through the database adapter's own drizzle instance: inside the request's transaction
 * when it has one (a save and its index row commit or roll back together), else on the adapter's connection — for
 * PostgreSQL with read replicas, a replica.
 */

export type Dialect = 'sqlite' | 'postgres';

type SqliteSession = { all(query: SQL): Promise<unknown[]>; run(query: SQL): Promise<unknown> };
type PostgresSession = {
  execute(query: SQL): Promise<{ rows: unknown[] }>;
  transaction<T>(work: (tx: PostgresSession) => Promise<T>): Promise<T>;
};
type DrizzleAdapterLike = {
  name: string;
  drizzle: unknown;
  sessions?: Record<string, { db: unknown } | undefined>;
};

export type SqlRunner = {
  dialect: Dialect;
  /** Rows of a query. */
  all<T>(query: SQL): Promise<T[]>;
  /** A statement whose result is not needed. */
  run(query: SQL): Promise<void>;
};

export function dialectOf(payload: Payload): Dialect {
  return payload.db.name === 'postgres' ? 'postgres' : 'sqlite';
}

function adapterOf(payload: Payload): DrizzleAdapterLike {
  return payload.db as unknown as DrizzleAdapterLike;
}

export function runnerOn(dialect: Dialect, session: unknown): SqlRunner {
  if (dialect === 'sqlite') {
    const db = session as SqliteSession;
    return {
      dialect,
      all: async <T>(query: SQL) => (await db.all(query)) as T[],
      run: async (query) => {
        await db.run(query);
      },
    };
  }
  const db = session as PostgresSession;
  return {
    dialect,
    all: async <T>(query: SQL) => (await db.execute(query)).rows as T[],
    run: async (query) => {
      await db.execute(query);
    },
  };
}

/** The request's transaction, or the adapter's own connection when it has none. */
export async function runnerFor(payload: Payload, req?: Partial<PayloadRequest>): Promise<SqlRunner> {
  const adapter = adapterOf(payload);
  const id = req?.transactionID ? await req.transactionID : undefined;
  const session = (id !== undefined && id !== null && adapter.sessions?.[String(id)]?.db) || adapter.drizzle;
  return runnerOn(dialectOf(payload), session);
}

/**
 * Runs read-only work for one search. On PostgreSQL it is one transaction on a read replica when there are any (the
 * replica-aware drizzle sends transactions to the primary) with `statement_timeout` set for it, so a search that would
 * take longer than `budgetMs` is cancelled by the server. SQLite runs on this process's thread and cannot be
 * interrupted: its searches are bounded by what they read (see docs/adr/0017).
 */
export async function readOnly<T>(payload: Payload, budgetMs: number, work: (db: SqlRunner) => Promise<T>): Promise<T> {
  const dialect = dialectOf(payload);
  const adapter = adapterOf(payload);
  if (dialect === 'sqlite') return work(runnerOn(dialect, adapter.drizzle));
  const drizzle = adapter.drizzle as PostgresSession & { $replicas?: PostgresSession[] };
  const replicas = drizzle.$replicas ?? [];
  const reader = replicas.length > 0 ? replicas[Math.floor(Math.random() * replicas.length)]! : drizzle;
  return reader.transaction(async (tx) => {
    // The planner prices `document @@ query` as cheap, but on a sequential scan each call reads the row's tsvector back
    // from TOAST: a word in most stories took 780 ms that way at 100,000 stories, against 22 ms through the GIN index's
    // bitmap, which needs no tsvector at all. Searches go through the indexes. (Both settings in one round trip.)
    await tx.execute(sql.raw(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(budgetMs))}; SET LOCAL enable_seqscan = off`));
    return work(runnerOn(dialect, tx));
  });
}

/** PostgreSQL's "canceling statement due to statement timeout". */
export function isTimeout(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '57014') return true;
  }
  return false;
}
