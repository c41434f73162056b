import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';

import { gatedClient, isStaleSnapshot, SQLITE_BUSY_TIMEOUT_MS, WriteQueue } from './sqlite';

type Client = ReturnType<typeof createClient>;

const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-sqlite-'));
const url = `file:${path.join(dir, 'gated.db')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A libsql error as the client raises it, wrapped as drizzle and Payload pass it on. */
function libsqlError(code: string): Error {
  return new Error('Failed query', { cause: Object.assign(new Error(`${code}: database is locked`), { code }) });
}

/** A real client whose first `transaction()` fails as given; counts its calls and whether it was closed. */
function failingOnce(error: Error) {
  const real = createClient({ url });
  const calls = { transactions: 0, closed: false };
  const client = new Proxy(real, {
    get(target, prop) {
      if (prop === 'transaction')
        return async (mode?: 'write' | 'read' | 'deferred') => {
          calls.transactions++;
          if (calls.transactions === 1) throw error;
          return target.transaction(mode);
        };
      if (prop === 'close')
        return () => {
          calls.closed = true;
          target.close();
        };
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Client;
  return { client, calls };
}

/** The gated client over `client`, reopening on the same file; `reopened()` says how often it did. */
function gatedOn(client: Client) {
  let count = 0;
  const gated = gatedClient(client, new WriteQueue(1000), () => {
    count++;
    return createClient({ url });
  });
  return { gated, reopened: () => count };
}

describe('gatedClient: a connection reading an old snapshot', () => {
  it('recognises SQLITE_BUSY_SNAPSHOT however deep it is wrapped, and nothing else', () => {
    expect(isStaleSnapshot(libsqlError('SQLITE_BUSY_SNAPSHOT'))).toBe(true);
    expect(isStaleSnapshot(libsqlError('SQLITE_BUSY'))).toBe(false);
    expect(isStaleSnapshot(new Error('SQLITE_BUSY_SNAPSHOT in the message only'))).toBe(false);
  });

  it('is replaced by a fresh client, on which the write begins, with the per-connection settings', async () => {
    const { client, calls } = failingOnce(libsqlError('SQLITE_BUSY_SNAPSHOT'));
    const { gated, reopened } = gatedOn(client);
    await gated.execute('CREATE TABLE IF NOT EXISTS saves (n INTEGER)');
    const tx = await gated.transaction('write');
    await tx.execute('INSERT INTO saves VALUES (1)');
    expect(Number((await tx.execute('PRAGMA busy_timeout')).rows[0]![0])).toBe(SQLITE_BUSY_TIMEOUT_MS);
    await tx.commit();
    expect(reopened()).toBe(1);
    expect(calls.closed).toBe(true);
    // Everything after goes to the fresh client, and the write queue was released.
    expect(Number((await gated.execute('SELECT count(*) FROM saves')).rows[0]![0])).toBe(1);
    const next = await gated.transaction('write');
    await next.rollback();
    gated.close();
  });

  it('passes any other failure to begin on, keeping its client, and releases the write queue', async () => {
    const { client, calls } = failingOnce(libsqlError('SQLITE_BUSY'));
    const { gated, reopened } = gatedOn(client);
    await expect(gated.transaction('write')).rejects.toThrow('Failed query');
    expect(reopened()).toBe(0);
    expect(calls.closed).toBe(false);
    const tx = await gated.transaction('write');
    await tx.rollback();
    gated.close();
  });
});
