import { type WireStory, formatDateline, slugify } from '@newsroom/schema';
import { sql } from '@payloadcms/db-sqlite';
import type { Payload, PayloadRequest } from 'payload';

import { recordRevalidation } from '../jobs/outbox';
import { WIRE_WORKFLOW_STATUS } from '../collections/Articles/workflow';
import { paragraphsToLexical } from '../lib/lexical';
import type { ParsedWireFile } from './wire-files';
import { allowedPhotoHosts, createWireMedia, fetchWirePhotos } from './wire-photos';
import { applyUpdates, planRun } from './wire-updates';
import { deleteRun, inTransaction, recordBatch, recoverAbandonedImports, rollBackRun, startRun } from './import-runs';

export { WireImportError, parseWireFile, parseWireFiles, textIdentity } from './wire-files';
export type { ParsedWireFile, WireFile, WireItem } from './wire-files';

/**
 * One line of the import's report. `status` is what the story is now for readers — or `unchanged` when the file
 * changed nothing (its identity was imported already at that version or a later one); `change` is what this run did.
 */
export type ImportedStory = {
  /** Null only for a file that changed nothing and names no story we have (a cancellation of an unknown item). */
  id: number | string | null;
  slug: string | null;
  status: 'draft' | 'published' | 'unchanged' | 'killed';
  change: 'created' | 'updated' | 'unchanged' | 'killed' | 'withheld';
  url: string | null;
  uri?: string;
  version?: number;
  /** Why nothing changed. */
  note?: string;
};

/**
 * How the writes are cut into transactions. A batch ends once it has run `maxMs` (or holds `maxStories`); then the
 * import waits `pauseMs` before the next. On SQLite a transaction holds the database's only write lock: a short batch
 * bounds how long an editor's save waits, and the pause — longer than the 100 ms SQLite's busy handler sleeps between
 * tries — lets a writer in another process (the CMS server, beside the import CLI) take its turn. PostgreSQL locks
 * rows, not the database, so it writes bigger batches without pausing.
 */
export type BatchPolicy = { maxMs: number; maxStories: number; pauseMs: number };

export const BATCH_POLICY: Record<'sqlite' | 'postgres', BatchPolicy> = {
  sqlite: { maxMs: 300, maxStories: 200, pauseMs: 120 },
  postgres: { maxMs: 2000, maxStories: 500, pauseMs: 0 },
};

export type ImportOptions = {
  publish?: boolean;
  /** The reader site's origin, for the `url` of each imported story. */
  siteUrl?: string;
  /** The signed-in user importing from the admin; undefined for the CLI, which runs as the system. */
  user?: PayloadRequest['user'];
  /** Overrides the dialect's {@link BATCH_POLICY} (tests, benchmarks). */
  batch?: Partial<BatchPolicy>;
  /** Hosts the import may fetch a ninjs item's photo from; default `WIRE_PHOTO_HOSTS` (wire-photos.ts). */
  photoHosts?: readonly string[];
  /** After each batch commits: how many stories are written so far (progress, tests). */
  onBatch?: (written: number, total: number) => void | Promise<void>;
};

/**
 * A publication time no story reaches: a staged story is published but not yet live (readers see only stories whose
 * `publishedAt` has passed, access/isPublishedOrStaff.ts), until the run's last step gives it its real time.
 */
export const STAGED_PUBLISHED_AT = '9999-12-31T00:00:00.000Z';

type Written = { id: number | string; slug: string; published: boolean };

/**
 * Writes a run of stories all-or-nothing as readers see it (ADR 0003, ADR 0015, ADR 0021), without holding the
 * database for the length of the run:
 *
 * 1. Each file's identity (its ninjs `uri`, or the digest of its text) is looked up (wire-updates.ts `planRun`): a new
 *    one is created, one already imported at a higher version updates its story in place, one imported already at
 *    that version or later changes nothing (`unchanged`).
 * 2. A journal entry for the run is written (import-runs.ts).
 * 3. New stories are written in short batches — each one transaction with its authors and the journal's list of what
 *    it wrote. Published stories are written with {@link STAGED_PUBLISHED_AT}, drafts as drafts: nothing is live yet.
 * 4. One short transaction gives every new story of the run its publication time, applies the updates (new versions,
 *    `withheld` taken down, `canceled` killed) and removes the journal — the whole run goes live at once.
 *
 * Any failure removes what the run wrote (in short transactions too) and rethrows; a process that dies half way
 * leaves invisible rows and a journal, which the next process to open the database removes.
 * Authors are matched by name (through their slug) and created when new.
 */
export async function importWireStories(
  payload: Payload,
  stories: readonly ParsedWireFile[],
  options: ImportOptions = {},
): Promise<ImportedStory[]> {
  if (stories.length === 0) return [];
  const publish = options.publish === true;
  const policy: BatchPolicy = { ...BATCH_POLICY[dialectOf(payload)], ...options.batch };
  await recoverAbandonedImports(payload);

  const plan = await planRun(payload, stories);
  const photos = await fetchWirePhotos(
    payload,
    stories.map((file, index) => (plan[index]!.kind === 'unchanged' ? { ...file, item: undefined } : file)),
    options.photoHosts ?? allowedPhotoHosts(),
  );
  const creates = plan.flatMap((step, index) => (step.kind === 'create' ? [index] : []));
  const results = new Map<number, Omit<ImportedStory, 'url'>>();
  let run = await startRun(payload, publish);
  const written: Written[] = [];
  const authorSlugs = new Map<number | string, string>();
  try {
    let next = 0;
    while (next < creates.length) {
      const batch = await inTransaction(
        payload,
        async (req) => {
          const started = performance.now();
          const articles: Written[] = [];
          const createdAuthors: { id: number | string; slug: string }[] = [];
          let reusedAuthors: { id: number | string; slug: string }[] = [];
          let i = next;
          do {
            const file = stories[creates[i]!]!;
            const authors = await findOrCreateAuthors(payload, req, file.story.authors);
            createdAuthors.push(...authors.filter((a) => a.created));
            reusedAuthors = reusedAuthors.concat(authors.filter((a) => !a.created));
            const live = publish && (file.item?.pubStatus ?? 'usable') === 'usable';
            const photo = photos.get(creates[i]!);
            const image = photo ? await createWireMedia(payload, req, file, photo, options.user) : undefined;
            articles.push(await createArticle(payload, req, file, authors.map((a) => a.id), live, options.user, image));
            i++;
          } while (i < creates.length && articles.length < policy.maxStories && performance.now() - started < policy.maxMs);
          const journal = await recordBatch(payload, req, run, { articles: articles.map((a) => a.id), authors: createdAuthors.map((a) => a.id) });
          return { end: i, articles, authors: [...createdAuthors, ...reusedAuthors], journal };
        },
        options.user,
      );
      // Only now, committed, do the batch's rows belong to the run (a batch that failed rolled back by itself).
      run = batch.journal;
      batch.articles.forEach((article, k) => {
        const index = creates[next + k]!;
        const item = stories[index]!.item;
        results.set(index, {
          id: article.id,
          slug: article.slug,
          status: article.published ? 'published' : 'draft',
          change: 'created',
          ...(item ? { uri: item.uri, version: item.version } : {}),
        });
      });
      next = batch.end;
      written.push(...batch.articles);
      for (const author of batch.authors) authorSlugs.set(author.id, author.slug);
      await options.onBatch?.(written.length, creates.length);
      if (next < creates.length && policy.pauseMs > 0) await sleep(policy.pauseMs);
    }
    await inTransaction(
      payload,
      async (req) => {
        const live = written.filter((story) => story.published);
        if (live.length > 0) await goLive(payload, req, live);
        for (const [index, result] of await applyUpdates(payload, req, stories, plan, { publish, user: options.user, photos })) {
          results.set(index, result);
        }
        await deleteRun(payload, req, run);
        // Told to the site once this transaction commits (the revalidation outbox, jobs/outbox.ts). Updates record
        // their own through the article hooks.
        await recordRevalidation(req, runTags(written, [...authorSlugs.values()], run.authors.length > 0));
      },
      options.user,
    );
  } catch (error) {
    try {
      await rollBackRun(payload, run, { pauseMs: policy.pauseMs });
    } catch (rollbackError) {
      payload.logger.error({
        err: rollbackError,
        msg: `a failed wire import could not be removed yet (its ${run.articles.length} stories stay invisible and are removed when the CMS next opens the database): ${(rollbackError as Error).message}`,
      });
    }
    throw error;
  }

  const siteUrl = (options.siteUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  return stories.map((_, index) => {
    const result = results.get(index);
    if (!result) throw new Error(`the import lost track of ${stories[index]!.name}`);
    return { ...result, url: result.slug ? `${siteUrl}/news/${result.slug}` : null };
  });
}

function dialectOf(payload: Payload): 'sqlite' | 'postgres' {
  return payload.db.name === 'postgres' ? 'postgres' : 'sqlite';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The article's fields from a wire file: what a new story is created with and a new version replaces. */
export function wireArticleData(file: ParsedWireFile, authorIds: (number | string)[]) {
  const { story, item } = file;
  const photo = story.photo;
  return {
    headline: story.headline,
    authors: authorIds as never,
    dateline: {
      place: story.dateline.place ?? null,
      month: story.dateline.month,
      day: story.dateline.day,
      year: story.dateline.year ?? null,
      agency: story.dateline.agency ?? null,
    },
    hero: photo
      ? {
          alt: photo.alt ?? null,
          caption: photo.caption ?? null,
          credit: photo.credit ?? null,
          creator: photo.creator ?? null,
          copyright: photo.copyright ?? null,
          licenseUrl: photo.licenseUrl ?? null,
          licenseOffered: photo.licenseOffered ?? false,
          usageTerms: photo.usageTerms ?? null,
        }
      : undefined,
    body: (item?.body ?? paragraphsToLexical(story.paragraphs)) as never,
    adPositions: story.adPositions.map((position) =>
      position.placement === 'after-paragraph'
        ? { placement: position.placement, paragraph: position.paragraph }
        : { placement: position.placement },
    ),
    showLatestHeadlines: story.latestHeadlines,
    ...(item?.tags && item.tags.length > 0 ? { tags: item.tags } : {}),
    embargoedUntil: item?.embargoedUntil ?? null,
    source: {
      kind: 'wire' as const,
      agency: story.byline?.agency ?? story.dateline.agency ?? null,
      importedAt: new Date().toISOString(),
      uri: item?.uri ?? null,
      version: item?.version ?? null,
      byline: item?.bylineText ?? null,
      copyrightNotice: item?.copyrightNotice ?? null,
      usageTerms: item?.usageTerms ?? null,
      language: item?.language ?? null,
    },
    seo: { description: story.paragraphs[0]?.slice(0, 200) ?? null },
  };
}

async function createArticle(
  payload: Payload,
  req: PayloadRequest,
  file: ParsedWireFile,
  authorIds: (number | string)[],
  publish: boolean,
  user: PayloadRequest['user'] | undefined,
  image?: number | string,
): Promise<Written> {
  const data = wireArticleData(file, authorIds);
  const doc = await payload.create({
    collection: 'articles',
    req,
    draft: !publish,
    overrideAccess: user === undefined,
    user: user ?? undefined,
    depth: 0,
    select: { slug: true },
    data: {
      ...data,
      ...(image !== undefined && data.hero ? { hero: { ...data.hero, image: image as number } } : {}),
      // Wire copy arrives written: it goes straight to an editor (collections/Articles/workflow.ts).
      workflowStatus: WIRE_WORKFLOW_STATUS,
      _status: publish ? 'published' : 'draft',
      ...(publish ? { publishedAt: STAGED_PUBLISHED_AT } : {}),
    },
  });
  return { id: doc.id, slug: String(doc.slug), published: publish };
}

type AuthorRef = { id: number | string; slug: string; created: boolean };

export async function findOrCreateAuthors(payload: Payload, req: PayloadRequest, names: readonly string[]): Promise<AuthorRef[]> {
  const refs: AuthorRef[] = [];
  for (const name of names) {
    const slug = slugify(name);
    const known = refs.find((ref) => ref.slug === slug);
    if (known) {
      refs.push(known);
      continue;
    }
    const existing = await payload.find({
      collection: 'authors',
      where: { slug: { equals: slug } },
      select: { slug: true },
      limit: 1,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    });
    const found = existing.docs[0];
    if (found) {
      refs.push({ id: found.id, slug, created: false });
      continue;
    }
    const created = await payload.create({ collection: 'authors', data: { name, slug }, select: { slug: true }, depth: 0, overrideAccess: true, req });
    refs.push({ id: created.id, slug: created.slug ?? slug, created: true });
  }
  return refs;
}

/** How many stories one UPDATE gives their times (SQLite allows 32,766 bound values per statement). */
const GO_LIVE_CHUNK = 500;

/**
 * Gives each staged story of the run its publication time, in the run's order and all at or before now, on the live
 * row and on its versions: the run goes live in this one transaction. Plain SQL: a few statements for the whole run,
 * where going through Payload would be a save (and a version) per story.
 */
async function goLive(payload: Payload, req: PayloadRequest, written: readonly Written[]): Promise<void> {
  const db = payload.db as unknown as DrizzleAdapterLike;
  const session = db.sessions?.[String(await req.transactionID)]?.db;
  if (!session) throw new Error('going live needs a transaction');
  const postgres = dialectOf(payload) === 'postgres';
  const articles = db.tableNameMap?.get('articles') ?? 'articles';
  const versions = db.tableNameMap?.get('_articles_v') ?? '_articles_v';
  const now = Date.now();
  const timeOf = (index: number) => {
    const iso = new Date(now - (written.length - 1 - index)).toISOString();
    return postgres ? sql`CAST(${iso} AS timestamptz)` : sql`${iso}`;
  };
  // Going live changes the rows: their update time moves on with it, so what is keyed to the latest save (the photos
  // readers may see, access/mediaAccess.ts) is worked out again.
  const updated = postgres ? sql`CAST(${new Date(now).toISOString()} AS timestamptz)` : sql`${new Date(now).toISOString()}`;
  for (let start = 0; start < written.length; start += GO_LIVE_CHUNK) {
    const chunk = written.slice(start, start + GO_LIVE_CHUNK).map((story, k) => ({ id: story.id, time: timeOf(start + k) }));
    const ids = sql.join(chunk.map(({ id }) => sql`${id}`), sql`, `);
    const byId = (column: string) => sql.join(chunk.map(({ id, time }) => sql`WHEN ${sql.identifier(column)} = ${id} THEN ${time}`), sql` `);
    const staged = postgres ? sql`CAST(${STAGED_PUBLISHED_AT} AS timestamptz)` : sql`${STAGED_PUBLISHED_AT}`;
    await db.execute({
      db: session,
      sql: sql`UPDATE ${sql.identifier(articles)} SET published_at = CASE ${byId('id')} END, updated_at = ${updated} WHERE id IN (${ids}) AND published_at = ${staged}`,
    });
    await db.execute({
      db: session,
      sql: sql`UPDATE ${sql.identifier(versions)} SET version_published_at = CASE ${byId('parent_id')} END, version_updated_at = ${updated}, updated_at = ${updated} WHERE parent_id IN (${ids}) AND version_published_at = ${staged}`,
    });
  }
}

type DrizzleAdapterLike = {
  sessions?: Record<string, { db: unknown }>;
  tableNameMap?: Map<string, string>;
  execute: (args: { db: unknown; sql: unknown }) => Promise<unknown>;
};

/**
 * What the run's new stories changed for readers, recorded once they are live: the lists, every story (a reader may
 * have asked for one of the new URLs while it was staged) and the authors. Drafts change nothing readers see but new
 * authors.
 */
function runTags(written: readonly Written[], authorSlugs: string[], createdAuthors: boolean): string[] {
  const authors = [...authorSlugs.map((slug) => `author:${slug}`), ...(createdAuthors ? ['authors'] : [])];
  const live = written.filter((story) => story.published);
  if (live.length === 0) return createdAuthors ? authors : [];
  return [...new Set(['articles', ...live.map(({ slug }) => `article:${slug}`), ...authors])];
}

/** "SEOUL, Oct. 2 (UPI)" — for previews in the admin. */
export function describeDateline(story: WireStory): string {
  return formatDateline(story.dateline);
}
