import Head from 'next/head';

import type { ListPageProps } from '../lib/page-data';
import type { Pagination } from '../lib/pagination';
import { PageHead } from './PageHead';
import { Html, SiteLayout } from './SiteLayout';

/** Front, section and author pages: a heading, an optional intro, then article cards, page by page (`?page=N`). */
export function ListPage({
  chrome,
  meta,
  heading,
  intro,
  topCardsHtml,
  cardsHtml,
  pagination,
  siteUrl,
  headingHidden = false,
}: ListPageProps & { siteUrl: string; headingHidden?: boolean }) {
  return (
    <SiteLayout chrome={chrome}>
      <PageHead meta={meta} siteName={chrome.siteName} siteUrl={siteUrl} />
      <Head>
        {pagination.prevHref && <link key="prev" rel="prev" href={`${siteUrl}${pagination.prevHref}`} />}
        {pagination.nextHref && <link key="next" rel="next" href={`${siteUrl}${pagination.nextHref}`} />}
      </Head>
      <h1 className={headingHidden ? 'skip' : 'page-title'}>{heading}</h1>
      {intro && pagination.page === 1 && <p className="intro">{intro}</p>}
      {topCardsHtml.length > 0 && (
        <section aria-labelledby="top-stories">
          <h2 className="section-heading" id="top-stories">
            Top stories
          </h2>
          <ul className="cards top">
            {topCardsHtml.map((html, index) => (
              <Html key={index} as="li" html={html} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="latest">
        <h2 className="section-heading" id="latest">
          {pagination.page > 1 ? `Latest, page ${pagination.page} of ${pagination.totalPages}` : 'Latest'}
        </h2>
        {cardsHtml.length > 0 ? (
          <ul className="cards">
            {cardsHtml.map((html, index) => (
              <Html key={index} as="li" html={html} />
            ))}
          </ul>
        ) : (
          <p>No stories yet.</p>
        )}
      </section>
      <PageLinks pagination={pagination} />
    </SiteLayout>
  );
}

/** Previous and next page, and where this one stands; nothing when everything fits on one page. */
function PageLinks({ pagination }: { pagination: Pagination }) {
  const { page, totalPages, prevHref, nextHref } = pagination;
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pagination">
      <ul>
        {prevHref && (
          <li>
            <a href={prevHref} rel="prev">
              <span aria-hidden="true">← </span>Previous page
            </a>
          </li>
        )}
        <li aria-current="page">
          Page {page} of {totalPages}
        </li>
        {nextHref && (
          <li>
            <a href={nextHref} rel="next">
              Next page<span aria-hidden="true"> →</span>
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
