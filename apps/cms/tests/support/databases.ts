import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import pg from 'pg';
import type { Payload } from 'payload';
import { inject } from 'vitest';

import type { DatabaseTarget } from '../../src/lib/database-url';
import { closePayload, openPayload } from '../../src/lib/open-payload';

export type Dialect = DatabaseTarget['dialect'];
export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

export type TestDatabase = { target: DatabaseTarget; drop(): Promise<void> };

/** A new, empty database of the dialect: a temp SQLite file, or a new database on the test PostgreSQL server. */
export async function freshDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-sqlite-'));
    const file = path.join(dir, 'test.db');
    return { target: { dialect, url: `file:${file}`, file }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const serverUrl = inject('postgresUrl');
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    target: { dialect, url: url.toString() },
    drop: async () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export type TestPayload = {
  payload: Payload;
  db: TestDatabase;
  /** The instance's cache key: REST requests made with `rest()` reach this very instance. */
  key: string;
  close(): Promise<void>;
};

/** Payload on a fresh, migrated database of the dialect. */
export async function openTestPayload(dialect: Dialect): Promise<TestPayload> {
  const db = await freshDatabase(dialect);
  const key = `test:${db.target.url}`;
  const payload = await openPayload({ database: db.target, key, logToStderr: true });
  return {
    payload,
    db,
    key,
    close: async () => {
      await closePayload(payload);
      await db.drop();
    },
  };
}

/** Rows in each collection, read past access control, to prove a failed run left nothing behind. */
const COUNTED = ['articles', 'authors', 'sections', 'media', 'ad-slots', 'headlines', 'users'] as const;

export async function countAll(payload: Payload): Promise<Record<(typeof COUNTED)[number], number>> {
  const counts = {} as Record<(typeof COUNTED)[number], number>;
  for (const collection of COUNTED) {
    counts[collection] = (await payload.count({ collection, overrideAccess: true })).totalDocs;
  }
  return counts;
}

export const seedPath = path.resolve(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'seed', 'upi-inter-korea-liaison-office.txt');
