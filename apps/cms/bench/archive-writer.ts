/**
 * Writes generated archive stories for the benchmarks (`npm run bench:search`, `npm run bench:scale`) at ten times
 * the Local API's speed, through the same machinery as `payload.create` up to the database write:
 *
 *   1. Payload's own field pipeline for a create — `beforeValidate` (default values, field hooks: the slug) and
 *      `beforeChange` (every field's `validate`, then the transform for storage) — with the collection's
 *      `beforeValidate` and `beforeChange` hooks between them, as `payload.create` runs them;
 *   2. the database adapter's own `create` and `createVersion` (every table Payload keeps for an article: the row, its
 *      tags and relationships, the version with its `latest` flag);
 *   3. the search index row, written by the function the index hook calls.
 *
 * What it leaves out is what an archive story has no use for: the document read back for the response, the read
 * hooks, and the after-change hooks (revalidating the site — benchmarks fill before measuring —, the audit trail of
 * the save, embargo scheduling for a story published in the past). A story that fails validation throws
 * Payload's own `ValidationError`, exactly as `payload.create` would.
 *
 * The field pipeline is not in Payload's public exports (only its per-field traversals are), so it is loaded from the
 * installed package's files; a Payload upgrade that moves them fails here loudly, and the Local API path
 * (`--via create`) stays available to compare.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { JsonObject, Payload, PayloadRequest, SanitizedCollectionConfig } from 'payload';

import { runnerFor } from '../src/search/database';
import { searchDocumentOf } from '../src/search/document';
import { writeSearchDocument } from '../src/search/index-rows';

type FieldPipeline = (args: {
  collection: SanitizedCollectionConfig;
  context: PayloadRequest['context'];
  data: JsonObject;
  doc: JsonObject;
  docWithLocales?: JsonObject;
  global: null;
  operation: 'create';
  overrideAccess: boolean;
  req: PayloadRequest;
}) => Promise<JsonObject>;

let pipeline: Promise<{ beforeValidate: FieldPipeline; beforeChange: FieldPipeline }> | undefined;

function fieldPipeline() {
  pipeline ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve('payload'));
    const load = async (name: string) => {
      const mod = (await import(pathToFileURL(path.join(dist, 'fields', 'hooks', name, 'index.js')).href)) as Record<string, unknown>;
      if (typeof mod[name] !== 'function') throw new Error(`payload ${dist}: fields/hooks/${name} no longer exports ${name}`);
      return mod[name] as FieldPipeline;
    };
    return { beforeValidate: await load('beforeValidate'), beforeChange: await load('beforeChange') };
  })();
  return pipeline;
}

/** Creates a published article from `input` inside `req`'s transaction; returns its id. */
export async function writeArchiveArticle(payload: Payload, req: PayloadRequest, input: JsonObject): Promise<number | string> {
  const { beforeValidate, beforeChange } = await fieldPipeline();
  const collection = payload.collections.articles.config;
  const common = { collection, context: req.context, global: null, operation: 'create' as const, overrideAccess: true, req };
  let data = await beforeValidate({ ...common, data: input, doc: {} });
  for (const hook of collection.hooks.beforeValidate ?? []) {
    data = ((await hook({ collection, context: req.context, data, operation: 'create', originalDoc: undefined, req })) as JsonObject | undefined) ?? data;
  }
  for (const hook of collection.hooks.beforeChange ?? []) {
    data = ((await hook({ collection, context: req.context, data, operation: 'create', originalDoc: undefined, req })) as JsonObject | undefined) ?? data;
  }
  const stored = await beforeChange({ ...common, data, doc: {}, docWithLocales: {} });
  const now = new Date().toISOString();
  const row: JsonObject = { ...stored, createdAt: stored.createdAt ?? now, updatedAt: stored.updatedAt ?? now };
  const created = (await payload.db.create({ collection: 'articles', data: row, req, select: { id: true } })) as { id: number | string };
  await payload.db.createVersion({
    autosave: false,
    collectionSlug: 'articles',
    createdAt: row.createdAt as string,
    updatedAt: row.updatedAt as string,
    parent: created.id,
    versionData: { ...row, id: created.id } as never,
    req,
    returning: false,
  });
  if (row._status === 'published') await writeSearchDocument(await runnerFor(payload, req), searchDocumentOf({ ...row, id: created.id }));
  return created.id;
}
