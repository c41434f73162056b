import type { CollectionAfterChangeHook, PayloadRequest, TaskConfig } from 'payload';

import { articleChangeTags } from '../collections/Articles/hooks/revalidate';
import { recordRevalidation } from './outbox';

/**
 * An embargoed story comes out by itself. Readers cannot see a published story before its `embargoedUntil`
 * (access/isPublishedOrStaff.ts); when the story is saved with an embargo still to lift, a `lift-embargo` job is queued
 * for that moment (`waitUntil`), on the default queue the CMS runs every minute (payload.config.ts `jobs.autoRun`).
 * The job tells the reader site what to re-read — the story, the lists, its sections and authors, the headlines —
 * through the revalidation outbox (./outbox.ts), so the story is on the site within a minute of the embargo lifting.
 */

export const LIFT_EMBARGO_TASK = 'lift-embargo';
/** The queue the CMS's every-minute cron runs (payload.config.ts). */
export const LIFT_EMBARGO_QUEUE = 'default';

type ID = number | string;
export type LiftEmbargoInput = { article: ID; embargoedUntil: string };
export type LiftEmbargoOutput = { tags: number; note?: string };

type ArticleRow = {
  id: ID;
  slug?: string | null;
  _status?: string | null;
  embargoedUntil?: string | null;
  killedAt?: string | null;
  section?: ID | null;
  authors?: ID[] | null;
};

/** The tags a story's lifted embargo changes: what its publishing would, and the headlines that may point to it. */
async function liftTags(req: PayloadRequest, story: ArticleRow): Promise<string[]> {
  return [...(await articleChangeTags(req, story)), 'headlines'];
}

export const liftEmbargoTask: TaskConfig<{ input: LiftEmbargoInput; output: LiftEmbargoOutput }> = {
  slug: LIFT_EMBARGO_TASK,
  label: 'Put an embargoed story out',
  inputSchema: [
    { name: 'article', type: 'json', required: true },
    { name: 'embargoedUntil', type: 'date', required: true },
  ],
  retries: 5,
  handler: async ({ input, req }) => {
    const story = (await req.payload.findByID({
      collection: 'articles',
      id: input.article,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })) as ArticleRow | null;
    if (!story) return { output: { tags: 0, note: 'the story is gone' } };
    if (story._status !== 'published' || story.killedAt) return { output: { tags: 0, note: 'the story is not out' } };
    const lifts = story.embargoedUntil ? Date.parse(story.embargoedUntil) : 0;
    // Moved later: the job queued for the new time tells the site then.
    if (lifts > Date.now()) return { output: { tags: 0, note: 'the embargo was moved' } };
    const tags = await liftTags(req, story);
    await recordRevalidation(req, tags);
    return { output: { tags: tags.length } };
  },
};

/** The lift-embargo jobs still to run for a story. */
export async function pendingLifts(req: PayloadRequest, article: ID) {
  const { docs } = await req.payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: LIFT_EMBARGO_TASK } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  });
  return (docs as unknown as { id: ID; waitUntil?: string | null; input?: Partial<LiftEmbargoInput> }[]).filter(
    (job) => job.input?.article !== undefined && String(job.input.article) === String(article),
  );
}

/**
 * Queues a live story's lift for the moment its embargo ends, in `req`'s transaction — once per story and time, and
 * only while that moment is still to come.
 */
export async function queueEmbargoLift(req: PayloadRequest, story: ArticleRow): Promise<void> {
  if (story._status !== 'published' || story.killedAt || !story.embargoedUntil) return;
  const lifts = new Date(story.embargoedUntil);
  if (Number.isNaN(lifts.getTime()) || lifts.getTime() <= Date.now()) return;
  const already = (await pendingLifts(req, story.id)).some((job) => job.waitUntil && Date.parse(job.waitUntil) === lifts.getTime());
  if (already) return;
  await req.payload.jobs.queue({
    task: LIFT_EMBARGO_TASK,
    queue: LIFT_EMBARGO_QUEUE,
    input: { article: story.id, embargoedUntil: lifts.toISOString() },
    waitUntil: lifts,
    req,
  });
}

/**
 * After a save of a live story whose embargo is still to lift: queue its lift. A draft saved over a live story changes
 * nothing readers see: not until it is published.
 */
export const scheduleEmbargoLift: CollectionAfterChangeHook = async ({ doc, req }) => {
  await queueEmbargoLift(req, doc as ArticleRow);
  return doc;
};
