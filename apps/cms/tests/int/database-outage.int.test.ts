import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { handleEndpoints, type Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTemporaryPostgres, withDatabase } from '../../../../scripts/postgres-server.mjs';
import { answeringDatabaseOutages } from '../../src/lib/database-outage';
import { paragraphsToLexical } from '../../src/lib/lexical';
import { closePayload, openPayload } from '../../src/lib/open-payload';

type Server = Awaited<ReturnType<typeof startTemporaryPostgres>>;

// Its own PostgreSQL server, stopped and started again on the same port and data, as an outage would.
describe('the CMS while its database is down', () => {
  let dir: string;
  let server: Server;
  let port: number;
  let payload: Payload;
  let token: string;
  const key = `outage:${Date.now()}`;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'newsroom-outage-'));
    // PostgreSQL runs as its own user, which must reach the data folder inside.
    chmodSync(dir, 0o711);
    server = await startTemporaryPostgres({ dir: path.join(dir, 'pg') });
    port = server.port;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE outage');
    await admin.end();
    payload = await openPayload({ database: { dialect: 'postgres', url: withDatabase(server.url, 'outage') }, key, logToStderr: true });
    await payload.create({ collection: 'users', data: { email: 'editor@example.com', password: 'outage-test-password', role: 'editor' }, overrideAccess: true });
    token = (await call('POST', '/users/login', { email: 'editor@example.com', password: 'outage-test-password' })).body.token;
  });

  afterAll(async () => {
    if (payload) await closePayload(payload).catch(() => {});
    server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Payload's REST handler behind the same wrapper the CMS's route uses. */
  async function call(method: string, apiPath: string, json?: unknown, auth?: string) {
    const handler = answeringDatabaseOutages(
      (request) => handleEndpoints({ config: payload.config, payloadInstanceCacheKey: key, request }),
      async () => payload,
    );
    const headers = new Headers(json ? { 'Content-Type': 'application/json' } : {});
    if (auth) headers.set('Authorization', `JWT ${auth}`);
    const request = new Request(`http://localhost:3001/api${apiPath}`, { method, headers, body: json ? JSON.stringify(json) : undefined });
    const response = await handler(request, { params: Promise.resolve({ slug: apiPath.split('/').filter(Boolean) }) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  it('answers 503 with Retry-After and a clear message, saves nothing, and recovers by itself', async () => {
    expect((await call('GET', '/articles?limit=1')).status).toBe(200);

    server.stop();
    const read = await call('GET', '/articles?limit=1');
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toBe('5');
    expect(read.body.errors[0].message).toMatch(/database is unavailable/i);
    const write = await call('POST', '/articles', { headline: 'Written during the outage', body: paragraphsToLexical(['Lost?']), _status: 'published' }, token);
    expect(write.status).toBe(503);

    server = await startTemporaryPostgres({ dir: path.join(dir, 'pg'), port });
    const deadline = Date.now() + 20_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await call('GET', '/articles?limit=1')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    const { totalDocs } = await payload.count({ collection: 'articles', overrideAccess: true });
    expect(totalDocs).toBe(0);
    // And editors can write again.
    expect((await call('POST', '/articles', { headline: 'Written after the outage', body: paragraphsToLexical(['Saved.']), _status: 'published' }, token)).status).toBe(201);
  });
});
