import type { Payload, PayloadRequest } from 'payload';

import { isEditorOrAdmin } from '../access/roles';
import { killStory, type LiveRow } from '../collections/Articles/endpoints/kill';
import { articleChangeTags } from '../collections/Articles/hooks/revalidate';
import { recordRevalidation } from '../jobs/outbox';
import { WireImportError } from './wire-files';
import type { ParsedWireFile } from './wire-files';
import { createWireMedia, type FetchedPhoto } from './wire-photos';
import { findOrCreateAuthors, wireArticleData, type ImportedStory } from './wire-import';

/**
 * Wire items that were imported before: which file of a run creates a story, which updates one, which changes
 * nothing. A story remembers the item it came from (`source.uri`, `source.version`); a file with a known `uri`
 * and a higher version is a new version of that story, applied in place (same id, slug and URL); an equal or lower
 * version is `unchanged`. Within one run, only the highest version of each `uri` counts.
 */

type ID = number | string;

/** The story a wire identity made, as the plan needs it. */
export type ExistingStory = LiveRow & { source?: Record<string, unknown> | null; version: number };

export type PlanStep =
  | { kind: 'create' }
  | { kind: 'update'; existing: ExistingStory }
  | { kind: 'unchanged'; existing?: ExistingStory; reason: string };

/** How many identities one lookup asks about (well under SQLite's bound-parameter limit). */
const LOOKUP_CHUNK = 500;

export async function planRun(payload: Payload, files: readonly ParsedWireFile[]): Promise<PlanStep[]> {
  const uris = [...new Set(files.flatMap((file) => (file.item ? [file.item.uri] : [])))];
  const existing = new Map<string, ExistingStory>();
  for (let start = 0; start < uris.length; start += LOOKUP_CHUNK) {
    const found = await payload.find({
      collection: 'articles',
      where: { 'source.uri': { in: uris.slice(start, start + LOOKUP_CHUNK) } },
      select: { slug: true, _status: true, killedAt: true, embargoedUntil: true, section: true, authors: true, tags: true, source: true },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
    });
    for (const doc of found.docs as unknown as (LiveRow & { source?: Record<string, unknown> | null })[]) {
      const uri = doc.source?.uri;
      if (typeof uri === 'string') existing.set(uri, { ...doc, version: Number(doc.source?.version ?? 0) || 0 });
    }
  }

  // The file that carries each identity's highest version in this run.
  const newest = new Map<string, number>();
  files.forEach((file, index) => {
    if (!file.item) return;
    const best = newest.get(file.item.uri);
    if (best === undefined || file.item.version > files[best]!.item!.version) newest.set(file.item.uri, index);
  });

  return files.map((file, index): PlanStep => {
    const item = file.item;
    if (!item) return { kind: 'create' };
    const story = existing.get(item.uri);
    if (newest.get(item.uri) !== index) {
      return { kind: 'unchanged', existing: story, reason: `a later version of ${item.uri} is in the same run` };
    }
    if (story) {
      if (item.version <= story.version) {
        return { kind: 'unchanged', existing: story, reason: `version ${item.version} of ${item.uri} is not newer than the imported version ${story.version}` };
      }
      return { kind: 'update', existing: story };
    }
    if (item.pubStatus === 'canceled') return { kind: 'unchanged', reason: `${item.uri} is canceled and was never imported` };
    return { kind: 'create' };
  });
}

type UpdateOptions = { publish: boolean; user?: PayloadRequest['user']; photos?: Map<number, FetchedPhoto> };
type Result = Omit<ImportedStory, 'url'>;

/**
 * Applies a plan's updates on `req`'s transaction and reports every step that is not a creation. A new `usable`
 * version replaces the story's content and stays as live as the story was (or goes live with `--publish`);
 * `withheld` takes it down (a draft again); `canceled` kills a live story (it answers 410: endpoints/kill.ts).
 * The article hooks record what the site must re-read, delivered once the transaction commits.
 */
export async function applyUpdates(
  payload: Payload,
  req: PayloadRequest,
  files: readonly ParsedWireFile[],
  plan: readonly PlanStep[],
  options: UpdateOptions,
): Promise<Map<number, Result>> {
  const results = new Map<number, Result>();
  // A new version of a story already in the newsroom changes, takes down or kills a story other people work on:
  // editors' work (the CLI and the drop folder run as the system). A contributor's import of such an item is refused,
  // and says nothing about the story it names.
  if (options.user && !isEditorOrAdmin(options.user)) {
    const known = plan.findIndex((step) => step.kind !== 'create' && (step.kind === 'update' || step.existing));
    if (known !== -1) {
      throw new WireImportError(files[known]!.name, 'this wire item is in the newsroom already; only an editor imports its new versions');
    }
  }
  for (const [index, step] of plan.entries()) {
    if (step.kind === 'create') continue;
    const file = files[index]!;
    const item = file.item!;
    const identity = { uri: item.uri, version: item.version };
    if (step.kind === 'unchanged') {
      const story = step.existing;
      results.set(index, {
        id: story?.id ?? null,
        slug: story?.slug ?? null,
        status: 'unchanged',
        change: 'unchanged',
        note: step.reason,
        ...identity,
      } as Result);
      continue;
    }
    const story = step.existing;
    if (item.pubStatus === 'canceled') {
      results.set(index, await cancel(payload, req, story, item.version, identity));
      continue;
    }
    const authors = await findOrCreateAuthors(payload, req, file.story.authors);
    const wasLive = story._status === 'published';
    const photo = options.photos?.get(index);
    const image = photo ? await createWireMedia(payload, req, file, photo, options.user) : undefined;
    const data = wireArticleData(file, authors.map((a) => a.id));
    const live = item.pubStatus === 'usable' && (wasLive || options.publish);
    const updated = await payload.update({
      collection: 'articles',
      id: story.id as number,
      req,
      overrideAccess: options.user === undefined,
      user: options.user ?? undefined,
      // Never a draft save: that writes a version only, and the story's row — which the next import reads its
      // version from — would keep the old one. `_status` says whether the story is live.
      draft: false,
      depth: 0,
      select: { slug: true, _status: true, section: true, authors: true, tags: true },
      data: {
        ...data,
        ...(image !== undefined && data.hero ? { hero: { ...data.hero, image: image as number } } : {}),
        // The story keeps its address whatever the new headline says.
        slug: story.slug ?? undefined,
        _status: live ? 'published' : 'draft',
      },
    });
    // The run's requests skip the article hooks' own revalidation (import-runs.ts): the update records its own, once
    // the run commits — the story's old and new state, the lists, its sections, authors and tags, the headlines.
    const next = { ...(updated as LiveRow & { tags?: string[] | null }), id: story.id, _status: live ? 'published' : 'draft' };
    await recordRevalidation(req, [...(await articleChangeTags(req, next, story as never)), 'headlines']);
    results.set(index, {
      id: story.id,
      slug: String(updated.slug ?? story.slug),
      status: story.killedAt ? 'killed' : live ? 'published' : 'draft',
      change: item.pubStatus === 'withheld' ? 'withheld' : 'updated',
      ...identity,
    });
  }
  return results;
}

async function cancel(
  payload: Payload,
  req: PayloadRequest,
  story: ExistingStory,
  version: number,
  identity: { uri: string; version: number },
): Promise<Result> {
  // The version is recorded whatever happens, so the same cancellation imported again is `unchanged`.
  await payload.db.updateOne({
    collection: 'articles',
    id: story.id,
    data: { source: { ...(story.source ?? {}), version } },
    req,
    returning: false,
  });
  if (story._status !== 'published' || story.killedAt) {
    return { id: story.id, slug: String(story.slug), status: story.killedAt ? 'killed' : 'draft', change: 'unchanged', ...identity };
  }
  await killStory(req, story, `Canceled by the agency (${identity.uri}, version ${version}).`, null);
  return { id: story.id, slug: String(story.slug), status: 'killed', change: 'killed', ...identity };
}

export type { ID };
