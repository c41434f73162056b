import type { ListPageProps } from '../lib/page-data';
import { PageHead } from './PageHead';
import { Html, SiteLayout } from './SiteLayout';

/** Front, section and author pages: a heading, an optional intro, then article cards. */
export function ListPage({ chrome, meta, heading, intro, topCardsHtml, cardsHtml, siteUrl, headingHidden = false }: ListPageProps & { siteUrl: string; headingHidden?: boolean }) {
  return (
    <SiteLayout chrome={chrome}>
      <PageHead meta={meta} siteName={chrome.siteName} siteUrl={siteUrl} />
      <h1 className={headingHidden ? 'skip' : 'page-title'}>{heading}</h1>
      {intro && <p className="intro">{intro}</p>}
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
          Latest
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
    </SiteLayout>
  );
}
