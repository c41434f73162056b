import type { Payload } from 'payload';

type Handler = (request: Request, context: { params: Promise<{ slug?: string[] }> }) => Promise<Response>;

/** How long a database check may take before the database counts as unavailable. */
const PING_TIMEOUT_MS = 2000;

/**
 * Whether the database answers a trivial query within two seconds. PostgreSQL through the adapter's pool (which
 * reconnects by itself once the server is back), SQLite through its client.
 */
export async function databaseAnswers(payload: Payload): Promise<boolean> {
  const db = payload.db as unknown as { name: string; pool?: { query: (sql: string) => Promise<unknown> }; client?: { execute: (sql: string) => Promise<unknown> } };
  const query = db.name === 'postgres' ? db.pool?.query('SELECT 1') : db.client?.execute('SELECT 1');
  if (!query) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      query.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function databaseUnavailable(): Response {
  return Response.json(
    {
      errors: [
        {
          message:
            'The database is unavailable right now, so nothing was read or saved. The CMS reconnects by itself: try again in a few seconds.',
        },
      ],
    },
    { status: 503, headers: { 'Retry-After': '5', 'Cache-Control': 'no-store' } },
  );
}

/**
 * Wraps one of Payload's REST handlers so that an outage of the database answers a clear 503 (with Retry-After)
 * instead of Payload's generic 500. A failed write is rolled back by its transaction, so the message can say that
 * nothing was saved. `payload` resolves the running instance; if even that fails (the database was down when the
 * CMS started), the answer is the same 503.
 */
export function answeringDatabaseOutages(handler: Handler, payload: () => Promise<Payload>): Handler {
  return async (request, context) => {
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (error) {
      if (!(await answers(payload))) return databaseUnavailable();
      throw error;
    }
    if (response.status >= 500 && !(await answers(payload))) return databaseUnavailable();
    return response;
  };
}

async function answers(payload: () => Promise<Payload>): Promise<boolean> {
  try {
    return await databaseAnswers(await payload());
  } catch {
    return false;
  }
}

type ErrorEmitter = { on(event: 'error', listener: (error: Error) => void): unknown };

/**
 * A PostgreSQL connection the server ends (a restart, a failover, `pg_terminate_backend`) emits `error` on its client
 * — idle ones through the pool, checked-out ones on themselves. Unheard, that event ends the process; the query that
 * was running has already failed on its own. So every client gets a listener that logs it, and the pool replaces the
 * connection on the next checkout.
 */
export function keepConnectionLossesNonFatal(payload: Payload): void {
  const pool = (payload.db as unknown as { pool?: ErrorEmitter & { on(event: 'connect', listener: (client: ErrorEmitter) => void): unknown } }).pool;
  if (!pool) return;
  const log = (error: Error) => payload.logger.warn(`database connection lost: ${error.message}`);
  pool.on('error', log);
  pool.on('connect', (client) => client.on('error', log));
}
