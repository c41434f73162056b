/**
 * Scheduled publishing is for editors and admins: the admin's "Schedule publish" drawer (the
 * `schedule-publish` server function the admin layout installs), Payload's jobs API and the
 * jobs REST endpoints.
 */
import { createLocalReq, type Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { newsroomServerFunctions } from '../../src/access/scheduleServerFunction';
import { DIALECTS, openTestPayload, type TestPayload } from '../support/databases';
import { inOneHour, makeArticle, makeUser, TEST_PASSWORD, type TestUser } from '../support/fixtures';
import { rest, signIn } from '../support/rest';

const schedulePublish = newsroomServerFunctions['schedule-publish'];

async function drawer(payload: Payload, user: TestUser | undefined, args: Record<string, unknown>) {
  const req = await createLocalReq({ user: user as never }, payload);
  return schedulePublish({ ...args, req, importMap: {}, cookies: new Map(), permissions: {} as never, user: req.user } as never);
}

describe.each(DIALECTS)('scheduling on %s', (dialect) => {
  let t: TestPayload;
  const users: Record<'admin' | 'editor' | 'contributor', TestUser> = {} as never;
  let articleId: number | string;

  beforeAll(async () => {
    t = await openTestPayload(dialect);
    users.admin = await makeUser(t.payload, 'admin');
    users.editor = await makeUser(t.payload, 'editor');
    users.contributor = await makeUser(t.payload, 'contributor');
    // The contributor's own draft: they may edit it, but not decide when it goes live.
    articleId = (await makeArticle(t.payload, { headline: 'To be scheduled', status: 'draft', user: users.contributor })).id;
  });
  afterAll(async () => t?.close());

  /** Schedules of the article not yet run. */
  const pending = async () =>
    (await t.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, overrideAccess: true, pagination: false, sort: 'createdAt' })).docs.filter(
      (job) => (job.input as { doc?: unknown } | undefined)?.doc && !job.completedAt && !job.hasError,
    );
  const scheduleArgs = () => ({ type: 'publish', doc: { relationTo: 'articles', value: articleId }, date: new Date(inOneHour()) });

  it('lets editors and admins schedule a publish from the admin drawer and delete that schedule', async () => {
    for (const who of ['editor', 'admin'] as const) {
      const before = (await pending()).length;
      await expect(drawer(t.payload, users[who], scheduleArgs())).resolves.toMatchObject({ message: expect.any(String) });
      const jobs = await pending();
      expect(jobs).toHaveLength(before + 1);
      const job = jobs.at(-1)!;
      expect(job.input).toMatchObject({ type: 'publish', doc: { relationTo: 'articles' } });
      await drawer(t.payload, users[who], { deleteID: job.id });
      expect((await pending()).map((j) => j.id)).not.toContain(job.id);
    }
  });

  it('refuses a contributor (403) both scheduling and deleting a schedule; the editor’s schedule stays', async () => {
    await drawer(t.payload, users.editor, scheduleArgs());
    const [job] = await pending();
    expect(job).toBeDefined();
    const count = (await pending()).length;

    await expect(drawer(t.payload, users.contributor, scheduleArgs())).rejects.toMatchObject({ status: 403 });
    await expect(drawer(t.payload, users.contributor, { deleteID: job!.id })).rejects.toMatchObject({ status: 403 });
    await expect(drawer(t.payload, undefined, { deleteID: job!.id })).rejects.toMatchObject({ status: 403 });
    expect((await pending()).map((j) => j.id)).toContain(job!.id);
    expect(await pending()).toHaveLength(count);
  });

  it('applies the same rule to Payload’s jobs API: queue and cancel', async () => {
    const as = async (user: TestUser) => ({ req: await createLocalReq({ user: user as never }, t.payload), overrideAccess: false });
    const input = { type: 'publish' as const, doc: { relationTo: 'articles' as const, value: articleId as number } };
    await expect(t.payload.jobs.queue({ task: 'schedulePublish', input, waitUntil: new Date(inOneHour()), ...(await as(users.contributor)) })).rejects.toMatchObject({ status: 403 });
    const job = await t.payload.jobs.queue({ task: 'schedulePublish', input, waitUntil: new Date(inOneHour()), ...(await as(users.editor)) });
    await expect(t.payload.jobs.cancelByID({ id: job.id, ...(await as(users.contributor)) })).rejects.toMatchObject({ status: 403 });
    const stillThere = await t.payload.findByID({ collection: 'payload-jobs', id: job.id, overrideAccess: true });
    expect(stillThere.hasError ?? false).toBe(false);
    await t.payload.jobs.cancelByID({ id: job.id, ...(await as(users.editor)) });
    const cancelled = await t.payload.findByID({ collection: 'payload-jobs', id: job.id, overrideAccess: true });
    expect(cancelled.hasError).toBe(true);
  });

  it('keeps the jobs REST endpoints to editors and admins, and the jobs collection closed to everyone', async () => {
    const contributorToken = await signIn(t, users.contributor.email, TEST_PASSWORD);
    const editorToken = await signIn(t, users.editor.email, TEST_PASSWORD);
    expect((await rest(t, '/payload-jobs/run', { token: contributorToken })).status).toBe(401);
    expect((await rest(t, '/payload-jobs/run')).status).toBe(401);
    expect((await rest(t, '/payload-jobs/run', { token: editorToken })).status).toBe(200);
    for (const token of [undefined, contributorToken, editorToken]) {
      expect((await rest(t, '/payload-jobs', { token })).status).toBe(403);
    }
  });
});
