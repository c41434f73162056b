import { slugify } from '@newsroom/schema';
import type { CollectionSlug, FieldHook, PayloadRequest, TextField } from 'payload';

/**
 * A URL slug made from `sourceField` (lower-case ASCII words joined by `-`), editable, and made
 * unique within the collection by appending -2, -3, … The lookup runs on the operation's own
 * `req`, so stories created earlier in the same import transaction count as taken.
 */
export function slugField(
  sourceField: string,
  overrides: Partial<Pick<TextField, 'label' | 'required' | 'index'>> = {},
): TextField {
  const makeSlug: FieldHook = async ({ value, data, originalDoc, req, collection }) => {
    const source = typeof data?.[sourceField] === 'string' ? (data[sourceField] as string) : undefined;
    const wanted = typeof value === 'string' && value.trim() ? slugify(value) : source ? slugify(source) : undefined;
    if (!wanted || !collection) return value;
    return uniqueSlugIn(collection.slug as CollectionSlug, wanted, originalDoc?.id, req, Boolean(collection.versions?.drafts));
  };

  return {
    name: 'slug',
    type: 'text',
    index: true,
    unique: true,
    admin: {
      position: 'sidebar',
      description: `Made from the ${sourceField} when left empty; -2, -3 … is added when taken.`,
    },
    hooks: { beforeValidate: [makeSlug] },
    ...overrides,
  };
}

/** How many candidates one lookup asks about: `base`, then `base-2` … in growing rounds. */
const FIRST_ROUND = 8;

/**
 * The first of `base`, `base-2`, `base-3`, … that no other document uses. Every lookup is an exact
 * `slug IN (…)` on an index of slugs — never a `LIKE` scan — so its cost does not grow with the
 * archive. Autosave runs this on every pause in typing, and an import once per story.
 *
 * For a collection with drafts, the slugs of other documents' versions count too: a draft may have
 * renamed a story whose live row still holds the old slug, and either would collide on publish. (So
 * a slug a story once had is not handed to another story while that version is kept.) The versions
 * are asked by slug alone — not "latest version with this slug", which SQLite answers by walking
 * every latest version.
 */
export async function uniqueSlugIn(
  collection: CollectionSlug,
  base: string,
  ownId: number | string | undefined,
  req: PayloadRequest,
  hasDrafts: boolean,
): Promise<string> {
  let next = 1;
  for (let round = FIRST_ROUND; ; round *= 4) {
    const candidates = Array.from({ length: round }, (_, i) => (next + i === 1 ? base : `${base}-${next + i}`));
    next += round;
    const taken = await takenSlugs(collection, candidates, ownId, req, hasDrafts);
    const free = candidates.find((candidate) => !taken.has(candidate));
    if (free) return free;
  }
}

async function takenSlugs(
  collection: CollectionSlug,
  candidates: string[],
  ownId: number | string | undefined,
  req: PayloadRequest,
  hasDrafts: boolean,
): Promise<Set<string>> {
  const db = req.payload.db;
  // One after the other: in a transaction both run on one connection (PostgreSQL's client queues, and deprecates, overlap).
  const liveRows = await db.find({
    collection,
    where: { and: [{ slug: { in: candidates } }, ...(ownId !== undefined ? [{ id: { not_equals: ownId } }] : [])] },
    select: { slug: true },
    limit: 0,
    pagination: false,
    req,
  });
  const versionRows = hasDrafts
    ? await db.findVersions({
        collection,
        where: { and: [{ 'version.slug': { in: candidates } }, ...(ownId !== undefined ? [{ parent: { not_equals: ownId } }] : [])] },
        select: { version: { slug: true } },
        limit: 0,
        pagination: false,
        req,
      })
    : undefined;
  const slugs = [
    ...liveRows.docs.map((doc) => (doc as { slug?: string | null }).slug),
    ...(versionRows?.docs ?? []).map((doc) => (doc as { version?: { slug?: string | null } }).version?.slug),
  ];
  return new Set(slugs.filter((slug): slug is string => typeof slug === 'string'));
}
