import type { GetServerSideProps } from 'next';

import { PageHead } from '../components/PageHead';
import { SiteLayout } from '../components/SiteLayout';
import type { Chrome, PageMeta } from '../lib/page-data';
import { siteConfig } from '../lib/site-config';

export const config = { unstable_runtimeJS: false };

interface Snippet {
  id: string;
  title: string;
  explain: string;
  code: string;
  height: number;
}

type Props = { chrome: Chrome; meta: PageMeta; siteUrl: string; snippets: Snippet[] };

/**
 * Rendered per request (cached by CDNs for a minute) rather than at build time: the snippets name the site's public
 * URL (`SITE_URL`), which only the running server knows, and the example card shows the newest story.
 *
 * For embedders: each snippet as code to copy, and running live in a sandboxed frame that stands in for a third-party
 * page (its own opaque origin, so it loads the widgets and their JSON exactly as another site would, over CORS).
 */
export default function EmbedPage({ chrome, meta, siteUrl, snippets }: Props) {
  return (
    <SiteLayout chrome={chrome}>
      <PageHead meta={meta} siteName={chrome.siteName} siteUrl={siteUrl} />
      <h1 className="page-title">Embed our news</h1>
      <p className="intro">
        Paste a snippet into any page. One module script (<code>/embed/v1/news-widgets.js</code>, Lit included, about 8 KB compressed) defines
        the elements; style them with <code>--news-*</code> custom properties and <code>::part()</code>. Every article page also answers{' '}
        <a href={`/oembed?url=${encodeURIComponent(`${siteUrl}/`)}`}>oEmbed</a> (<code>/oembed?url=&lt;article URL&gt;&amp;format=json</code>).
      </p>
      {snippets.map((snippet) => (
        <section key={snippet.id} aria-labelledby={`${snippet.id}-title`}>
          <h2 className="section-heading" id={`${snippet.id}-title`}>
            {snippet.title}
          </h2>
          <p>{snippet.explain}</p>
          <pre className="snippet" tabIndex={0} aria-label={`${snippet.title}: code`}>
            <code>{snippet.code}</code>
          </pre>
          <div className="embed-demo">
            <iframe
              title={`${snippet.title}: live example`}
              sandbox="allow-scripts"
              loading="lazy"
              style={{ width: '100%', height: `${snippet.height}px`, border: 0 }}
              srcDoc={`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${snippet.title}</title><style>body{margin:0;font-family:system-ui,sans-serif}</style></head><body>${snippet.code}</body></html>`}
            />
          </div>
        </section>
      ))}
    </SiteLayout>
  );
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ res }) => {
  const { chromeData, asProps } = await import('../lib/page-data');
  const { cms } = await import('../lib/cms');
  const { fromPayloadArticle } = await import('../model/from-payload-article');
  const { articleCardSnippet, headlinesSnippet } = await import('../render/embeds');
  const config = siteConfig();
  let chrome: Chrome = { siteName: config.siteName, sections: [] };
  let newest;
  try {
    const [loaded, latest] = await Promise.all([chromeData(), cms().articles({ limit: 1, withoutBody: true })]);
    chrome = { siteName: loaded.siteName, sections: loaded.sections };
    newest = latest.docs[0] && fromPayloadArticle(latest.docs[0]).article;
  } catch (error) {
    // Without the CMS the page still explains the embeds; only the example card (which needs a story) is left out.
    if ((error as Error).name !== 'CmsUnavailableError') throw error;
  }
  const snippets: Snippet[] = [
    {
      id: 'headlines',
      title: 'A live headline list',
      explain: 'A live list that fetches our headlines JSON and stays current. Set limit, or add &section=<slug> to the src for one section.',
      code: headlinesSnippet(config.siteUrl, { limit: 5 }),
      height: 460,
    },
    ...(newest
      ? [
          {
            id: 'card',
            title: 'One story as a card',
            explain: `Everything the card shows is in its attributes; this is the snippet our oEmbed endpoint returns for “${newest.headline}”.`,
            code: articleCardSnippet(newest, config.siteUrl),
            height: 220,
          },
        ]
      : []),
  ];
  res.setHeader('Cache-Control', 'public, s-maxage=60, stale-while-revalidate=600');
  return {
    props: asProps({
      chrome,
      siteUrl: config.siteUrl,
      snippets,
      meta: {
        title: `Embed our news | ${chrome.siteName}`,
        description: 'Snippets and an oEmbed endpoint to put our headlines and stories on your site.',
        canonical: `${config.siteUrl}/embed`,
        type: 'website',
      },
    }),
  };
};
