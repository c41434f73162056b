import type { GetStaticPaths, GetStaticProps } from 'next';

import { ListPage } from '../../components/ListPage';
import type { ListPageProps } from '../../lib/page-data';
import { siteConfig } from '../../lib/site-config';

export const config = { unstable_runtimeJS: false };

type Props = ListPageProps & { siteUrl: string };

export default function SectionPage(props: Props) {
  return <ListPage {...props} />;
}

export const getStaticPaths: GetStaticPaths = async () => ({ paths: [], fallback: 'blocking' });

export const getStaticProps: GetStaticProps<Props, { slug: string }> = async ({ params }) => {
  const slug = params?.slug ?? '';
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return { notFound: true, revalidate: 3600 };
  const { sectionPageData, asProps } = await import('../../lib/page-data');
  const data = await sectionPageData(slug);
  if (!data) return { notFound: true, revalidate: 60 };
  return { props: asProps({ ...data, siteUrl: siteConfig().siteUrl }), revalidate: 60 };
};
