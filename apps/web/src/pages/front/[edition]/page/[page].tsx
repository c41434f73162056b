import type { GetStaticPaths, GetStaticProps } from 'next';

import { ListPage } from '../../../../components/ListPage';
import { laterPageProps } from '../../../../lib/list-pages';
import type { ListPageProps } from '../../../../lib/page-data';

/** Page 2 onwards of the front page's latest stories: `/?page=<n>`, rewritten here by next.config.ts. */
export const config = { unstable_runtimeJS: false };

type Props = ListPageProps & { siteUrl: string };

export default function FrontLaterPage(props: Props) {
  return <ListPage {...props} />;
}

export const getStaticPaths: GetStaticPaths = async () => ({ paths: [], fallback: 'blocking' });

export const getStaticProps: GetStaticProps<Props, { edition: string; page: string }> = async ({ params }) => {
  if (params?.edition !== 'latest') return { notFound: true, revalidate: 3600 };
  return laterPageProps('/', params.page, async (page) => {
    const { frontPageData } = await import('../../../../lib/page-data');
    return frontPageData(page);
  });
};
