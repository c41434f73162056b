import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionSlug, PayloadRequest } from 'payload';

import { recordRevalidation } from '../../../jobs/outbox';
import { tagSlugs } from '../../../search/document';

/**
 * What a change means for the reader site, as tags in the site's vocabulary (apps/web/src/lib/cache-tags.ts), and the
 * hooks that record them. The tags go to the revalidation outbox (src/jobs/outbox.ts): written in the change's own
 * transaction, delivered once it commits, retried until the site has them. Tags name what changed, not every page
 * that might show it: the site knows which pages show what.
 */

type Related = number | string | { id?: number | string; slug?: string | null } | null | undefined;
type ArticleLike = {
  id?: number | string;
  slug?: string | null;
  _status?: string | null;
  section?: Related;
  authors?: Related[] | null;
  tags?: (string | null | undefined)[] | null;
};
type ProfileLike = { id?: number | string; slug?: string | null; name?: string | null } | null | undefined;

const slugOf = (value: Related) => (typeof value === 'object' && value && typeof value.slug === 'string' ? value.slug : undefined);
const idOf = (value: Related) => (typeof value === 'object' && value ? value.id : value ?? undefined);

function record(req: PayloadRequest, tags: string[]): Promise<void> {
  if (tags.length === 0 || req.context?.skipRevalidation) return Promise.resolve();
  return recordRevalidation(req, tags);
}

/** Slugs of related documents, given as populated objects or as ids. */
async function slugsOf(req: PayloadRequest, collection: CollectionSlug, values: Related[]): Promise<string[]> {
  const slugs = values.map(slugOf).filter((slug): slug is string => Boolean(slug));
  const ids = values.filter((value) => !slugOf(value)).map(idOf).filter((id) => id !== undefined && id !== null);
  if (ids.length > 0) {
    const found = await req.payload.find({ collection, where: { id: { in: ids } }, depth: 0, limit: ids.length, overrideAccess: true, req, pagination: false });
    for (const doc of found.docs as { slug?: string | null }[]) if (doc.slug) slugs.push(doc.slug);
  }
  return slugs;
}

/**
 * The tags an article change affects: nothing for drafts that were never live, nor for a draft saved over a live
 * story (the live version is untouched — Payload then leaves the main row alone); otherwise the article (old and new
 * slug), the lists, its sections and authors, and the pages of its tags (old and new).
 */
export async function articleChangeTags(req: PayloadRequest, doc: ArticleLike, previousDoc?: ArticleLike | null): Promise<string[]> {
  const liveNow = doc._status === 'published';
  const wasLive = previousDoc?._status === 'published';
  if (!liveNow && !wasLive) return [];
  if (!liveNow && doc.id !== undefined) {
    const row = (await req.payload.db.findOne({ collection: 'articles', where: { id: { equals: doc.id } }, req })) as ArticleLike | null;
    if (row?._status === 'published') return [];
  }
  const docs = [doc, ...(previousDoc ? [previousDoc] : [])];
  const [sections, authors] = await Promise.all([
    slugsOf(req, 'sections', docs.map((d) => d.section)),
    slugsOf(req, 'authors', docs.flatMap((d) => d.authors ?? [])),
  ]);
  return unique([
    ...docs.flatMap((d) => (d.slug ? [`article:${d.slug}`] : [])),
    'articles',
    ...sections.map((slug) => `section:${slug}`),
    ...authors.map((slug) => `author:${slug}`),
    ...docs.flatMap((d) => tagSlugs(d.tags)).map((slug) => `tag:${slug}`),
  ]);
}

const PAGE = 500;

/** Every live article that names an author, as `article:` tags (their bylines print the name). */
async function liveArticleTags(req: PayloadRequest, authorId: number | string): Promise<string[]> {
  const tags: string[] = [];
  for (let page = 1; ; page++) {
    const found = await req.payload.find({
      collection: 'articles',
      where: { and: [{ authors: { in: [authorId] } }, { _status: { equals: 'published' } }] },
      depth: 0,
      limit: PAGE,
      page,
      sort: 'id',
      overrideAccess: true,
      req,
      select: { slug: true },
    });
    for (const doc of found.docs as { slug?: string | null }[]) if (doc.slug) tags.push(`article:${doc.slug}`);
    if (!found.hasNextPage) return tags;
  }
}

function unique(tags: string[]): string[] {
  return [...new Set(tags)];
}

const slugsOfProfile = (...docs: ProfileLike[]) => unique(docs.map((doc) => doc?.slug).filter((slug): slug is string => typeof slug === 'string' && slug !== ''));

/**
 * An author or a section: its own page always. When its name or slug changes (or it is new, or gone), also what prints
 * the name: for a section the navigation on every page (`sections`) and the cards (`articles`); for an author the
 * cards, the sitemaps (`authors`) and the byline of every live story of theirs. A bio or description edit shows only on
 * the profile's own page.
 */
export async function profileChangeTags(
  req: PayloadRequest,
  kind: 'author' | 'section',
  doc: ProfileLike,
  previousDoc: ProfileLike,
  { deleted = false }: { deleted?: boolean } = {},
): Promise<string[]> {
  const own = slugsOfProfile(doc, previousDoc).map((slug) => `${kind}:${slug}`);
  const renamed = deleted || !previousDoc?.id || previousDoc.name !== doc?.name || previousDoc.slug !== doc?.slug;
  if (!renamed) return own;
  if (kind === 'section') return [...own, 'sections', 'articles'];
  const isNew = !deleted && !previousDoc?.id;
  // A new author has no stories yet: theirs bring the author's tag when they are published.
  const stories = !isNew && doc?.id !== undefined ? await liveArticleTags(req, doc.id) : [];
  return unique([...own, 'authors', ...(isNew ? [] : ['articles']), ...stories]);
}

export const revalidateArticleAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  await record(req, await articleChangeTags(req, doc, previousDoc));
  return doc;
};

export const revalidateArticleAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (doc?._status === 'published') await record(req, await articleChangeTags(req, { ...doc, _status: 'published' }));
  return doc;
};

/** Headlines (the front page and the "Latest Headlines" JSON) and ad slots (every article page). */
export const revalidateTagAfterChange =
  (tag: 'headlines' | 'ad-slots'): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    await record(req, [tag]);
    return doc;
  };

export const revalidateTagAfterDelete =
  (tag: 'headlines' | 'ad-slots'): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await record(req, [tag]);
    return doc;
  };

const revalidateProfile =
  (kind: 'author' | 'section'): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    await record(req, await profileChangeTags(req, kind, doc, previousDoc));
    return doc;
  };

export const revalidateAuthorAfterChange = revalidateProfile('author');
export const revalidateSectionAfterChange = revalidateProfile('section');

export const revalidateProfileAfterDelete =
  (kind: 'author' | 'section'): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await record(req, await profileChangeTags(req, kind, doc, doc, { deleted: true }));
    return doc;
  };
