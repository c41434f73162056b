import { fromPayloadArticle } from '../model/from-payload-article';
import { snippetHtml } from '../render/snippet';
import { articleCardHtml } from '../render/widgets';
import { TAG } from './cache-tags';
import { CmsUnavailableError } from './cms-client';
import { cms } from './cms';
import { type Chrome, chromeData, LIST_PAGE_SIZE, type ListPageProps, type PageMeta } from './page-data';
import { pageHref, type Pagination, pageSuffix, paginate } from './pagination';
import { readSearchRequest, SEARCH_PAGE_SIZE, searchHref, tagSlug } from './search';
import { siteInfo } from './site-config';
import { readAfterRevalidations } from './tag-clock';

/** One result as the page shows it: a link, where and when, and the excerpt (escaped HTML with `<mark>`s). */
export interface SearchResultView {
  href: string;
  headline: string;
  section: string | null;
  publishedAt: string | null;
  snippetHtml: string;
}

export type SearchState = 'start' | 'too-long' | 'bad-page' | 'results' | 'none' | 'past-end' | 'unavailable';

export interface SearchPageProps {
  chrome: Chrome;
  meta: PageMeta;
  /** What the reader typed, as typed (trimmed); React escapes it wherever it is shown. */
  q: string;
  state: SearchState;
  results: SearchResultView[];
  totalDocs: number;
  /** More than `totalDocs` stories match. */
  moreThanTotal: boolean;
  pagination: Pagination | null;
}

/** The page's HTTP status for each state. */
export const SEARCH_STATUS: Record<SearchState, number> = {
  start: 200,
  'too-long': 400,
  'bad-page': 404,
  results: 200,
  none: 200,
  'past-end': 404,
  unavailable: 503,
};

/** Navigation without the CMS: a search page must still render when the CMS cannot answer. */
async function chromeOrBare(): Promise<Chrome> {
  try {
    return await chromeData();
  } catch (error) {
    if (!(error instanceof CmsUnavailableError)) throw error;
    return { siteName: siteInfo().name, sections: [] };
  }
}

function searchPagination(q: string, page: number, totalPages: number): Pagination {
  return {
    page,
    totalPages,
    ...(page > 1 ? { prevHref: searchHref(q, page - 1) } : {}),
    ...(page < totalPages ? { nextHref: searchHref(q, page + 1) } : {}),
  };
}

/**
 * Everything `/search` shows for a query string. Nothing is sent to the CMS for an empty query, one over the length
 * limit or a malformed page number.
 */
export async function searchPageData(query: Record<string, string | string[] | undefined>): Promise<SearchPageProps> {
  const request = readSearchRequest(query);
  const site = siteInfo();
  const q = request.kind === 'empty' ? '' : request.q;
  const base = { q, results: [], totalDocs: 0, moreThanTotal: false, pagination: null };
  const meta = (title: string): PageMeta => ({
    title: `${title} | ${site.name}`,
    description: `Search the stories of ${site.name}.`,
    canonical: `${site.url}${q ? searchHref(q, request.kind === 'search' ? request.page : 1) : '/search'}`,
    type: 'website',
    // Result pages are for readers, not for search engines' indexes.
    noindex: true,
  });
  if (request.kind !== 'search') {
    const chrome = await chromeOrBare();
    const title = request.kind === 'empty' ? 'Search' : request.kind === 'too-long' ? 'Search: that is too long' : 'Search: no such page';
    return { ...base, chrome, meta: meta(title), state: request.kind === 'empty' ? 'start' : request.kind };
  }
  const [chrome, found] = await Promise.all([
    chromeOrBare(),
    cms()
      .search({ q: request.q, page: request.page, limit: SEARCH_PAGE_SIZE })
      .catch((error: unknown) => {
        if (error instanceof CmsUnavailableError) return undefined;
        throw error;
      }),
  ]);
  const title = `Search results for “${request.q}”${pageSuffix(request.page)}`;
  if (!found) return { ...base, chrome, meta: meta(title), state: 'unavailable' };
  // The CMS's own page count: past the matches it ranks, more are counted than can be paged to.
  const totalPages = found.totalPages;
  if (found.totalDocs === 0 && request.page === 1) return { ...base, chrome, meta: meta(title), state: 'none' };
  if (request.page > totalPages || found.docs.length === 0) return { ...base, chrome, meta: meta(title), state: 'past-end', totalDocs: found.totalDocs };
  return {
    chrome,
    meta: meta(title),
    q: request.q,
    state: 'results',
    totalDocs: found.totalDocs,
    moreThanTotal: found.totalDocsCapped === true,
    pagination: searchPagination(request.q, request.page, totalPages),
    results: found.docs.map((hit) => ({
      href: `/news/${hit.slug}`,
      headline: hit.headline,
      section: hit.section?.name ?? null,
      publishedAt: hit.publishedAt,
      snippetHtml: snippetHtml(hit.snippet.length > 0 ? hit.snippet : hit.dek ? [{ text: hit.dek, mark: false }] : []),
    })),
  };
}

/**
 * A tag's stories, newest first, `LIST_PAGE_SIZE` a page; undefined when no live story carries the tag or past the
 * last page. The heading is the tag as editors wrote it on the newest story.
 */
export function tagPageData(slug: string, page = 1): Promise<ListPageProps | undefined> {
  return readAfterRevalidations([TAG.tag(slug), TAG.sections], () => loadTagPage(slug, page));
}

async function loadTagPage(slug: string, page: number): Promise<ListPageProps | undefined> {
  const [chrome, articles] = await Promise.all([chromeData(), cms().taggedArticles({ slug, page, limit: LIST_PAGE_SIZE })]);
  if (articles.totalDocs === 0) return undefined;
  const path = `/tag/${slug}`;
  const pagination = paginate(path, page, articles.totalPages);
  if (!pagination || articles.docs.length === 0) return undefined;
  const views = articles.docs.map((doc) => fromPayloadArticle(doc));
  const name = views.flatMap((view) => view.article.tags).find((tag) => tagSlug(tag) === slug) ?? slug;
  const site = siteInfo();
  return {
    chrome,
    meta: {
      title: `${name}${pageSuffix(page)} | ${site.name}`,
      description: `Stories tagged “${name}” from ${site.name}.`,
      canonical: `${site.url}${pageHref(path, page)}`,
      type: 'website',
    },
    heading: name,
    intro: null,
    topCardsHtml: [],
    cardsHtml: views.map((view) => articleCardHtml(view.article, { renditions: view.photoRenditions })),
    pagination,
  };
}
