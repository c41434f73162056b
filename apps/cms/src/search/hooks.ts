import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeOperationHook, Where } from 'payload';

import { roleOf } from '../access/roles';
import { runnerFor } from './database';
import { searchDocumentOf } from './document';
import { removeSearchDocument, writeSearchDocument } from './index-rows';
import { searchTerms } from './query';
import { searchIdsForStaff } from './search';

/**
 * Keeps the search index in step with what is published, in the same transaction as the save.
 *
 * The index follows the article's own row, read back here rather than taken from the hook's `doc`: a draft saved over
 * a live story (a save with `draft: true`, an autosave) writes only a version and leaves that row — the published
 * text — alone, so the index keeps the published text; a publish rewrites the row and the index with it; unpublishing
 * takes the story out. The row is complete even when the save asked for only some fields back (`select`).
 */
export const indexArticleAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (doc?.id === undefined || doc?.id === null) return doc;
  const row = (await req.payload.db.findOne({ collection: 'articles', where: { id: { equals: doc.id } }, req })) as
    | (Record<string, unknown> & { id: number | string; _status?: string | null })
    | null;
  const db = await runnerFor(req.payload, req);
  if (row?._status === 'published') await writeSearchDocument(db, searchDocumentOf(row));
  else await removeSearchDocument(db, doc.id);
  return doc;
};

export const removeArticleFromIndexAfterDelete: CollectionAfterDeleteHook = async ({ id, doc, req }) => {
  await removeSearchDocument(await runnerFor(req.payload, req), (doc?.id ?? id) as number | string);
  return doc;
};

/** How many of the best full-text matches the admin's list search adds. */
export const ADMIN_SEARCH_IDS = 500;

type Like = Record<string, { like?: unknown } | undefined>;

/**
 * The search of the admin's list view: Payload turns the search box into
 * `{ or: [{ headline: { like: q } }, { slug: { like: q } }, { dek: { like: q } }] }` (one condition per
 * `admin.listSearchableFields`, inside an `and` when there are filters too). Returns that `or` and the search text.
 */
export function findListSearch(where: Where | undefined, fields: readonly string[], depth = 0): { node: Where; search: string } | undefined {
  if (!where || typeof where !== 'object' || depth > 3 || fields.length === 0) return undefined;
  const or = where.or;
  if (Object.keys(where).length === 1 && Array.isArray(or) && or.length === fields.length) {
    const searches = new Set<unknown>();
    const named = new Set<string>();
    for (const condition of or as Like[]) {
      const keys = Object.keys(condition ?? {});
      const key = keys[0];
      const operator = key !== undefined ? condition[key] : undefined;
      if (keys.length !== 1 || !key || !fields.includes(key) || !operator || Object.keys(operator).length !== 1) return undefined;
      named.add(key);
      searches.add(operator.like);
    }
    const [search] = [...searches];
    if (named.size === fields.length && searches.size === 1 && typeof search === 'string') return { node: where, search };
    return undefined;
  }
  if (Array.isArray(where.and)) {
    for (const part of where.and) {
      const found = findListSearch(part, fields, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function replaced(where: Where, node: Where, next: Where): Where {
  if (where === node) return next;
  if (Array.isArray(where.and)) return { ...where, and: where.and.map((part) => replaced(part, node, next)) };
  return where;
}

/**
 * Staff searching the admin's article list find stories by any word of the published text, as readers do — not only
 * by headline, slug or dek: the matches of the full-text index (at most {@link ADMIN_SEARCH_IDS}, the last word as a
 * prefix) are added to Payload's own `like` conditions, which still find drafts and partial slugs.
 */
export const searchAdminListBeforeOperation: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'read' || !roleOf(req.user)) return args;
  const where = (args as { where?: Where }).where;
  const fields = collection.admin?.listSearchableFields ?? [];
  const found = findListSearch(where, fields);
  if (!where || !found) return args;
  const ids = await searchIdsForStaff(req.payload, searchTerms(found.search), ADMIN_SEARCH_IDS);
  if (ids.length === 0) return args;
  const or = [...(found.node.or ?? []), { id: { in: ids } }];
  return { ...args, where: replaced(where, found.node, { or }) };
};
