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
