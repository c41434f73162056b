import { latestCorrection } from '@newsroom/schema';
import type { GetStaticPaths, GetStaticProps } from 'next';
import Head from 'next/head';
import { Fragment } from 'react';

import { Html, SiteLayout } from '../../components/SiteLayout';
import { PageHead } from '../../components/PageHead';
import { datelineParts, formatPublished } from '../../lib/format';
import type { ArticlePageProps } from '../../lib/page-data';
import { tagSlug } from '../../lib/search';
import { siteConfig } from '../../lib/site-config';

/** No framework JavaScript: the page is HTML; its widgets hydrate themselves (docs/adr/0010). */
export const config = { unstable_runtimeJS: false };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Props = ArticlePageProps & { siteUrl: string };

export default function ArticlePage({ chrome, meta, article, captionHtml, heroPreload, correctionsHtml, bodyHtml, topAdHtml, railAdHtml, railHtml, jsonLd, preview, siteUrl }: Props) {
  const dateline = datelineParts(article.dateline, article.publishedAt);
  // "Updated" follows the newsroom's notes, not every save (a typo fix is not news).
  const updated = latestCorrection(article.corrections);
  const banner = preview && (
    <p className="preview-banner" role="status">
      Draft preview — readers do not see this version. <a href="/api/draft/exit">Leave preview</a>
    </p>
  );
  const rail = (railAdHtml || railHtml) && (
    <>
      {railAdHtml && <Html html={railAdHtml} />}
      {railHtml && (
        <div className="rail-headlines">
          <Html html={railHtml} />
          {/* The list refreshes itself from the widget JSON; without JavaScript it is as of this page's last render. */}
          <p className="rail-more">
            <a href="/">More latest headlines</a>
          </p>
        </div>
      )}
    </>
  );
  return (
    <SiteLayout chrome={chrome} rail={rail || undefined} banner={banner}>
      <PageHead meta={meta} siteName={chrome.siteName} siteUrl={siteUrl} />
      {heroPreload && (
        <Head>
          <link
            key="hero-preload"
            rel="preload"
            as="image"
            href={heroPreload.href}
            imageSrcSet={heroPreload.srcset}
            imageSizes={heroPreload.sizes}
            type={heroPreload.type}
            fetchPriority="high"
          />
        </Head>
      )}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      {topAdHtml && <Html html={topAdHtml} />}
      <article className="article">
        <header>
          {article.section && (
            <p className="kicker">
              <a href={`/section/${article.section.slug}`}>{article.section.name}</a>
            </p>
          )}
          <h1>{article.headline}</h1>
          {article.dek && <p className="dek">{article.dek}</p>}
          <div className="meta">
            {article.authors.length > 0 && (
              <p className="byline">
                By{' '}
                {article.authors.map((author, index) => (
                  <Fragment key={author.slug}>
                    {index > 0 && (index === article.authors.length - 1 ? ' and ' : ', ')}
                    <a href={`/author/${author.slug}`} rel="author">
                      {author.name}
                    </a>
                  </Fragment>
                ))}
              </p>
            )}
            {article.publishedAt && (
              <p>
                Published <time dateTime={article.publishedAt}>{formatPublished(article.publishedAt)}</time>
              </p>
            )}
            {updated && (
              <p>
                Updated <time dateTime={updated.at}>{formatPublished(updated.at)}</time>
              </p>
            )}
          </div>
        </header>
        {/* Before the photo and the text: readers learn what was corrected before they read it (render/corrections.ts). */}
        {correctionsHtml && <Html html={correctionsHtml} />}
        {article.photo && captionHtml && <Html html={captionHtml} as="div" className="lead-photo" />}
        <p className="dateline">
          {dateline.place && <span className="dateline-place">{dateline.place}, </span>}
          <time dateTime={dateline.datetime}>{dateline.date}</time>
          {dateline.agency && <span className="dateline-agency"> ({dateline.agency})</span>}
        </p>
        <Html html={bodyHtml} className="body" />
        {article.tags.length > 0 && (
          <p className="tags">
            Tags:{' '}
            {article.tags.map((tag, index) => {
              // Each tag links to its page; a tag with no slug ("日本") has none and stays text.
              const slug = tagSlug(tag);
              return (
                <Fragment key={index}>
                  {index > 0 && ', '}
                  {slug ? (
                    <a href={`/tag/${slug}`} rel="tag">
                      {tag}
                    </a>
                  ) : (
                    tag
                  )}
                </Fragment>
              );
            })}
          </p>
        )}
      </article>
      {preview?.livePreviewScript && <script src={preview.livePreviewScript} data-cms-origin={preview.cmsOrigin} />}
    </SiteLayout>
  );
}

export const getStaticPaths: GetStaticPaths = async () => ({ paths: [], fallback: 'blocking' });

export const getStaticProps: GetStaticProps<Props, { slug: string }> = async ({ params, preview, previewData }) => {
  const slug = params?.slug ?? '';
  if (!SLUG.test(slug)) return { notFound: true, revalidate: 3600 };
  const { articlePageData, asProps } = await import('../../lib/page-data');
  const draftToken = preview ? (previewData as { token?: unknown } | undefined)?.token : undefined;
  const data = await articlePageData(slug, typeof draftToken === 'string' ? { draftToken } : {});
  if (!data) return { notFound: true, revalidate: 60 };
  return { props: asProps({ ...data, siteUrl: siteConfig().siteUrl }), revalidate: 300 };
};
