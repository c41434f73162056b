import type { Endpoint, PayloadRequest } from 'payload';

import { isTimeout } from './database';
import { MAX_QUERY_LENGTH, searchTerms } from './query';
import { searchForReaders, taggedForReaders } from './search';

/** Results per page unless `limit` says otherwise, and the most it may say. */
export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 50;
/** Deep pages cost an offset scan of every better match; nobody reads page 500 of a search. */
export const MAX_SEARCH_PAGE = 100;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CACHE = { 'Cache-Control': 'public, max-age=30' };

function refuse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ errors: [{ message }] }, { status, headers });
}

function searchParams(req: PayloadRequest): URLSearchParams {
  return req.searchParams ?? new URL(req.url ?? 'http://localhost/').searchParams;
}

/** A positive integer query parameter, its default when absent, or undefined when it is anything else. */
function positiveInt(value: string | null, fallback: number, max: number): number | undefined {
  if (value === null || value === '') return fallback;
  if (!/^[1-9]\d{0,5}$/.test(value)) return undefined;
  const number = Number(value);
  return number <= max ? number : undefined;
}

function paging(params: URLSearchParams): { page: number; limit: number } | Response {
  const page = positiveInt(params.get('page'), 1, MAX_SEARCH_PAGE);
  if (page === undefined) return refuse(400, `page must be a whole number from 1 to ${MAX_SEARCH_PAGE}.`);
  const limit = positiveInt(params.get('limit'), DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT);
  if (limit === undefined) return refuse(400, `limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}.`);
  return { page, limit };
}

async function withinBudget(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (isTimeout(error)) return refuse(503, 'The search took too long. Try fewer or more specific words.', { 'Retry-After': '5' });
    throw error;
  }
}

/**
 * GET /api/search?q=&page=&limit= — what readers find: live stories whose headline, dek or body has every word of
 * `q`, best match first. Public. `q` is words only (no operators) of at most 200 characters; `limit` at most 50.
 * Answers `{ docs: [{ id, slug, headline, dek, publishedAt, section?, snippet }], page, limit, totalDocs, totalPages }`
 * where `snippet` is an excerpt as `[{ text, mark }]` parts, plain text, the matched words marked. Past 1,000 matches
 * the count stops: `totalDocs` is 1000 and `totalDocsCapped: true` says more match.
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req) => {
    const params = searchParams(req);
    const q = (params.get('q') ?? '').trim();
    if (q === '') return refuse(400, 'Say what to search for: ?q=words.');
    if (q.length > MAX_QUERY_LENGTH) return refuse(400, `A search is at most ${MAX_QUERY_LENGTH} characters.`);
    const paged = paging(params);
    if (paged instanceof Response) return paged;
    return withinBudget(async () => {
      const result = await searchForReaders(req.payload, { terms: searchTerms(q), ...paged });
      return Response.json(result, { headers: CACHE });
    });
  },
};

/**
 * GET /api/search/tags/:slug?page=&limit= — the live stories carrying a tag whose slug (`slugify(tag)`) is `slug`,
 * newest first, as Payload documents (depth 1, without the body) read with the caller's own access. Public.
 */
export const tagArticlesEndpoint: Endpoint = {
  path: '/search/tags/:slug',
  method: 'get',
  handler: async (req) => {
    const slug = String(req.routeParams?.slug ?? '');
    if (!SLUG.test(slug) || slug.length > 200) return refuse(404, 'No such tag.');
    const paged = paging(searchParams(req));
    if (paged instanceof Response) return paged;
    return withinBudget(async () => {
      const ids = await taggedForReaders(req.payload, { slug, ...paged });
      const found =
        ids.docs.length > 0
          ? await req.payload.find({
              collection: 'articles',
              where: { id: { in: ids.docs } },
              depth: 1,
              limit: ids.docs.length,
              pagination: false,
              select: { body: false },
              overrideAccess: false,
              req,
            })
          : { docs: [] };
      const byId = new Map(found.docs.map((doc) => [Number(doc.id), doc]));
      const docs = ids.docs.flatMap((id) => byId.get(id) ?? []);
      return Response.json({ ...ids, docs }, { headers: CACHE });
    });
  },
};

export const searchEndpoints: Endpoint[] = [searchEndpoint, tagArticlesEndpoint];
