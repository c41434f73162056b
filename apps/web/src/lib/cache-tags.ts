/**
 * The revalidation vocabulary shared with the CMS (apps/cms/src/collections/Articles/hooks/revalidate.ts): the CMS
 * says what changed, the site knows which pages and cached data show it.
 *
 * - `articles`: the set or order of live articles changed (front page, feeds, sitemaps, widget JSON — and so the
 *   "Latest Headlines" rail, which article pages load from the widget JSON)
 * - `article:<slug>`: that article's page, JSON and oEmbed
 * - `section:<slug>`, `author:<slug>`: those listing pages
 * - `tag:<slug>`: the tag page of the tag whose slug that is (`/tag/<slug>`)
 * - `headlines`: curated headlines (front page, widget JSON, so the rail)
 * - `ad-slots`: ad slots (every article page)
 * - `sections`, `authors`: the collections (navigation on every page; sitemaps)
 *
 * What a publish re-renders is what shows that story: its page, the front page, its section and author pages, and the
 * cached data behind feeds, sitemaps and widget JSON — never a number of pages that grows with the archive
 * (docs/adr/0014). Only ad slots and sections touch every page; those go to one rate-limited background sweep.
 */
export const TAG = {
  articles: 'articles',
  headlines: 'headlines',
  adSlots: 'ad-slots',
  sections: 'sections',
  authors: 'authors',
  article: (slug: string) => `article:${slug}`,
  section: (slug: string) => `section:${slug}`,
  author: (slug: string) => `author:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
} as const;

const TAG_PATTERN = /^(?:articles|headlines|ad-slots|sections|authors|(?:article|section|author|tag):[a-z0-9]+(?:-[a-z0-9]+)*)$/;
const MAX_TAGS = 500;

/**
 * The most a revalidation body (`{tags}`, and the page plan `/api/regenerate` gets from it) may be: 256 KiB. The
 * largest the tag cap lets through is about 160 KB — 500 tags, each `article:` and the slug of a 300-character
 * headline — so a real one always fits, and the site never holds more than this of anyone's body.
 */
export const REVALIDATE_BODY_LIMIT = 256 * 1024;

/** The tags of a revalidation request body `{tags: [...]}`, or a reason it is refused. */
export function parseRevalidateBody(body: unknown): { tags: string[] } | { error: string } {
  const tags = (body as { tags?: unknown } | null)?.tags;
  if (!Array.isArray(tags) || tags.length === 0) return { error: 'body must be {"tags": [ … ]} with at least one tag' };
  if (tags.length > MAX_TAGS) return { error: `at most ${MAX_TAGS} tags at once` };
  const bad = tags.find((tag) => typeof tag !== 'string' || !TAG_PATTERN.test(tag));
  if (bad !== undefined) return { error: `unknown tag ${JSON.stringify(bad)}` };
  return { tags: [...new Set(tags as string[])] };
}

/** The front page's real path (`/` is a rewrite to it). */
export const FRONT_PATH = '/front/latest';

/** Which pages show what the tags name. */
export interface PagePlan {
  /** Pages to regenerate now, in this order. */
  paths: string[];
  /** Every cached article page shows it too (the ads, the navigation): re-rendered by the background sweep. */
  allArticles: boolean;
  /** Every cached section and author page shows it too (the navigation): re-rendered by the background sweep. */
  allListings: boolean;
}

export function pagesForTags(tags: readonly string[]): PagePlan {
  const paths = new Set<string>();
  let allArticles = false;
  let allListings = false;
  for (const tag of tags) {
    const [kind, slug] = tag.split(':') as [string, string | undefined];
    if (kind === 'article' && slug) paths.add(`/news/${slug}`);
    else if (kind === 'section' && slug) paths.add(`/section/${slug}`);
    else if (kind === 'author' && slug) paths.add(`/author/${slug}`);
    else if (kind === 'tag' && slug) paths.add(`/tag/${slug}`);
    // Article pages load their rail from the widget JSON (cached under these tags), so only the front page re-renders.
    else if (tag === TAG.articles || tag === TAG.headlines) paths.add(FRONT_PATH);
    else if (tag === TAG.adSlots) allArticles = true;
    else if (tag === TAG.sections) {
      paths.add(FRONT_PATH);
      allArticles = true;
      allListings = true;
    }
  }
  // The article pages themselves first: they are what the editor is looking at.
  const ordered = [...paths].sort((a, b) => rank(a) - rank(b));
  return { paths: ordered, allArticles, allListings };
}

function rank(path: string): number {
  if (path.startsWith('/news/')) return 0;
  if (path === FRONT_PATH) return 1;
  return 2;
}
