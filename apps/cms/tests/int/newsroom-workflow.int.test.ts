// The newsroom's day in the CMS, on real SQLite and PostgreSQL: the workflow status and who may move it, server-dated
// corrections, embargoes that hide a story from anonymous REST and GraphQL until a queued job puts it out, killing and
// restoring a story (and the public "gone" lookup), the audit trail of all of it, and the story budget.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

import { configToSchema } from '@payloadcms/graphql';
import type { graphql as graphqlFunction, GraphQLSchema } from 'graphql';
import { createLocalReq, handleEndpoints, type Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadBudget } from '../../src/components/StoryBudget/budget';
import { importWireStories, parseWireFiles } from '../../src/import/wire-import';
import { LIFT_EMBARGO_QUEUE, LIFT_EMBARGO_TASK } from '../../src/jobs/liftEmbargo';
import { paragraphsToLexical } from '../../src/lib/lexical';
import { DIALECTS, openTestPayload, type TestPayload } from '../support/databases';
import { anHourAgo, makeUser, TEST_PASSWORD, type TestUser } from '../support/fixtures';
import { rest } from '../support/rest';

const SECRET = 'workflow-test-secret';

// GraphQL as Payload's own GraphQL route runs it: the one copy of `graphql` that @payloadcms/graphql builds its schema
// with (Node's resolution; the test runner's own would load a second copy that rejects the schema).
const { graphql } = createRequire(import.meta.url)('graphql') as { graphql: typeof graphqlFunction };

/** The reader site's POST /api/revalidate, standing in: checks the secret and records the tags it is told. */
class StandInSite {
  received: string[][] = [];
  port = 0;
  private server: Server | undefined;

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (req.url !== '/api/revalidate' || req.headers['x-revalidate-secret'] !== SECRET) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"refused"}');
        return;
      }
      const { tags = [] } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { tags?: string[] };
      this.received.push(tags);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ revalidated: true, tags }));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    const closed = once(this.server, 'close');
    this.server.close();
    this.server.closeAllConnections();
    await closed;
  }

  get tags(): string[] {
    return this.received.flat();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(20);
  }
}

const env = { REVALIDATE_SECRET: process.env.REVALIDATE_SECRET, WEB_INTERNAL_URL: process.env.WEB_INTERNAL_URL };
const site = new StandInSite();

beforeAll(async () => {
  await site.start();
  process.env.REVALIDATE_SECRET = SECRET;
  process.env.WEB_INTERNAL_URL = `http://127.0.0.1:${site.port}`;
});

afterAll(async () => {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await site.stop();
});

let counter = 0;
const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)} ${++counter}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents as the API returns them, read loosely
type Doc = any;

describe.each(DIALECTS)('the newsroom day on %s', (dialect) => {
  let t: TestPayload;
  let payload: Payload;
  let schema: GraphQLSchema;
  const users = {} as Record<'contributor' | 'editor' | 'admin', TestUser>;
  const tokens = {} as Record<'contributor' | 'editor' | 'admin', string>;

  beforeAll(async () => {
    t = await openTestPayload(dialect);
    payload = t.payload;
    // The first account made is always an admin: the admin comes first.
    for (const role of ['admin', 'editor', 'contributor'] as const) {
      users[role] = await makeUser(payload, role);
      tokens[role] = (await payload.login({ collection: 'users', data: { email: users[role].email, password: TEST_PASSWORD } })).token!;
    }
    schema = configToSchema(payload.config).schema;
  });
  afterAll(async () => t?.close());

  const story = (headline: string, extra: Record<string, unknown> = {}) => ({
    headline,
    body: paragraphsToLexical(['The council met on Tuesday.', 'It voted to reopen the pier.']),
    dateline: { month: 4, day: 2, agency: 'Test' },
    ...extra,
  });

  /** A published story, saved by `as` (the editor unless said otherwise) through the Local API. */
  async function published(headline: string, extra: Record<string, unknown> = {}, as: TestUser = users.editor): Promise<Doc> {
    return payload.create({
      collection: 'articles',
      overrideAccess: false,
      user: as as never,
      data: story(headline, { _status: 'published', publishedAt: anHourAgo(), ...extra }) as never,
    });
  }

  async function draft(headline: string, as: TestUser = users.contributor, extra: Record<string, unknown> = {}): Promise<Doc> {
    return payload.create({ collection: 'articles', draft: true, overrideAccess: false, user: as as never, data: story(headline, { _status: 'draft', ...extra }) as never });
  }

  const anonymousBySlug = async (slug: string, query = '') =>
    (await rest(t, `/articles?where[slug][equals]=${encodeURIComponent(slug)}&depth=0${query}`)).body.docs as Doc[];

  async function gql(source: string, user?: TestUser): Promise<{ data?: Doc; errors?: readonly { message: string }[] }> {
    const req = await createLocalReq({ user: user as never }, payload);
    req.payloadAPI = 'GraphQL';
    return (await graphql({ schema, source, contextValue: { req, headers: {} } })) as never;
  }

  const gqlSlugs = async (slug: string, user?: TestUser) => {
    const result = await gql(`{ Articles(where: { slug: { equals: ${JSON.stringify(slug)} } }) { docs { id slug headline } } }`, user);
    expect(result.errors).toBeUndefined();
    return (result.data.Articles.docs as { slug: string }[]).map((doc) => doc.slug);
  };

  const gqlById = async (id: number | string, user?: TestUser) => {
    const result = await gql(`{ Article(id: ${JSON.stringify(id)}) { id slug } }`, user);
    return result.data?.Article ?? null;
  };

  async function auditOf(id: number | string): Promise<Doc[]> {
    const { docs } = await payload.find({ collection: 'audit-log', where: { article: { equals: id } }, sort: 'createdAt', depth: 0, limit: 100, overrideAccess: true });
    return docs;
  }

  /** A job still to run (a finished one is completed, or removed from the queue). */
  async function pendingJob(id: number | string): Promise<Doc | null> {
    const job = await payload.findByID({ collection: 'payload-jobs', id, overrideAccess: true, disableErrors: true });
    return job && !job.completedAt ? job : null;
  }

  const latest = async (id: number | string): Promise<Doc> => payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true });

  describe('workflow', () => {
    it('a new draft starts in progress; imported wire copy starts in review', async () => {
      const written = await draft(unique('Harbour dredging'));
      expect(written.workflowStatus).toBe('in-progress');
      const wire = parseWireFiles([
        { name: 'wire.txt', content: [`Pier reopens ${unique('after storm')}`, '', 'By Ana Ruiz', '', 'LISBON, April 4 (UPI) -- The pier reopened on Tuesday.'].join('\n') },
      ]);
      const [imported] = await importWireStories(payload, wire, { user: users.contributor as never });
      expect((await latest(imported!.id!)).workflowStatus).toBe('in-review');
    });

    it('contributors move their own story among pitch, in progress and in review; editors assign and pass it as ready', async () => {
      const { id } = await draft(unique('Bridge tolls'));
      const patch = (who: keyof typeof tokens, data: Record<string, unknown>) => rest(t, `/articles/${id}?draft=true&depth=0`, { method: 'PATCH', json: data, token: tokens[who] });

      expect((await patch('contributor', { workflowStatus: 'pitch' })).status).toBe(200);
      const refusedAssign = await patch('contributor', { workflowStatus: 'assigned' });
      expect(refusedAssign.status).toBe(403);
      expect(JSON.stringify(refusedAssign.body)).toMatch(/Only editors and admins mark a story \\"Assigned\\"/);
      const refusedAssignee = await patch('contributor', { assignee: users.contributor.id });
      expect(refusedAssignee.status).toBe(403);
      expect(JSON.stringify(refusedAssignee.body)).toMatch(/Only editors and admins change the assignee/);
      expect((await latest(id)).assignee ?? null).toBeNull();

      const assigned = await patch('editor', { workflowStatus: 'assigned', assignee: users.contributor.id, deadline: '2031-05-06T15:00:00.000Z' });
      expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
      // The contributor picks the assignment up and sends it to review; the admin form sends the desk's fields unchanged.
      const picked = await patch('contributor', { workflowStatus: 'in-progress', assignee: users.contributor.id, deadline: '2031-05-06T15:00:00.000Z' });
      expect(picked.status, JSON.stringify(picked.body)).toBe(200);
      expect((await patch('contributor', { workflowStatus: 'in-review' })).status).toBe(200);
      expect((await patch('contributor', { workflowStatus: 'ready' })).status).toBe(403);
      expect((await patch('editor', { workflowStatus: 'ready' })).status).toBe(200);
      const back = await patch('contributor', { workflowStatus: 'in-progress' });
      expect(back.status).toBe(403);
      expect(JSON.stringify(back.body)).toMatch(/marked this story ready/);

      const stored = await latest(id);
      expect(stored.workflowStatus).toBe('ready');
      expect(String(stored.assignee)).toBe(String(users.contributor.id));
      expect(Date.parse(stored.deadline)).toBe(Date.parse('2031-05-06T15:00:00.000Z'));
      // Publishing stays its own act.
      expect(stored._status).toBe('draft');

      const moves = (await auditOf(id)).filter((entry) => entry.action === 'status-changed');
      expect(moves.map((entry) => [entry.details.from, entry.details.to, entry.userEmail])).toEqual([
        ['in-progress', 'pitch', users.contributor.email],
        ['pitch', 'assigned', users.editor.email],
        ['assigned', 'in-progress', users.contributor.email],
        ['in-progress', 'in-review', users.contributor.email],
        ['in-review', 'ready', users.editor.email],
      ]);
      expect(moves.every((entry) => String(entry.user) === String(entry.userEmail === users.editor.email ? users.editor.id : users.contributor.id))).toBe(true);
    });

    it('anonymous readers of a published story see its corrections, never its workflow, embargo, kill or audit fields', async () => {
      const doc = await published(unique('Ferry timetable'), {
        assignee: users.contributor.id,
        deadline: anHourAgo(),
        workflowStatus: 'ready',
        corrections: [{ kind: 'clarification', text: 'The ferry runs on weekdays only.' }],
      });
      const [seen] = await anonymousBySlug(doc.slug);
      expect(seen).toBeDefined();
      for (const hidden of ['workflowStatus', 'assignee', 'deadline', 'embargoedUntil', 'killedAt', 'killedBy', 'killReason', 'auditTrail', 'createdBy']) {
        expect(seen, hidden).not.toHaveProperty(hidden);
      }
      expect(seen.corrections).toEqual([expect.objectContaining({ kind: 'clarification', text: 'The ferry runs on weekdays only.', at: expect.any(String) })]);
      const staff = (await rest(t, `/articles/${doc.id}?depth=0`, { token: tokens.contributor })).body;
      expect(staff.workflowStatus).toBe('ready');
    });
  });

  describe('corrections', () => {
    it('are dated by the server when first saved, whatever the client sends, and keep that date on later saves', async () => {
      const doc = await published(unique('Rail strike'));
      const patch = (corrections: unknown[]) => rest(t, `/articles/${doc.id}?depth=0`, { method: 'PATCH', json: { corrections }, token: tokens.editor });

      const before = Date.now();
      const first = await patch([{ kind: 'correction', text: 'The strike is on Friday, not Thursday.', at: '2001-01-01T00:00:00.000Z' }]);
      const after = Date.now();
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      const [stamped] = first.body.doc.corrections;
      expect(Date.parse(stamped.at)).toBeGreaterThanOrEqual(before - 5);
      expect(Date.parse(stamped.at)).toBeLessThanOrEqual(after + 5);

      await sleep(30);
      const second = await patch([
        { id: stamped.id, kind: 'correction', text: 'The strike is on Friday, not on Thursday.', at: '2040-01-01T00:00:00.000Z' },
        { kind: 'update', text: 'The union has called the strike off.', at: '1999-01-01T00:00:00.000Z' },
      ]);
      expect(second.status, JSON.stringify(second.body)).toBe(200);
      const [kept, added] = second.body.doc.corrections;
      expect(kept.at).toBe(stamped.at);
      expect(kept.text).toBe('The strike is on Friday, not on Thursday.');
      expect(Date.parse(added.at)).toBeGreaterThan(Date.parse(stamped.at));
      expect(Date.parse(added.at)).toBeLessThanOrEqual(Date.now() + 5);

      const stored = await payload.findByID({ collection: 'articles', id: doc.id, depth: 0, overrideAccess: true });
      expect(stored.corrections?.map((row) => row.at)).toEqual([stamped.at, added.at]);
      expect(stored._status).toBe('published');
      const [seen] = await anonymousBySlug(doc.slug);
      expect(seen.corrections.map((row: Doc) => [row.kind, row.text, row.at])).toEqual([
        ['correction', 'The strike is on Friday, not on Thursday.', stamped.at],
        ['update', 'The union has called the strike off.', added.at],
      ]);

      const corrected = (await auditOf(doc.id)).filter((entry) => entry.action === 'corrected');
      expect(corrected.map((entry) => [entry.details.correctionKind, entry.userEmail])).toEqual([
        ['correction', users.editor.email],
        ['update', users.editor.email],
      ]);
    });

    it('contributors add none: not to their own draft, nor to their own published story', async () => {
      const own = await draft(unique('Library hours'));
      const onDraft = await rest(t, `/articles/${own.id}?draft=true`, { method: 'PATCH', json: { corrections: [{ kind: 'correction', text: 'Sneaked in.' }] }, token: tokens.contributor });
      expect(onDraft.status).toBe(403);
      expect(JSON.stringify(onDraft.body)).toMatch(/Only editors and admins change corrections/);

      const mine = await published(unique('Museum reopens'), {}, users.editor);
      await payload.update({ collection: 'articles', id: mine.id, overrideAccess: true, data: { createdBy: users.contributor.id } as never });
      const onLive = await rest(t, `/articles/${mine.id}`, { method: 'PATCH', json: { corrections: [{ kind: 'update', text: 'Sneaked in.' }] }, token: tokens.contributor });
      expect(onLive.status).toBe(403);
      expect((await latest(own.id)).corrections ?? []).toHaveLength(0);
      expect((await latest(mine.id)).corrections ?? []).toHaveLength(0);
    });
  });

  describe('embargo', () => {
    it('hides a published story from anonymous REST and GraphQL until it lifts; a queued job then tells the site', async () => {
      const lifts = new Date(Date.now() + 5000);
      const doc = await published(unique('Budget leak'), { embargoedUntil: lifts.toISOString() });

      expect(await anonymousBySlug(doc.slug)).toHaveLength(0);
      expect(await anonymousBySlug(doc.slug, '&draft=true')).toHaveLength(0);
      expect((await rest(t, `/articles/${doc.id}`)).status).toBe(404);
      expect(await gqlSlugs(doc.slug)).toEqual([]);
      expect(await gqlById(doc.id)).toBeNull();
      // Staff see it, over REST and GraphQL.
      expect((await rest(t, `/articles?where[slug][equals]=${doc.slug}`, { token: tokens.contributor })).body.docs).toHaveLength(1);
      expect(await gqlSlugs(doc.slug, users.editor)).toEqual([doc.slug]);

      const jobs = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: LIFT_EMBARGO_TASK } }, depth: 0, limit: 100, overrideAccess: true });
      const lift = jobs.docs.filter((job) => String((job.input as { article?: unknown }).article) === String(doc.id));
      expect(lift).toHaveLength(1);
      expect(Date.parse(lift[0]!.waitUntil!)).toBe(lifts.getTime());
      expect(lift[0]!.queue).toBe('default');

      const embargoed = (await auditOf(doc.id)).filter((entry) => entry.action === 'embargoed');
      expect(embargoed.map((entry) => [Date.parse(entry.details.to), entry.userEmail])).toEqual([[lifts.getTime(), users.editor.email]]);

      // Not due yet: the default queue's run leaves it.
      await payload.jobs.run({ queue: 'default' });
      expect(await pendingJob(lift[0]!.id)).not.toBeNull();

      await until(() => Date.now() > lifts.getTime() + 50, 'the embargo lifting', 10_000);
      const told = site.received.length;
      expect((await anonymousBySlug(doc.slug)).map((d) => d.slug)).toEqual([doc.slug]);
      expect((await rest(t, `/articles/${doc.id}`)).status).toBe(200);
      expect(await gqlSlugs(doc.slug)).toEqual([doc.slug]);

      await payload.jobs.run({ queue: 'default' });
      expect(await pendingJob(lift[0]!.id)).toBeNull();
      await until(() => site.received.slice(told).flat().includes(`article:${doc.slug}`), 'the site told of the lifted embargo');
      expect(site.received.slice(told).flat()).toEqual(expect.arrayContaining([`article:${doc.slug}`, 'articles', 'headlines']));
    });

    it('the CMS runs the lift’s queue at least every minute', async () => {
      const autoRun = payload.config.jobs.autoRun;
      const crons = typeof autoRun === 'function' ? await autoRun(payload) : (autoRun ?? []);
      const minutely = crons.filter((entry) => {
        const fields = (entry.cron ?? '').trim().split(/\s+/);
        // Five fields: minute first; six: seconds, then minute. Every minute (or more often) means the minute is "*".
        const minute = fields.length === 6 ? fields[1] : fields[0];
        return (entry.queue ?? 'default') === LIFT_EMBARGO_QUEUE && minute === '*' && fields.slice(-4).every((field) => field === '*');
      });
      expect(minutely.length).toBeGreaterThan(0);
    });

    it('a curated headline does not announce an embargoed story', async () => {
      const doc = await published(unique('Merger talks'), { embargoedUntil: new Date(Date.now() + 3_600_000).toISOString() });
      const title = unique('Merger agreed');
      await payload.create({ collection: 'headlines', overrideAccess: true, data: { title, article: doc.id } as never });
      const { body } = await rest(t, `/headlines?where[title][equals]=${encodeURIComponent(title)}`);
      expect(body.docs).toHaveLength(0);
      expect((await rest(t, `/headlines?where[title][equals]=${encodeURIComponent(title)}`, { token: tokens.editor })).body.docs).toHaveLength(1);
    });

    it('an embargo moved later queues a new lift, and the earlier job tells the site nothing', async () => {
      const first = new Date(Date.now() + 2500);
      const doc = await published(unique('Court ruling'), { embargoedUntil: first.toISOString() });
      const later = new Date(Date.now() + 3_600_000);
      await payload.update({ collection: 'articles', id: doc.id, overrideAccess: false, user: users.editor as never, data: { embargoedUntil: later.toISOString() } as never });
      const pending = (await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: LIFT_EMBARGO_TASK } }, depth: 0, limit: 100, overrideAccess: true })).docs.filter(
        (job) => String((job.input as { article?: unknown }).article) === String(doc.id),
      );
      expect(pending.map((job) => Date.parse(job.waitUntil!)).sort()).toEqual([first.getTime(), later.getTime()]);

      await until(() => Date.now() > first.getTime() + 50, 'the first time passing', 10_000);
      const told = site.received.length;
      await payload.jobs.run({ queue: 'default' });
      expect(await pendingJob(pending.find((job) => Date.parse(job.waitUntil!) === first.getTime())!.id)).toBeNull();
      expect(await pendingJob(pending.find((job) => Date.parse(job.waitUntil!) === later.getTime())!.id)).not.toBeNull();
      await sleep(300);
      expect(site.received.slice(told).flat()).not.toContain(`article:${doc.slug}`);
      expect(await anonymousBySlug(doc.slug)).toHaveLength(0);
    });
  });

  describe('kill', () => {
    const kill = (id: number | string, json: unknown, token?: string) => rest(t, `/articles/${id}/kill`, { json, token });

    it('is for editors and admins only, with a reason of at most 1,000 characters, and says what is wrong', async () => {
      const doc = await published(unique('Council vote'));
      expect((await kill(doc.id, { reason: 'x' })).status).toBe(401);
      expect((await kill(doc.id, { reason: 'x' }, tokens.contributor)).status).toBe(403);

      const missing = await kill(doc.id, {}, tokens.editor);
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0].message).toMatch(/reason is required/i);
      expect((await kill(doc.id, { reason: '   ' }, tokens.editor)).status).toBe(400);
      expect((await kill(doc.id, { reason: 42 }, tokens.editor)).body.errors[0].message).toMatch(/must be text/);
      expect((await kill(doc.id, ['reason'], tokens.editor)).status).toBe(400);
      const long = await kill(doc.id, { reason: 'é'.repeat(1001) }, tokens.editor);
      expect(long.status).toBe(400);
      expect(long.body.errors[0].message).toMatch(/1001 characters long; at most 1000/);
      const notJson = await handleEndpoints({
        config: payload.config,
        payloadInstanceCacheKey: t.key,
        request: new Request(`http://localhost:3001/api/articles/${doc.id}/kill`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `JWT ${tokens.editor}` },
          body: 'reason=legal',
        }),
      });
      expect(notJson.status).toBe(400);
      expect(((await notJson.json()) as Doc).errors[0].message).toMatch(/not JSON/);
      const huge = await kill(doc.id, { reason: 'y'.repeat(17 * 1024) }, tokens.editor);
      expect(huge.status).toBe(413);
      expect((await kill(999_999, { reason: 'Legal' }, tokens.editor)).status).toBe(404);
      const unpublished = await draft(unique('Never out'));
      expect((await kill(unpublished.id, { reason: 'Legal' }, tokens.editor)).status).toBe(409);
      // Nothing of that left a mark.
      expect((await payload.findByID({ collection: 'articles', id: doc.id, overrideAccess: true })).killedAt ?? null).toBeNull();
      expect((await auditOf(doc.id)).filter((entry) => entry.action === 'killed')).toHaveLength(0);

      // A thousand characters (some of them two UTF-16 units) is fine.
      const exact = await kill(doc.id, { reason: `${'😀'.repeat(10)}${'z'.repeat(990)}` }, tokens.editor);
      expect(exact.status, JSON.stringify(exact.body)).toBe(200);
    });

    it('takes the story off every anonymous read at once, keeps its content, tells the site in the same transaction, and is audited', async () => {
      const section = await payload.create({ collection: 'sections', overrideAccess: true, data: { name: unique('Metro') } });
      const doc = await published(unique('Mayor resigns'), { section: section.id });
      // A pending edit saved over the live story.
      await payload.update({ collection: 'articles', id: doc.id, draft: true, overrideAccess: false, user: users.editor as never, data: { dek: 'Pending edit.' } as never });
      expect(await anonymousBySlug(doc.slug)).toHaveLength(1);

      const told = site.received.length;
      const before = Date.now();
      const killed = await kill(doc.id, { reason: '  Legal: the named source withdrew.  ' }, tokens.editor);
      expect(killed.status, JSON.stringify(killed.body)).toBe(200);
      expect(killed.body).toMatchObject({ slug: doc.slug, killReason: 'Legal: the named source withdrew.' });
      expect(Date.parse(killed.body.killedAt)).toBeGreaterThanOrEqual(before - 5);

      expect(await anonymousBySlug(doc.slug)).toHaveLength(0);
      expect(await anonymousBySlug(doc.slug, '&draft=true')).toHaveLength(0);
      expect((await rest(t, `/articles/${doc.id}`)).status).toBe(404);
      expect((await rest(t, `/articles/${doc.id}?draft=true`)).status).toBe(404);
      expect(await gqlSlugs(doc.slug)).toEqual([]);
      expect(await gqlById(doc.id)).toBeNull();
      await until(() => site.received.slice(told).flat().includes(`article:${doc.slug}`), 'the site told of the kill');
      expect(site.received.slice(told).flat()).toEqual(expect.arrayContaining([`article:${doc.slug}`, 'articles', 'headlines', `section:${section.slug}`]));

      const kept = (await rest(t, `/articles/${doc.id}?depth=0`, { token: tokens.editor })).body;
      expect(kept.headline).toBe(doc.headline);
      expect(JSON.stringify(kept.body)).toContain('It voted to reopen the pier.');
      expect(kept).toMatchObject({ killedAt: killed.body.killedAt, killReason: 'Legal: the named source withdrew.' });
      expect(String(kept.killedBy)).toBe(String(users.editor.id));
      expect((await latest(doc.id)).dek).toBe('Pending edit.');

      const gone = await rest(t, `/articles/gone/${doc.slug}`);
      expect(gone.status).toBe(200);
      expect(gone.body).toEqual({ slug: doc.slug, killedAt: killed.body.killedAt });
      expect((await kill(doc.id, { reason: 'Again' }, tokens.editor)).status).toBe(409);

      // Publishing the pending edit, or sending kill fields, brings nothing back.
      await payload.update({ collection: 'articles', id: doc.id, overrideAccess: false, user: users.editor as never, data: { _status: 'published' } as never });
      const cleared = await rest(t, `/articles/${doc.id}`, { method: 'PATCH', json: { killedAt: null, killReason: null }, token: tokens.admin });
      expect(cleared.status).toBe(200);
      const still = await payload.findByID({ collection: 'articles', id: doc.id, depth: 0, overrideAccess: true });
      expect(still).toMatchObject({ _status: 'published', dek: 'Pending edit.', killedAt: killed.body.killedAt });
      expect(await anonymousBySlug(doc.slug)).toHaveLength(0);

      const entries = (await auditOf(doc.id)).filter((entry) => entry.action === 'killed');
      expect(entries.map((entry) => [entry.userEmail, String(entry.user), entry.details.reason, entry.articleSlug])).toEqual([
        [users.editor.email, String(users.editor.id), 'Legal: the named source withdrew.', doc.slug],
      ]);
    });

    it('the gone lookup answers 200 for killed slugs only', async () => {
      const live = await published(unique('Harbour festival'));
      const unpublished = await draft(unique('Not yet'));
      expect((await rest(t, `/articles/gone/${live.slug}`)).status).toBe(404);
      expect((await rest(t, `/articles/gone/${unpublished.slug}`)).status).toBe(404);
      expect((await rest(t, '/articles/gone/no-such-story-anywhere')).status).toBe(404);
      const notFound = await rest(t, `/articles/gone/${live.slug}`);
      expect(JSON.stringify(notFound.body)).not.toContain(live.headline);
    });

    it('an admin restores a killed story; editors cannot', async () => {
      const doc = await published(unique('Stadium deal'));
      expect((await kill(doc.id, { reason: 'Pending legal review.' }, tokens.admin)).status).toBe(200);
      expect((await rest(t, `/articles/${doc.id}/restore`, { method: 'POST' })).status).toBe(401);
      expect((await rest(t, `/articles/${doc.id}/restore`, { method: 'POST', token: tokens.contributor })).status).toBe(403);
      expect((await rest(t, `/articles/${doc.id}/restore`, { method: 'POST', token: tokens.editor })).status).toBe(403);
      expect(await anonymousBySlug(doc.slug)).toHaveLength(0);

      const told = site.received.length;
      const restored = await rest(t, `/articles/${doc.id}/restore`, { json: { reason: 'Cleared by counsel.' }, token: tokens.admin });
      expect(restored.status, JSON.stringify(restored.body)).toBe(200);
      expect((await anonymousBySlug(doc.slug)).map((d) => d.slug)).toEqual([doc.slug]);
      expect(await gqlSlugs(doc.slug)).toEqual([doc.slug]);
      expect((await rest(t, `/articles/gone/${doc.slug}`)).status).toBe(404);
      expect((await payload.findByID({ collection: 'articles', id: doc.id, overrideAccess: true, depth: 0 })).killReason ?? null).toBeNull();
      await until(() => site.received.slice(told).flat().includes(`article:${doc.slug}`), 'the site told of the restore');
      expect((await rest(t, `/articles/${doc.id}/restore`, { method: 'POST', token: tokens.admin })).status).toBe(409);

      const trail = (await auditOf(doc.id)).filter((entry) => entry.action === 'killed' || entry.action === 'restored');
      expect(trail.map((entry) => [entry.action, entry.userEmail, entry.details.reason])).toEqual([
        ['killed', users.admin.email, 'Pending legal review.'],
        ['restored', users.admin.email, 'Cleared by counsel.'],
      ]);
    });
  });

  describe('audit trail', () => {
    it('records going live and coming down, by whom; a draft saved over a live story is neither', async () => {
      const { id } = await draft(unique('Tram fares'), users.editor);
      await payload.update({ collection: 'articles', id, overrideAccess: false, user: users.editor as never, data: { _status: 'published' } as never });
      await payload.update({ collection: 'articles', id, draft: true, overrideAccess: false, user: users.editor as never, data: { dek: 'Draft over live.' } as never });
      await payload.update({ collection: 'articles', id, overrideAccess: false, user: users.admin as never, data: { _status: 'draft' } as never });
      const trail = (await auditOf(id)).filter((entry) => entry.action === 'published' || entry.action === 'unpublished');
      expect(trail.map((entry) => [entry.action, entry.userEmail])).toEqual([
        ['published', users.editor.email],
        ['unpublished', users.admin.email],
      ]);
      expect(trail.every((entry) => entry.at && entry.articleSlug)).toBe(true);
    });

    it('is read by editors and admins only, and written, changed or deleted by nobody over the API', async () => {
      const doc = await published(unique('Water rates'));
      const [entry] = await auditOf(doc.id);
      expect(entry).toBeDefined();
      expect((await rest(t, '/audit-log')).status).toBe(403);
      expect((await rest(t, '/audit-log', { token: tokens.contributor })).status).toBe(403);
      expect((await rest(t, '/audit-log', { token: tokens.editor })).status).toBe(200);
      expect((await rest(t, '/audit-log', { json: { action: 'killed', at: new Date().toISOString() }, token: tokens.admin })).status).toBe(403);
      expect((await rest(t, `/audit-log/${entry.id}`, { method: 'PATCH', json: { summary: 'Rewritten' }, token: tokens.admin })).status).toBe(403);
      expect((await rest(t, `/audit-log/${entry.id}`, { method: 'DELETE', token: tokens.admin })).status).toBe(403);
      expect((await payload.findByID({ collection: 'audit-log', id: entry.id, overrideAccess: true })).summary).toBe(entry.summary);

      // The article's own audit tab (a join) for editors; nothing of it for anyone else.
      const asEditor = (await rest(t, `/articles/${doc.id}?depth=0`, { token: tokens.editor })).body;
      expect(asEditor.auditTrail.docs.length).toBeGreaterThan(0);
      const asContributor = (await rest(t, `/articles/${doc.id}?depth=0`, { token: tokens.contributor })).body;
      expect(asContributor.auditTrail).toBeUndefined();
      const [asReader] = await anonymousBySlug(doc.slug);
      expect(asReader.auditTrail).toBeUndefined();
    });
  });

  describe('story budget', () => {
    it('holds today’s and upcoming stories, filters by status, assignee and section, marks overdue ones, and leaves out killed and older ones', async () => {
      const section = await payload.create({ collection: 'sections', overrideAccess: true, data: { name: unique('Budget desk') } });
      const inSection = { section: section.id };
      const overdue = await draft(unique('Overdue piece'), users.editor, { ...inSection, assignee: users.contributor.id, deadline: new Date(Date.now() - 60_000).toISOString(), workflowStatus: 'assigned' });
      const pitch = await draft(unique('Pitch piece'), users.contributor, { ...inSection, workflowStatus: 'pitch' });
      const dueLater = await draft(unique('Later piece'), users.editor, { ...inSection, deadline: new Date(Date.now() + 86_400_000).toISOString() });
      const outToday = await published(unique('Out today'), { ...inSection, publishedAt: new Date().toISOString() });
      await published(unique('Out last week'), { ...inSection, publishedAt: new Date(Date.now() - 7 * 86_400_000).toISOString() });
      const killed = await published(unique('Killed today'), { ...inSection, publishedAt: new Date().toISOString() });
      expect((await kill(killed.id, { reason: 'Wrong person named.' })).status).toBe(200);

      const editor = await payload.findByID({ collection: 'users', id: users.editor.id, overrideAccess: true });
      const budget = await loadBudget(payload, { ...editor, collection: 'users' } as never, { section: String(section.id) });
      expect(budget.rows.map((row) => row.headline)).toEqual([overdue.headline, dueLater.headline, expect.any(String), expect.any(String)]);
      expect(new Set(budget.rows.slice(2).map((row) => row.headline))).toEqual(new Set([pitch.headline, outToday.headline]));
      const byHeadline = Object.fromEntries(budget.rows.map((row) => [row.headline, row]));
      expect(byHeadline[overdue.headline]).toMatchObject({ overdue: true, status: 'assigned', onSite: 'not published', assignee: { id: users.contributor.id, label: users.contributor.email } });
      expect(byHeadline[dueLater.headline]).toMatchObject({ overdue: false, status: 'in-progress', assignee: null });
      expect(byHeadline[outToday.headline]).toMatchObject({ overdue: false, onSite: 'live' });
      expect(byHeadline[pitch.headline]).toMatchObject({ status: 'pitch', section: { id: section.id, name: section.name } });
      expect(budget.overdue).toBe(1);
      expect(budget.total).toBe(4);

      const only = async (filters: Record<string, string>) =>
        (await loadBudget(payload, { ...editor, collection: 'users' } as never, { section: String(section.id), ...filters })).rows.map((row) => row.headline).sort();
      expect(await only({ status: 'pitch' })).toEqual([pitch.headline]);
      expect(await only({ assignee: String(users.contributor.id) })).toEqual([overdue.headline]);
      expect(await only({ assignee: 'none' })).toEqual([dueLater.headline, outToday.headline, pitch.headline].sort());
    });

    async function kill(id: number | string, json: unknown) {
      return rest(t, `/articles/${id}/kill`, { json, token: tokens.editor });
    }
  });
});
