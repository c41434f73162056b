import { getPayload, type Payload } from 'payload';

import { type ConfigOptions, createConfig } from '../payload.config.js';
import { migrations as postgresMigrations } from '../migrations/postgres/index.js';
import { migrations as sqliteMigrations } from '../migrations/sqlite/index.js';
import { databaseTargetFromEnv } from '../payload.config.js';

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
  await payload.db.migrate({ migrations: database.dialect === 'postgres' ? postgresMigrations : sqliteMigrations });
  return payload;
}
