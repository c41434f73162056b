// The revalidation outbox on real SQLite and PostgreSQL, through the Local API: what a change means for readers is
// queued in Payload's jobs queue inside the change's own transaction, delivered to the site once it commits (never for
// a rollback), split into requests the site accepts, and retried until a site that was down has it.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { importWireStories, parseWireFiles } from '../../src/import/wire-import';
import { revalidationOutbox } from '../../src/jobs/outbox';
import { MAX_TAGS_PER_REQUEST, REVALIDATE_QUEUE } from '../../src/jobs/revalidate';
import { paragraphsToLexical } from '../../src/lib/lexical';
import { DIALECTS, openTestPayload, type TestPayload } from '../support/databases';

/** What the site accepts in one request (apps/web/src/lib/cache-tags.ts). */
const SITE_MAX_TAGS = 500;
const SECRET = 'integration-secret';

type Received = { tags: string[]; at: number };

/**
 * A real HTTP server standing in for the reader site's POST /api/revalidate: checks the secret, refuses more than 500
 * tags as the site does, records what it accepted. It can be stopped (connections refused) and started again on the
 * same port.
 */
class StandInSite {
  received: Received[] = [];
  refused = 0;
  /** Tags this site does not know (as an older site would refuse a newer CMS's): a body with one is refused, 400. */
  unknown = new Set<string>();
  private server: Server | undefined;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { tags?: string[] };
      const tags = body.tags ?? [];
      if (req.headers['x-revalidate-secret'] !== SECRET || req.url !== '/api/revalidate' || tags.length === 0 || tags.length > SITE_MAX_TAGS) {
        this.refused++;
        res.writeHead(tags.length > SITE_MAX_TAGS ? 400 : 401, { 'content-type': 'application/json' }).end('{"error":"refused"}');
        return;
      }
      const unknown = tags.find((tag) => this.unknown.has(tag));
      if (unknown) {
        this.refused++;
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `unknown tag "${unknown}"` }));
        return;
      }
      this.received.push({ tags, at: performance.now() });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ revalidated: true, tags }));
    });
    this.server.listen(this.port, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    const closed = once(this.server, 'close');
    this.server.close();
    this.server.closeAllConnections();
    await closed;
    this.server = undefined;
  }

  get tags(): string[] {
    return this.received.flatMap((request) => request.tags);
  }

  reset(): void {
    this.received = [];
    this.refused = 0;
    this.unknown.clear();
  }
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await check()) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

/** The revalidate jobs in the queue, as `req` (inside its transaction) or anyone else sees them. */
async function queuedJobs(payload: Payload, req?: PayloadRequest) {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { queue: { equals: REVALIDATE_QUEUE } },
    depth: 0,
    limit: 100,
    overrideAccess: true,
    ...(req ? { req } : {}),
  });
  return docs as unknown as { id: number | string; input: { tags: string[] }; totalTried?: number; completedAt?: string | null }[];
}

function liveStory(headline: string) {
  return {
    headline,
    body: paragraphsToLexical(['A paragraph of test copy.']) as never,
    dateline: { month: 1, day: 5, agency: 'Test' },
    _status: 'published' as const,
  };
}

/** A name of letters only (bylines are names): 0 → "Aa", 1 → "Ab", … */
const letters = (i: number) => `${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`;

/** A wire story with its own reporter, so that each story brings an article tag and an author tag. */
function wireStory(i: number) {
  return {
    name: `story-${i}.txt`,
    content: [`Harbor plan ${i} approved by the council`, '', `By Reporter ${letters(i)}`, '', `LISBON, April 4 (UPI) -- Plan ${i} passed on Tuesday.`].join('\n'),
  };
}

const env = { REVALIDATE_SECRET: process.env.REVALIDATE_SECRET, WEB_INTERNAL_URL: process.env.WEB_INTERNAL_URL };
const site = new StandInSite();

beforeAll(async () => {
  await site.start();
  process.env.REVALIDATE_SECRET = SECRET;
  process.env.WEB_INTERNAL_URL = `http://127.0.0.1:${site.port}`;
});
afterAll(async () => {
  await site.stop();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe.each(DIALECTS)('revalidation outbox on %s', (dialect) => {
  let t: TestPayload;
  beforeAll(async () => {
    t = await openTestPayload(dialect);
  });
  afterAll(async () => t?.close());
  afterEach(async () => {
    await revalidationOutbox(t.payload).idle();
    site.reset();
  });

  it('queues a publish’s revalidation inside its own transaction, and delivers it promptly once that commits', async () => {
    const req = await createLocalReq({}, t.payload);
    await initTransaction(req);
    const doc = await t.payload.create({ collection: 'articles', data: liveStory('Ferry fares frozen for the summer'), overrideAccess: true, req });

    const inside = await queuedJobs(t.payload, req);
    expect(inside).toHaveLength(1);
    expect(inside[0]!.input.tags).toEqual(expect.arrayContaining(['articles', `article:${doc.slug}`]));
    // Nobody outside the transaction sees the job, and nothing has been sent.
    expect(await queuedJobs(t.payload)).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(site.received).toHaveLength(0);

    const committed = performance.now();
    await commitTransaction(req);
    await until(() => site.tags.includes(`article:${doc.slug}`), 5_000, 'delivery after commit');
    const latency = site.received[0]!.at - committed;
    console.log(`${dialect}: commit → the site has the revalidation in ${latency.toFixed(1)} ms`);
    expect(latency).toBeLessThan(400);
    expect(site.received).toHaveLength(1);
    await revalidationOutbox(t.payload).idle();
    // Delivered jobs leave the queue.
    expect(await queuedJobs(t.payload)).toHaveLength(0);
  });

  it('queues nothing and sends nothing for a write that rolls back', async () => {
    const req = await createLocalReq({}, t.payload);
    await initTransaction(req);
    await t.payload.create({ collection: 'articles', data: liveStory('A story that never was'), overrideAccess: true, req });
    expect(await queuedJobs(t.payload, req)).toHaveLength(1);
    await killTransaction(req);

    await new Promise((resolve) => setTimeout(resolve, 300));
    await revalidationOutbox(t.payload).idle();
    expect(await queuedJobs(t.payload)).toHaveLength(0);
    expect(site.received).toHaveLength(0);
    expect(await t.payload.count({ collection: 'articles', where: { headline: { equals: 'A story that never was' } }, overrideAccess: true })).toMatchObject({
      totalDocs: 0,
    });

    // An operation that fails after the revalidation hook has run (a later hook throws) rolls its job back too.
    const hooks = t.payload.collections.articles.config.hooks.afterChange;
    const failing = ({ req: hookReq }: { req: PayloadRequest }) => {
      if (hookReq.context?.failAfterHooks) throw new Error('a later hook failed');
    };
    hooks.push(failing as never);
    try {
      await expect(
        t.payload.create({ collection: 'articles', data: liveStory('Refused story'), overrideAccess: true, context: { failAfterHooks: true } }),
      ).rejects.toThrow('a later hook failed');
    } finally {
      hooks.splice(hooks.indexOf(failing as never), 1);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await queuedJobs(t.payload)).toHaveLength(0);
    expect(site.received).toHaveLength(0);
  });

  it('delivers one import transaction of 300 stories — 600-odd tags — in a few requests the site accepts', async () => {
    const stories = parseWireFiles(Array.from({ length: 300 }, (_, i) => wireStory(i)));
    const imported = await importWireStories(t.payload, stories, { publish: true });
    expect(imported).toHaveLength(300);
    const expected = ['articles', ...imported.map((story) => `article:${story.slug}`)];
    await until(() => expected.every((tag) => site.tags.includes(tag)), 30_000, 'every tag of the import');
    await revalidationOutbox(t.payload).idle();

    const authors = site.tags.filter((tag) => tag.startsWith('author:'));
    expect(authors).toHaveLength(300);
    expect(site.tags.length).toBeGreaterThanOrEqual(601);
    expect(site.refused).toBe(0);
    for (const request of site.received) expect(request.tags.length).toBeLessThanOrEqual(MAX_TAGS_PER_REQUEST);
    expect(site.received.length).toBe(Math.ceil(new Set(site.tags).size / MAX_TAGS_PER_REQUEST));
    // Each tag once; the front page's tag in the first request.
    expect(new Set(site.tags).size).toBe(site.tags.length);
    expect(site.received[0]!.tags).toContain('articles');
  });

  it('gets every other tag through when the site refuses one of them, by sending the refused request in halves', async () => {
    site.unknown.add('article:a-story-the-site-refuses');
    const doc = await t.payload.create({ collection: 'articles', data: liveStory('A story the site refuses'), overrideAccess: true });
    expect(doc.slug).toBe('a-story-the-site-refuses');
    await until(() => site.tags.includes('articles'), 10_000, 'the tags the site knows');
    await revalidationOutbox(t.payload).idle();
    expect(site.tags).not.toContain('article:a-story-the-site-refuses');
    expect(site.refused).toBeGreaterThanOrEqual(2);
    // Nothing is left to retry: the one refused tag is dropped, not retried for ever.
    expect(await queuedJobs(t.payload)).toHaveLength(0);
  });

  it('leaves the job queued in a process that knows no site, for one that does (a CLI beside the CMS server)', async () => {
    const target = process.env.WEB_INTERNAL_URL;
    delete process.env.WEB_INTERNAL_URL;
    let doc;
    try {
      doc = await t.payload.create({ collection: 'articles', data: liveStory('Tram line 28 runs again'), overrideAccess: true });
      await revalidationOutbox(t.payload).idle();
      const [waiting, ...others] = await queuedJobs(t.payload);
      expect(others).toHaveLength(0);
      expect(waiting!.input.tags).toContain(`article:${doc.slug}`);
      expect(site.received).toHaveLength(0);
    } finally {
      process.env.WEB_INTERNAL_URL = target;
    }
    // A process that knows the site runs the queue (here the same one, now configured): the job is delivered.
    revalidationOutbox(t.payload).kick();
    await until(() => site.tags.includes(`article:${doc.slug}`), 5_000, 'delivery by a process that knows the site');
    await revalidationOutbox(t.payload).idle();
    expect(await queuedJobs(t.payload)).toHaveLength(0);
  });

  it('keeps a delivery the site missed while it was down, and delivers it once the site is back', async () => {
    await site.stop();
    const doc = await t.payload.create({ collection: 'articles', data: liveStory('Lighthouse reopens to visitors'), overrideAccess: true });
    // Connections are refused; the job stays queued and is retried.
    await until(async () => (await queuedJobs(t.payload)).some((job) => (job.totalTried ?? 0) >= 2), 5_000, 'two failed attempts');
    const [waiting] = await queuedJobs(t.payload);
    expect(waiting!.input.tags).toContain(`article:${doc.slug}`);
    expect(waiting!.completedAt ?? null).toBeNull();
    expect(site.received).toHaveLength(0);

    await site.start();
    const back = performance.now();
    await until(() => site.tags.includes(`article:${doc.slug}`), 15_000, 'the delivery after the site came back');
    console.log(`${dialect}: delivered ${(performance.now() - back).toFixed(0)} ms after the site came back`);
    await revalidationOutbox(t.payload).idle();
    expect(await queuedJobs(t.payload)).toHaveLength(0);
  });

  it('delivers at once, when the site says it is back, what was waiting minutes for its next retry', async () => {
    await site.stop();
    const doc = await t.payload.create({ collection: 'articles', data: liveStory('Night buses return to the coast road'), overrideAccess: true });
    await until(async () => (await queuedJobs(t.payload)).some((job) => (job.totalTried ?? 0) >= 1), 5_000, 'a failed attempt');
    await revalidationOutbox(t.payload).idle();
    // As after a long outage: the next retry is ten minutes away.
    const later = new Date(Date.now() + 10 * 60_000).toISOString();
    await t.payload.db.updateJobs({ where: { queue: { equals: REVALIDATE_QUEUE } }, data: { waitUntil: later }, returning: false });
    await site.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(site.tags).not.toContain(`article:${doc.slug}`);

    const started = performance.now();
    expect(await revalidationOutbox(t.payload).redeliverNow()).toBe(0);
    expect(site.tags).toContain(`article:${doc.slug}`);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await queuedJobs(t.payload)).toHaveLength(0);
    // Nothing waiting: a second call has nothing to do.
    site.reset();
    expect(await revalidationOutbox(t.payload).redeliverNow()).toBe(0);
    expect(site.received).toHaveLength(0);
  });
});
