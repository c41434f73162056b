import type { GetStaticPropsResult } from 'next';

import type { ListPageProps } from './page-data';
import { parsePage } from './pagination';
import { siteConfig } from './site-config';

export type ListPageResult = GetStaticPropsResult<ListPageProps & { siteUrl: string }>;

/** Listings re-render at least this often; a publish re-renders page 1 at once (docs/adr/0011). */
export const LIST_REVALIDATE = 60;
/** A URL that can never name a page (a bad slug or page number) is remembered for longer. */
const NEVER_REVALIDATE = 3600;

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * getStaticProps of a listing's later page (`/section/<slug>/page/<n>`, what `?page=<n>` is rewritten to): a real 404
 * for a page number that is not a positive integer or lies past the last page, and page 1 redirected to the
 * listing's own URL, which is its canonical.
 */
export async function laterPageProps(
  basePath: string,
  pageParam: string | string[] | undefined,
  load: (page: number) => Promise<ListPageProps | undefined>,
): Promise<ListPageResult> {
  const page = parsePage(pageParam);
  if (page === undefined) return { notFound: true, revalidate: NEVER_REVALIDATE };
  if (page === 1) return { redirect: { destination: basePath, permanent: true }, revalidate: NEVER_REVALIDATE };
  return listPageProps(await load(page));
}

/** Props for a listing page, or a 404 (re-checked on the listing's timer: stories may come). */
export function listPageProps(data: ListPageProps | undefined): ListPageResult {
  if (!data) return { notFound: true, revalidate: LIST_REVALIDATE };
  // Plain JSON: Next refuses `undefined` in page props.
  const props = JSON.parse(JSON.stringify({ ...data, siteUrl: siteConfig().siteUrl })) as ListPageProps & { siteUrl: string };
  return { props, revalidate: LIST_REVALIDATE };
}

export function badSlug(slug: string): ListPageResult | undefined {
  return SLUG.test(slug) ? undefined : { notFound: true, revalidate: NEVER_REVALIDATE };
}
