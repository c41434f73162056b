import type { GetStaticPaths, GetStaticProps } from 'next';

import { ListPage } from '../../components/ListPage';
import type { ListPageProps } from '../../lib/page-data';
import { siteConfig } from '../../lib/site-config';

/**
 * The front page, served at `/` by a rewrite (next.config.ts). It is a dynamic route only so that it is rendered on
 * the first request instead of at build time: `next build` must succeed with the CMS down.
 */
export const config = { unstable_runtimeJS: false };

export const FRONT_EDITION = 'latest';

type Props = ListPageProps & { siteUrl: string };

export default function FrontPage(props: Props) {
  return <ListPage {...props} headingHidden />;
}

// Later pages (`/?page=2`) are ./[edition]/page/[page].tsx.

export const getStaticPaths: GetStaticPaths = async () => ({ paths: [], fallback: 'blocking' });

export const getStaticProps: GetStaticProps<Props, { edition: string }> = async ({ params }) => {
  if (params?.edition !== FRONT_EDITION) return { notFound: true, revalidate: 3600 };
  const { frontPageData, asProps } = await import('../../lib/page-data');
  const data = await frontPageData();
  if (!data) throw new Error('the front page always has a first page');
  return { props: asProps({ ...data, siteUrl: siteConfig().siteUrl }), revalidate: 60 };
};
