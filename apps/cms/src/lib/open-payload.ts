import { getPayload, type Payload } from 'payload';

import { recoverAbandonedImports } from '../import/import-runs';
import { type ConfigOptions, createConfig, databaseTargetFromEnv, migrationsFor } from '../payload.config';

/**
 * Payload's Local API for scripts and tests, on a database brought up to date with the committed
 * migrations of its dialect (the same ones `npm start` applies).
 */
export async function openPayload(options: ConfigOptions & { key?: string } = {}): Promise<Payload> {
  const database = options.database ?? databaseTargetFromEnv();
  const payload = await getPayload({
    config: createConfig({ ...options, database }),
    key: options.key ?? `${database.dialect}:${database.url}`,
  });
  await payload.db.migrate({ migrations: migrationsFor(database.dialect) });
  // A wire import whose process died half way left invisible rows: remove them (import/import-runs.ts).
  await recoverAbandonedImports(payload);
  return payload;
}

/**
 * Payload's destroy() leaves the database connections open (the Postgres pool, the SQLite client),
 * which keeps a script alive and blocks dropping a test database: close them too.
 */
export async function closePayload(payload: Payload): Promise<void> {
  const db = payload.db as unknown as {
    pool?: { end(): Promise<void>; on(event: 'error', listener: () => void): void };
    client?: { close(): void };
  };
  await payload.destroy();
  if (db.pool) {
    // A connection dropped by the server after this point is expected, not a crash.
    db.pool.on('error', () => undefined);
    // end() waits for every checked-out client; don't let one stuck client hold the process.
    await Promise.race([db.pool.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  }
  db.client?.close();
}
