import type { GetServerSideProps } from 'next';
import Head from 'next/head';

import { PageHead } from '../components/PageHead';
import { Html, SiteLayout } from '../components/SiteLayout';
import { formatPublished } from '../lib/format';
import { MAX_QUERY_LENGTH } from '../lib/search';
import type { SearchPageProps } from '../lib/search-pages';
import { siteConfig } from '../lib/site-config';

/**
 * `/search?q=…&page=N`: the reader search. Server-rendered on each request (the query string is the page), shared by
 * caches for 30 s; no framework JavaScript, and the form works without any.
 */
export const config = { unstable_runtimeJS: false };

type Props = SearchPageProps & { siteUrl: string };

export default function SearchPage({ chrome, meta, q, state, results, totalDocs, moreThanTotal, pagination, siteUrl }: Props) {
  return (
    <SiteLayout chrome={chrome}>
      <PageHead meta={meta} siteName={chrome.siteName} siteUrl={siteUrl} />
      <Head>
        {pagination?.prevHref && <link key="prev" rel="prev" href={`${siteUrl}${pagination.prevHref}`} />}
        {pagination?.nextHref && <link key="next" rel="next" href={`${siteUrl}${pagination.nextHref}`} />}
      </Head>
      <h1 className="page-title">{state === 'results' || state === 'none' || state === 'past-end' ? `Search results for “${q}”` : 'Search'}</h1>
      <form className="search-form" role="search" aria-label="Search stories" action="/search" method="get">
        <label htmlFor="search-q">Words to look for</label>
        <input id="search-q" type="search" name="q" defaultValue={q} maxLength={MAX_QUERY_LENGTH} required />
        <button type="submit">Search</button>
      </form>
      <Notice state={state} q={q} totalDocs={totalDocs} moreThanTotal={moreThanTotal} />
      {results.length > 0 && (
        <ol className="results" aria-label="Results">
          {results.map((result) => (
            <li key={result.href} className="result">
              <h2>
                <a href={result.href}>{result.headline}</a>
              </h2>
              {(result.section || result.publishedAt) && (
                <p className="result-meta">
                  {result.section}
                  {result.section && result.publishedAt && ' · '}
                  {result.publishedAt && <time dateTime={result.publishedAt}>{formatPublished(result.publishedAt)}</time>}
                </p>
              )}
              {result.snippetHtml && <Html as="div" className="result-snippet" html={result.snippetHtml} />}
            </li>
          ))}
        </ol>
      )}
      {pagination && pagination.totalPages > 1 && (
        <nav className="pagination" aria-label="Pagination">
          <ul>
            {pagination.prevHref && (
              <li>
                <a href={pagination.prevHref} rel="prev">
                  <span aria-hidden="true">← </span>Previous page
                </a>
              </li>
            )}
            <li aria-current="page">
              Page {pagination.page} of {pagination.totalPages}
            </li>
            {pagination.nextHref && (
              <li>
                <a href={pagination.nextHref} rel="next">
                  Next page<span aria-hidden="true"> →</span>
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </SiteLayout>
  );
}

function Notice({ state, q, totalDocs, moreThanTotal }: Pick<Props, 'state' | 'q' | 'totalDocs' | 'moreThanTotal'>) {
  switch (state) {
    case 'start':
      return <p className="intro">Type a few words from a headline or a story, then press Search.</p>;
    case 'too-long':
      return <p className="intro">That search is longer than {MAX_QUERY_LENGTH} characters. Try a few of its words.</p>;
    case 'bad-page':
      return (
        <p className="intro">
          There is no such page of results. <a href={`/search?${new URLSearchParams({ q })}`}>See the first page</a>.
        </p>
      );
    case 'none':
      return <p className="intro">No stories have all of those words. Try fewer words, or other ones.</p>;
    case 'past-end':
      return (
        <p className="intro">
          There are no more results. <a href={`/search?${new URLSearchParams({ q })}`}>See the first page</a>.
        </p>
      );
    case 'unavailable':
      return <p className="intro">Search is not answering right now. Please try again in a minute.</p>;
    case 'results':
      return <p className="intro">{storiesFound(totalDocs, moreThanTotal)}, best match first.</p>;
  }
}

function storiesFound(totalDocs: number, moreThanTotal: boolean): string {
  const count = totalDocs.toLocaleString('en-US');
  if (moreThanTotal) return `More than ${count} stories`;
  return totalDocs === 1 ? '1 story' : `${count} stories`;
}

/** 30 s shared, then served stale for up to 5 minutes while a fresh page is fetched: an embargo lifting shows soon. */
const CACHEABLE = 'public, s-maxage=30, stale-while-revalidate=300';

export const getServerSideProps: GetServerSideProps<Props> = async ({ query, res }) => {
  const [{ SEARCH_STATUS, searchPageData }, { asProps }] = await Promise.all([import('../lib/search-pages'), import('../lib/page-data')]);
  const data = await searchPageData(query);
  res.statusCode = SEARCH_STATUS[data.state];
  if (data.state === 'unavailable') {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Retry-After', '30');
  } else {
    res.setHeader('Cache-Control', CACHEABLE);
  }
  return { props: asProps({ ...data, siteUrl: siteConfig().siteUrl }) };
};
