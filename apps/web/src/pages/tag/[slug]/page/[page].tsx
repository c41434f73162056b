import type { GetStaticPaths, GetStaticProps } from 'next';

import { ListPage } from '../../../../components/ListPage';
import { badSlug, laterPageProps } from '../../../../lib/list-pages';
import type { ListPageProps } from '../../../../lib/page-data';

/** Page 2 onwards of a tag: `/tag/<slug>?page=<n>`, rewritten here by next.config.ts. */
export const config = { unstable_runtimeJS: false };

type Props = ListPageProps & { siteUrl: string };

export default function TagLaterPage(props: Props) {
  return <ListPage {...props} />;
}

export const getStaticPaths: GetStaticPaths = async () => ({ paths: [], fallback: 'blocking' });

export const getStaticProps: GetStaticProps<Props, { slug: string; page: string }> = async ({ params }) => {
  const slug = params?.slug ?? '';
  return (
    badSlug(slug) ??
    laterPageProps(`/tag/${slug}`, params?.page, async (page) => {
      const { tagPageData } = await import('../../../../lib/search-pages');
      return tagPageData(slug, page);
    })
  );
};
