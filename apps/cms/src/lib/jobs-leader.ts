import type { Payload } from 'payload';

/** Any fixed number: the advisory-lock key that names "runs the jobs queue". */
const JOBS_LOCK_KEY = 7_340_112;

type PoolClient = { query: (sql: string, params?: unknown[]) => Promise<{ rows: { locked: boolean }[] }>; release: (destroy?: boolean) => void; on: (event: 'error', listener: () => void) => void };
type Pool = { connect: () => Promise<PoolClient> };

let holder: PoolClient | undefined;

/**
 * Whether this CMS process should run the jobs queue now. On SQLite there is one CMS process: always. On PostgreSQL
 * several instances share one jobs table, and Payload's claim of a job is not atomic, so only the instance that holds
 * a session-level advisory lock runs jobs — exactly once across the tier. The lock lives on one pooled connection kept
 * for the life of the process; when that process dies, PostgreSQL ends its session and frees the lock, and another
 * instance takes it on its next tick.
 */
export async function holdsJobsLock(payload: Payload): Promise<boolean> {
  if (payload.db.name !== 'postgres') return true;
  if (holder) return true;
  const pool = (payload.db as unknown as { pool?: Pool }).pool;
  if (!pool) return false;
  const client = await pool.connect();
  try {
    const { rows } = await client.query('SELECT pg_try_advisory_lock($1) AS locked', [JOBS_LOCK_KEY]);
    if (!rows[0]?.locked) {
      client.release();
      return false;
    }
  } catch {
    client.release(true);
    return false;
  }
  holder = client;
  // A broken connection has lost the lock with it: try again on the next tick.
  client.on('error', () => {
    if (holder === client) holder = undefined;
  });
  return true;
}

/** Gives the lock back (tests, shutdown). */
export function releaseJobsLock(): void {
  holder?.release(true);
  holder = undefined;
}
