/**
 * `?page=N` on the front, section and author pages. Pages are ISR pages, and getStaticProps never sees a query
 * string, so next.config.ts rewrites `/section/world?page=2` to `/section/world/page/2` (a page of its own, cached
 * on its own); readers and crawlers only ever see the `?page=` form, which is also the canonical URL.
 */

/** Past this a page number is refused without asking the CMS. */
export const MAX_PAGE = 10_000;

/**
 * The page a `[page]` path segment names: a positive integer written plainly ("2", not "02", "2.0", "+2"), at most
 * {@link MAX_PAGE}. Undefined otherwise (0, negative, not an integer, not a number) — the page answers 404.
 */
export function parsePage(value: string | string[] | undefined): number | undefined {
  if (typeof value !== 'string' || !/^[1-9]\d{0,4}$/.test(value)) return undefined;
  const page = Number(value);
  return page <= MAX_PAGE ? page : undefined;
}

/** A listing's URL for a page: page 1 is the bare path, later pages add `?page=N`. */
export function pageHref(basePath: string, page: number): string {
  return page <= 1 ? basePath : `${basePath}?page=${page}`;
}

export interface Pagination {
  page: number;
  totalPages: number;
  /** Site-relative links; absent on the first and last page. */
  prevHref?: string;
  nextHref?: string;
}

/**
 * Where page `page` of `totalPages` links. Undefined when there is no such page: past the end is a 404, except
 * page 1, which exists even with no stories at all.
 */
export function paginate(basePath: string, page: number, totalPages: number): Pagination | undefined {
  const last = Math.max(1, totalPages);
  if (!Number.isInteger(page) || page < 1 || page > last) return undefined;
  return {
    page,
    totalPages: last,
    ...(page > 1 ? { prevHref: pageHref(basePath, page - 1) } : {}),
    ...(page < last ? { nextHref: pageHref(basePath, page + 1) } : {}),
  };
}

/** " – page 2" for titles of later pages; nothing for page 1. */
export function pageSuffix(page: number): string {
  return page > 1 ? ` – page ${page}` : '';
}
