import type { Metadata } from 'next';

import { siteConfig } from '../lib/site-config';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

/** Unknown, draft and not-yet-published articles, sections and authors: status 404. Needs no CMS. */
export default function NotFound() {
  return (
    <>
      <header className="site-header">
        <div className="wrap">
          <a className="brand" href="/">
            {siteConfig().siteName}
          </a>
        </div>
      </header>
      <main id="content" className="wrap notice">
        <h1>Page not found</h1>
        <p>There is no story at this address. It may have been moved or unpublished.</p>
        <p>
          <a href="/">Go to the front page</a>
        </p>
      </main>
    </>
  );
}
