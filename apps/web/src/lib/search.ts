import { slugify } from '@newsroom/schema';

import { MAX_PAGE } from './pagination';

/**
 * The reader search (`/search?q=…&page=N`) and tag pages (`/tag/<slug>`): what the site asks the CMS for
 * (`GET /api/search`, `GET /api/search/tags/<slug>`, apps/cms/src/search/) and how it reads the answers.
 */

/** Longer queries get a friendly page and are never sent. The CMS refuses them too. */
export const MAX_QUERY_LENGTH = 200;
export const SEARCH_PAGE_SIZE = 10;

/** A piece of an excerpt; `mark` pieces are the words that matched. Plain text, escaped when rendered. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

export interface SearchHit {
  id: number;
  slug: string;
  headline: string;
  dek: string | null;
  publishedAt: string | null;
  section?: { slug: string; name: string };
  snippet: SnippetPart[];
}

export interface SearchResults {
  docs: SearchHit[];
  page: number;
  /** How many stories match; with `totalDocsCapped`, more than this many do (the CMS stops counting there). */
  totalDocs: number;
  totalPages: number;
  totalDocsCapped?: true;
}

export type SearchRequest =
  | { kind: 'empty' }
  | { kind: 'too-long'; q: string }
  | { kind: 'bad-page'; q: string }
  | { kind: 'search'; q: string; page: number };

/** What a `/search` URL asks for: `q` trimmed (the first one if repeated), `page` a plain positive integer. */
export function readSearchRequest(query: Record<string, string | string[] | undefined>): SearchRequest {
  const raw = Array.isArray(query.q) ? query.q[0] : query.q;
  const q = (raw ?? '').trim();
  if (q === '') return { kind: 'empty' };
  if (q.length > MAX_QUERY_LENGTH) return { kind: 'too-long', q };
  const pageParam = Array.isArray(query.page) ? query.page[0] : query.page;
  if (pageParam === undefined || pageParam === '') return { kind: 'search', q, page: 1 };
  if (!/^[1-9]\d{0,4}$/.test(pageParam) || Number(pageParam) > MAX_PAGE) return { kind: 'bad-page', q };
  return { kind: 'search', q, page: Number(pageParam) };
}

/** A results page's own URL: page 1 has no `page`. */
export function searchHref(q: string, page = 1): string {
  const params = new URLSearchParams({ q });
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

const str = (value: unknown): value is string => typeof value === 'string';
const count = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0);

function snippetOf(value: unknown): SnippetPart[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((part: { text?: unknown; mark?: unknown } | null) =>
    part && str(part.text) && part.text !== '' ? [{ text: part.text, mark: part.mark === true }] : [],
  );
}

/** The CMS's answer, kept only where it has the expected shape: a hit without a usable slug and headline is dropped. */
export function readSearchResults(body: unknown): SearchResults | undefined {
  const value = body as { docs?: unknown; page?: unknown; totalDocs?: unknown; totalPages?: unknown; totalDocsCapped?: unknown } | null;
  if (!value || typeof value !== 'object' || !Array.isArray(value.docs)) return undefined;
  const docs = value.docs.flatMap((doc: Record<string, unknown> | null): SearchHit[] => {
    if (!doc || typeof doc !== 'object' || typeof doc.id !== 'number' || !str(doc.slug) || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(doc.slug)) return [];
    if (!str(doc.headline) || doc.headline.trim() === '') return [];
    const section = doc.section as { slug?: unknown; name?: unknown } | undefined;
    return [
      {
        id: doc.id,
        slug: doc.slug,
        headline: doc.headline,
        dek: str(doc.dek) && doc.dek.trim() !== '' ? doc.dek : null,
        publishedAt: str(doc.publishedAt) && !Number.isNaN(Date.parse(doc.publishedAt)) ? doc.publishedAt : null,
        ...(section && str(section.slug) && str(section.name) ? { section: { slug: section.slug, name: section.name } } : {}),
        snippet: snippetOf(doc.snippet),
      },
    ];
  });
  return {
    docs,
    page: Math.max(1, count(value.page)),
    totalDocs: count(value.totalDocs),
    totalPages: Math.max(1, count(value.totalPages)),
    ...(value.totalDocsCapped === true ? { totalDocsCapped: true as const } : {}),
  };
}

/**
 * A tag's URL slug: the article slug rule applied to the tag. A tag with nothing to transliterate ("日本") has none
 * (and no page), rather than the article rule's fallback. The CMS indexes tags by the same rule.
 */
export function tagSlug(tag: string): string | undefined {
  const slug = slugify(tag);
  return slug === 'story' && slugify(`${tag} x`) === 'x' ? undefined : slug;
}
