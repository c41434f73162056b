import type { NextPageContext } from 'next';
import Head from 'next/head';

export const config = { unstable_runtimeJS: false };

type Props = { statusCode: number };

/**
 * Errors. A page that is not in the cache while the CMS is unreachable answers 503 with a retry hint — an outage,
 * not a missing page — while every page already cached keeps being served from the cache.
 */
export default function ErrorPage({ statusCode }: Props) {
  const unavailable = statusCode === 503;
  return (
    <>
      <Head>
        <title>{unavailable ? 'Temporarily unavailable' : 'Something went wrong'}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
      </Head>
      <main id="content" className="wrap notice">
        <h1>{unavailable ? 'This page is temporarily unavailable' : 'Something went wrong'}</h1>
        <p>
          {unavailable
            ? 'Our newsroom system is not answering right now, and this page has not been saved yet. Please try again in a minute.'
            : 'We could not show this page. Please try again later.'}
        </p>
        <p>
          <a href="/">Go to the front page</a>
        </p>
      </main>
    </>
  );
}

ErrorPage.getInitialProps = ({ res, err }: NextPageContext): Props => {
  const cmsDown = err?.name === 'CmsUnavailableError' || (err as { cause?: { name?: string } } | undefined)?.cause?.name === 'CmsUnavailableError';
  if (res && cmsDown) {
    res.statusCode = 503;
    res.setHeader('Retry-After', '30');
    res.setHeader('Cache-Control', 'no-store');
  }
  return { statusCode: cmsDown ? 503 : (res?.statusCode ?? err?.statusCode ?? 500) };
};
