import type { GetStaticPaths, GetStaticProps } from 'next';

import { ListPage } from '../../components/ListPage';
import { badSlug, listPageProps } from '../../lib/list-pages';
import type { ListPageProps } from '../../lib/page-data';

/** `/tag/<slug>`: the live stories carrying a tag, newest first, page by page like a section (`?page=N`). */
export const config = { unstable_runtimeJS: false };

type Props = ListPageProps & { siteUrl: string };

export default function TagPage(props: Props) {
  return <ListPage {...props} />;
}

export const getStaticPaths: GetStaticPaths = async () => ({ paths: [], fallback: 'blocking' });

export const getStaticProps: GetStaticProps<Props, { slug: string }> = async ({ params }) => {
  const slug = params?.slug ?? '';
  const refused = badSlug(slug);
  if (refused) return refused;
  const { tagPageData } = await import('../../lib/search-pages');
  return listPageProps(await tagPageData(slug));
};
