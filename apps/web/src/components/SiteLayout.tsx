import type { ReactNode } from 'react';

import type { Chrome } from '../lib/page-data';

/**
 * Header, navigation, the page's main content, an optional rail (a top-level `<aside>`) and the footer. Loads the
 * widget hydration module when the page has widgets: a module script, so it never blocks rendering.
 */
export function SiteLayout({ chrome, children, rail, banner }: { chrome: Chrome; children: ReactNode; rail?: ReactNode; banner?: ReactNode }) {
  return (
    <>
      <a className="skip" href="#content">
        Skip to content
      </a>
      {banner}
      <header className="site-header">
        <div className="wrap">
          <a className="brand" href="/">
            {chrome.siteName}
          </a>
          {chrome.sections.length > 0 && (
            <nav className="site-nav" aria-label="Sections">
              <ul>
                {chrome.sections.map((section) => (
                  <li key={section.slug}>
                    <a href={`/section/${section.slug}`}>{section.name}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <form className="site-search" role="search" aria-label="Site search" action="/search" method="get">
            <label className="skip" htmlFor="site-search-q">
              Search stories
            </label>
            <input id="site-search-q" type="search" name="q" maxLength={200} placeholder="Search stories" />
            <button type="submit">Search</button>
          </form>
        </div>
      </header>
      <div className={rail ? 'layout has-rail' : 'layout'}>
        <main id="content">{children}</main>
        {rail && (
          <aside className="rail" aria-label="More news">
            {rail}
          </aside>
        )}
      </div>
      <footer className="site-footer">
        <div className="wrap">
          <ul>
            <li>
              <a href="/feed.xml">RSS feed</a>
            </li>
            <li>
              <a href="/embed">Embed our widgets</a>
            </li>
            <li>
              <a href="/licensing">Photo licensing</a>
            </li>
          </ul>
          <p>© {chrome.siteName}</p>
        </div>
      </footer>
      {chrome.widgetsScript && <script type="module" src={chrome.widgetsScript} />}
    </>
  );
}

/** Markup rendered on the server (Lit widgets, the Lexical body), placed as-is. */
export function Html({ html, as: Tag = 'div', className }: { html: string; as?: 'div' | 'li' | 'figure'; className?: string }) {
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
