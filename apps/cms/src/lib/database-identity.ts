import { randomUUID } from 'node:crypto';

import type { Endpoint, Payload } from 'payload';

/**
 * A stable, random id for each database, so that whatever caches what the CMS serves can tell one database from
 * another (ADR 0015): the reader site keeps its caches beside the id they were filled from and drops them when the
 * CMS answers with another one — a change of DATABASE_URL never serves the old database's pages.
 *
 * It lives in Payload's key-value table. The migration that introduced it writes it (20261201_120000_archive_scale);
 * a database that somehow lacks it gets one on first read.
 */
export const DATABASE_ID_KEY = 'newsroom:database-id';

type IdentityRow = { id: string };

function idOf(data: unknown): string | undefined {
  const value = typeof data === 'string' ? safeJson(data) : data;
  const id = (value as Partial<IdentityRow> | null | undefined)?.id;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const cached = new WeakMap<Payload, string>();

export async function databaseIdentity(payload: Payload): Promise<string> {
  const known = cached.get(payload);
  if (known) return known;
  let id = idOf(await payload.kv.get(DATABASE_ID_KEY));
  if (!id) {
    try {
      await payload.db.create({ collection: 'payload-kv', data: { key: DATABASE_ID_KEY, data: { id: randomUUID() } }, req: {} });
    } catch {
      // Another process wrote it first (the key is unique): theirs stands.
    }
    id = idOf(await payload.kv.get(DATABASE_ID_KEY));
    if (!id) throw new Error('the database has no identity and none could be written');
  }
  cached.set(payload, id);
  return id;
}

/** `GET /api/database-identity` → `{"id":"…"}`: public (it says nothing but "which database"), never cached. */
export const databaseIdentityEndpoint: Endpoint = {
  path: '/database-identity',
  method: 'get',
  handler: async (req) =>
    Response.json({ id: await databaseIdentity(req.payload) }, { headers: { 'Cache-Control': 'no-store' } }),
};
