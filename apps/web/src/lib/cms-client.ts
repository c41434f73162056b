import { createHmac } from 'node:crypto';

import {
  AD_SLOT_SELECT,
  ARTICLE_POPULATE,
  ARTICLE_SELECT,
  AUTHOR_SELECT,
  HEADLINE_POPULATE,
  HEADLINE_SELECT,
  LIST_SELECT,
  MEDIA_SELECT,
  SECTION_SELECT,
  type Select,
} from '@newsroom/schema';

import type {
  PayloadAdSlot,
  PayloadArticle,
  PayloadAuthor,
  PayloadHeadline,
  PayloadList,
  PayloadMedia,
  PayloadSection,
  PayloadUser,
} from './payload-types';
import { type QueryValue, toQueryString } from './query-string';
import { readSearchResults, type SearchResults } from './search';

/** The CMS could not be reached or failed (network error, timeout, 5xx): the answer is unknown, not "absent". */
export class CmsUnavailableError extends Error {
  override name = 'CmsUnavailableError';
}

/** The CMS refused a request the site should never make (4xx other than 404): a bug, not an outage. */
export class CmsRequestError extends Error {
  override name = 'CmsRequestError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface CmsClientOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  /** Per request; a hung CMS must not hang a reader's request for long. */
  timeoutMs?: number;
  /**
   * Identical anonymous GETs within this window share one response, and concurrent ones share one request: when a
   * publish regenerates many pages at once they ask for the same lists. `clearMemo()` empties it.
   */
  memoMs?: number;
  /**
   * The secret the site shares with the CMS (the revalidation secret): it signs the reader's address on licensing
   * requests, so the CMS limits them per reader even behind proxies that rewrite `X-Forwarded-For`.
   */
  readerSecret?: string;
}

export interface ListOptions {
  limit: number;
  page?: number;
  sectionId?: number;
  /** Only articles of the section with this slug (`section.slug` equals it). */
  sectionSlug?: string;
  authorId?: number;
  /** Only articles published at or after this ISO time. */
  since?: string;
  /** Leave out the body (lists and feeds do not render it). */
  withoutBody?: boolean;
}

/** What sitemaps and feeds need of an article: no relationships (`depth: 0`), only the fields asked for. */
export type PayloadArticleRef = Pick<PayloadArticle, 'id'> & Partial<Pick<PayloadArticle, ArticleRefField>>;

/** The fields a reference may carry (`corrections` dates the last change: the News sitemap's `lastmod`). */
export type ArticleRefField = 'slug' | 'headline' | 'publishedAt' | 'updatedAt' | 'corrections';

/** What the CMS says of a story it has killed (`GET /api/articles/gone/:slug`). */
export interface GoneArticle {
  slug: string;
  /** ISO time of the kill, when the CMS says. */
  killedAt?: string;
}

export interface ArticleRefOptions {
  limit: number;
  page?: number;
  /** Only articles published at or after this ISO time. */
  from?: string;
  /** Only articles published before this ISO time. */
  before?: string;
  /** `oldest`: by publication, oldest first (stable pages for sitemaps); `newest`: newest first; `updated`: last edited first. */
  order: 'oldest' | 'newest' | 'updated';
  fields: readonly ArticleRefField[];
}

/** What a reader sends to ask for a license. */
export interface LicenseRequestInput {
  photo?: number | string;
  article?: number | string;
  name: string;
  email: string;
  organisation?: string;
  intendedUse: string;
  message: string;
  /** The form's trap field, passed on as filled in. */
  website?: string;
}

export type LicenseRequestOutcome =
  | { ok: true; id: string }
  | { ok: false; status: 400; errors: Record<string, string>; message: string }
  | { ok: false; status: 429; message: string };

/** Field errors from a Payload validation error body: `{ errors: [{ message, data: { errors: [{ path, message }] } }] }`. */
function fieldErrorsOf(body: unknown): { message: string; errors: Record<string, string> } {
  const first = (body as { errors?: { message?: unknown; data?: { errors?: { path?: unknown; message?: unknown }[] } }[] } | undefined)?.errors?.[0];
  const errors: Record<string, string> = {};
  for (const error of first?.data?.errors ?? []) {
    if (typeof error.path === 'string' && typeof error.message === 'string') errors[error.path] = error.message;
  }
  return { message: typeof first?.message === 'string' ? first.message : 'The request was refused.', errors };
}

/** The only code in the site that talks to the CMS: its REST API, typed. */
export interface CmsClient {
  /** A live article by slug, or with `draftToken` (an editor's Payload token) its latest draft. */
  article(slug: string, options?: { draftToken?: string }): Promise<PayloadArticle | undefined>;
  /** Live articles, newest first. */
  articles(options: ListOptions): Promise<PayloadList<PayloadArticle>>;
  /** Live articles as bare references (sitemaps, Google News), one page of `limit` at a time. */
  articleRefs(options: ArticleRefOptions): Promise<PayloadList<PayloadArticleRef>>;
  /**
   * Live articles' ids and slugs, highest id first, `limit` at a time, after the id the last call ended on (`beforeId`):
   * read by key, so listing a whole archive costs each request the same, however deep it goes. No page count.
   */
  articleSlugsBefore(options: { beforeId?: number; limit: number }): Promise<{ id: number; slug?: string | null }[]>;
  /**
   * Whether the story once at `/news/<slug>` was killed (taken down for good): its tombstone, or undefined when the
   * CMS never killed a story of that slug. Anonymous: the CMS answers it for anyone.
   */
  goneArticle(slug: string): Promise<GoneArticle | undefined>;
  /** Live stories with every word of `q` in their headline, dek or body, best first (`GET /api/search`). */
  search(options: { q: string; page: number; limit: number }): Promise<SearchResults>;
  /** Live stories carrying the tag whose slug this is, newest first, without bodies (`GET /api/search/tags/<slug>`). */
  taggedArticles(options: { slug: string; page: number; limit: number }): Promise<PayloadList<PayloadArticle>>;
  /** Curated headlines that have not expired, in the editors' order. */
  headlines(limit: number): Promise<PayloadHeadline[]>;
  /** Ad slots active now. */
  adSlots(): Promise<PayloadAdSlot[]>;
  author(slug: string): Promise<PayloadAuthor | undefined>;
  section(slug: string): Promise<PayloadSection | undefined>;
  sections(): Promise<PayloadSection[]>;
  authors(): Promise<PayloadAuthor[]>;
  /** Authors by name, one page of `limit` at a time (slugs only). */
  authorPage(options: { limit: number; page: number }): Promise<PayloadList<PayloadAuthor>>;
  /** The staff user a Payload token belongs to, or undefined when it is not valid. */
  currentUser(token: string): Promise<PayloadUser | undefined>;
  /** A file of the media collection, streamed as the CMS serves it. */
  mediaFile(filename: string): Promise<Response>;
  /** A photo of the media library that readers may see (one a live story shows), or undefined. */
  photo(id: string): Promise<PayloadMedia | undefined>;
  /**
   * Stores a reader's request to license a photo (`POST /api/license-requests`, anonymous), naming the reader's
   * address as the nearest proxy would, so the CMS limits requests per reader. Field errors come back by field.
   */
  createLicenseRequest(data: LicenseRequestInput, clientAddress: string): Promise<LicenseRequestOutcome>;
  clearMemo(): void;
}

export function createCmsClient(options: CmsClientOptions): CmsClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 4000;
  const memoMs = options.memoMs ?? 0;
  const memo = new Map<string, { expires: number; value: Promise<unknown> }>();

  async function request(path: string, headers: Record<string, string> = {}): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        headers: { accept: 'application/json', ...headers },
        signal: AbortSignal.timeout(timeoutMs),
        cache: 'no-store',
      });
    } catch (error) {
      throw new CmsUnavailableError(`CMS unreachable at ${base}: ${(error as Error).message}`, { cause: error });
    }
    if (response.status >= 500) {
      throw new CmsUnavailableError(`CMS answered ${response.status} for ${path}`);
    }
    return response;
  }

  async function getJson<T>(path: string, params: Record<string, QueryValue>, token?: string): Promise<T | undefined> {
    const query = toQueryString(params);
    const url = query ? `${path}?${query}` : path;
    const load = async () => {
      const response = await request(url, token ? { authorization: `JWT ${token}` } : {});
      if (response.status === 404) return undefined;
      if (!response.ok) throw new CmsRequestError(`CMS answered ${response.status} for ${url}`, response.status);
      try {
        return (await response.json()) as T;
      } catch (error) {
        throw new CmsUnavailableError(`CMS sent a body that is not JSON for ${url}`, { cause: error });
      }
    };
    if (token || memoMs <= 0) return load();
    const now = Date.now();
    const hit = memo.get(url);
    if (hit && hit.expires > now) return hit.value as Promise<T | undefined>;
    const value = load();
    memo.set(url, { expires: now + memoMs, value });
    // A failure must not be remembered.
    value.catch(() => memo.delete(url));
    return value;
  }

  async function list<T>(path: string, params: Record<string, QueryValue>, token?: string): Promise<PayloadList<T>> {
    const result = await getJson<PayloadList<T>>(path, params, token);
    if (!result || !Array.isArray(result.docs)) throw new CmsUnavailableError(`CMS sent no list for ${path}`);
    return result;
  }

  // A lookup by slug wants one document, not a page count: `pagination: false` spares the CMS its count query.
  const bySlug = async <T>(collection: string, slug: string, select: Select): Promise<T | undefined> =>
    (await list<T>(`/api/${collection}`, { where: { slug: { equals: slug } }, limit: 1, pagination: false, depth: 0, select })).docs[0];

  return {
    async article(slug, { draftToken } = {}) {
      const result = await list<PayloadArticle>(
        '/api/articles',
        { where: { slug: { equals: slug } }, limit: 1, pagination: false, depth: 1, select: ARTICLE_SELECT, populate: ARTICLE_POPULATE, draft: draftToken ? true : undefined },
        draftToken,
      );
      return result.docs[0];
    },

    articles({ limit, page, sectionId, sectionSlug, authorId, since, withoutBody }) {
      const and: QueryValue[] = [];
      if (sectionId !== undefined) and.push({ section: { equals: sectionId } });
      if (sectionSlug !== undefined) and.push({ 'section.slug': { equals: sectionSlug } });
      if (authorId !== undefined) and.push({ authors: { in: [authorId] } });
      if (since !== undefined) and.push({ publishedAt: { greater_than_equal: since } });
      return list<PayloadArticle>('/api/articles', {
        where: and.length ? { and } : undefined,
        sort: '-publishedAt',
        limit,
        page,
        depth: 1,
        select: withoutBody ? LIST_SELECT : ARTICLE_SELECT,
        populate: ARTICLE_POPULATE,
      });
    },

    async articleSlugsBefore({ beforeId, limit }) {
      const result = await list<{ id: number; slug?: string | null }>('/api/articles', {
        where: beforeId !== undefined ? { id: { less_than: beforeId } } : undefined,
        sort: '-id',
        limit,
        depth: 0,
        pagination: false,
        select: { slug: true },
      });
      return result.docs;
    },

    articleRefs({ limit, page, from, before, order, fields }) {
      const and: QueryValue[] = [];
      if (from !== undefined) and.push({ publishedAt: { greater_than_equal: from } });
      if (before !== undefined) and.push({ publishedAt: { less_than: before } });
      return list<PayloadArticleRef>('/api/articles', {
        where: and.length ? { and } : undefined,
        // `id` breaks ties, so consecutive pages neither repeat nor skip a story.
        sort: order === 'oldest' ? 'publishedAt,id' : order === 'newest' ? '-publishedAt,-id' : '-updatedAt,-id',
        limit,
        page,
        depth: 0,
        select: Object.fromEntries(fields.map((field) => [field, true])),
      });
    },

    async goneArticle(slug) {
      const body = await getJson<{ slug?: unknown; killedAt?: unknown }>(`/api/articles/gone/${encodeURIComponent(slug)}`, {});
      if (body === undefined) return undefined;
      if (typeof body !== 'object' || body === null) throw new CmsUnavailableError(`CMS sent no tombstone for ${slug}`);
      const killedAt = typeof body.killedAt === 'string' && !Number.isNaN(Date.parse(body.killedAt)) ? new Date(body.killedAt).toISOString() : undefined;
      return { slug, ...(killedAt ? { killedAt } : {}) };
    },

    async search({ q, page, limit }) {
      const results = readSearchResults(await getJson<unknown>('/api/search', { q, page, limit }));
      if (!results) throw new CmsUnavailableError('CMS sent no search results');
      return results;
    },

    taggedArticles({ slug, page, limit }) {
      return list<PayloadArticle>(`/api/search/tags/${encodeURIComponent(slug)}`, { page, limit });
    },

    async headlines(limit) {
      // Pinned first, then the order editors dragged them into.
      // Depth 2: the headline's article, and that article's section (its name labels the entry).
      return (await list<PayloadHeadline>('/api/headlines', { limit, depth: 2, sort: '-pinned,_order', select: HEADLINE_SELECT, populate: HEADLINE_POPULATE }))
        .docs;
    },

    async adSlots() {
      return (await list<PayloadAdSlot>('/api/ad-slots', { limit: 100, depth: 1, sort: 'createdAt', select: AD_SLOT_SELECT, populate: { media: MEDIA_SELECT } })).docs;
    },

    author: (slug) => bySlug<PayloadAuthor>('authors', slug, AUTHOR_SELECT),
    section: (slug) => bySlug<PayloadSection>('sections', slug, SECTION_SELECT),

    async sections() {
      return (await list<PayloadSection>('/api/sections', { limit: 200, depth: 0, sort: 'name', select: SECTION_SELECT })).docs;
    },

    async authors() {
      return (await list<PayloadAuthor>('/api/authors', { limit: 1000, depth: 0, sort: 'name', select: AUTHOR_SELECT })).docs;
    },

    authorPage({ limit, page }) {
      return list<PayloadAuthor>('/api/authors', { limit, page, depth: 0, sort: 'name,id', select: { slug: true, name: true, updatedAt: true } });
    },

    async currentUser(token) {
      const response = await request('/api/users/me', { authorization: `JWT ${token}` });
      if (!response.ok) return undefined;
      const body = (await response.json().catch(() => undefined)) as { user?: PayloadUser | null } | undefined;
      return body?.user ?? undefined;
    },

    mediaFile(filename) {
      return request(`/api/media/file/${encodeURIComponent(filename)}`, { accept: '*/*' });
    },

    async photo(id) {
      if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) return undefined;
      try {
        return await getJson<PayloadMedia>(`/api/media/${encodeURIComponent(id)}`, { depth: 0, select: MEDIA_SELECT });
      } catch (error) {
        // A photo readers may not see is "forbidden" to them: for the site, it is not there.
        if (error instanceof CmsRequestError && error.status === 403) return undefined;
        throw error;
      }
    },

    async createLicenseRequest(data, clientAddress) {
      let response: Response;
      try {
        response = await doFetch(`${base}/api/license-requests`, {
          method: 'POST',
          headers: {
            accept: 'application/json',
            'content-type': 'application/json',
            'x-forwarded-for': clientAddress,
            ...(options.readerSecret
              ? { 'x-reader-address': clientAddress, 'x-reader-signature': createHmac('sha256', options.readerSecret).update(clientAddress).digest('hex') }
              : {}),
          },
          body: JSON.stringify(data),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new CmsUnavailableError(`CMS unreachable at ${base}: ${(error as Error).message}`, { cause: error });
      }
      const body = (await response.json().catch(() => undefined)) as { doc?: { id?: unknown } } | undefined;
      if (response.status === 201 && body?.doc?.id !== undefined) return { ok: true, id: String(body.doc.id) };
      if (response.status === 429) return { ok: false, status: 429, message: fieldErrorsOf(body).message };
      if (response.status === 400) return { ok: false, status: 400, ...fieldErrorsOf(body) };
      if (response.status >= 500) throw new CmsUnavailableError(`CMS answered ${response.status} for a license request`);
      throw new CmsRequestError(`CMS answered ${response.status} for a license request`, response.status);
    },

    clearMemo() {
      memo.clear();
    },
  };
}
