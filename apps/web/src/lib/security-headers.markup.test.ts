// The reader pages' markup, rendered by the real components and renderers, against what their Content-Security-Policy
// allows: scripts only from this origin, inline `<script>`s only as data, no inline event handlers or javascript:
// URLs. Anything here that the policy would block would fail silently in a reader's browser.
import { jsonLdScriptContent, toNewsArticleJsonLd } from '@newsroom/schema';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { fromPayloadAdSlot } from '../model/ad-slots';
import { adSlot, headline, media, seedArticle } from '../model/fixtures/payload-docs';
import { fromPayloadArticle } from '../model/from-payload-article';
import { fromPayloadHeadline } from '../model/headlines';
import EmbedPage from '../pages/embed';
import ArticlePage from '../pages/news/[slug]';
import { renderAdSlot } from '../render/ad-slot';
import { articleCardSnippet, headlinesSnippet } from '../render/embeds';
import { photoCaptionHtml, railHtml } from '../render/widgets';
import type { Chrome } from './page-data';

const SITE = 'https://news.example';
const DATA_TYPES = new Set(['application/ld+json', 'application/json']);

/** What a browser enforcing the reader policy would refuse in this HTML. */
function blockedByPolicy(html: string): string[] {
  const blocked: string[] = [];
  for (const [tag, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc="([^"]*)"/i.exec(attributes)?.[1];
    const type = (/\btype="([^"]*)"/i.exec(attributes)?.[1] ?? '').toLowerCase();
    if (src !== undefined) {
      // 'self': a path on this origin (the site's own absolute URL counts too).
      if (!(src.startsWith('/') && !src.startsWith('//')) && !src.startsWith(`${SITE}/`)) blocked.push(`script from another origin: ${tag}`);
    } else if (!DATA_TYPES.has(type) && body.trim() !== '') {
      blocked.push(`inline script: ${tag.slice(0, 120)}`);
    }
  }
  for (const [attribute] of html.matchAll(/\son[a-z]+\s*=/gi)) blocked.push(`inline event handler: ${attribute.trim()}`);
  for (const [url] of html.matchAll(/\b(?:href|src|action)\s*=\s*"\s*javascript:[^"]*"/gi)) blocked.push(`javascript: URL: ${url}`);
  return blocked;
}

const chrome: Chrome = { siteName: 'Newsroom Daily', sections: [{ name: 'World', slug: 'world' }], widgetsScript: '/_assets/widgets-ABC123.js' };

function articleProps({ preview }: { preview: boolean }) {
  const { article } = fromPayloadArticle(seedArticle({ hero: { ...seedArticle().hero, image: media() } } as Parameters<typeof seedArticle>[0]));
  const house = fromPayloadAdSlot(adSlot())!;
  const creative = fromPayloadAdSlot(
    adSlot({ id: 2, name: 'In-article', placement: { kind: 'after-paragraph', paragraph: 2 }, creative: { kind: 'html', html: '<script>document.write("ad")</script>' } }),
  );
  const inArticle = creative ? renderAdSlot({ slot: creative, position: { placement: 'after-paragraph', paragraph: 2 } }, { lazy: false }) : '';
  const rail = [fromPayloadHeadline(headline())].flatMap((h) => h ?? []);
  return {
    chrome,
    meta: { title: article.headline, description: 'A story.', canonical: `${SITE}/news/${article.slug}`, type: 'article' as const },
    article,
    captionHtml: article.photo ? photoCaptionHtml(article.photo) : null,
    // The body's own renderer (Lexical → HTML, text escaped) has its tests; here it is the paragraphs around an ad.
    bodyHtml: `${article.paragraphs.slice(0, 2).map((text) => `<p>${text}</p>`).join('')}${inArticle}<p>${article.paragraphs[2] ?? ''}</p>`,
    topAdHtml: renderAdSlot({ slot: house, position: { placement: 'top' } }, { lazy: false }),
    railAdHtml: null,
    railHtml: railHtml(rail),
    jsonLd: jsonLdScriptContent(toNewsArticleJsonLd(article, { url: SITE, name: 'Newsroom Daily', logoUrl: '/logo.png' })),
    preview: preview ? { cmsOrigin: 'https://cms.news.example', livePreviewScript: '/_assets/live-preview-XYZ789.js' } : null,
    siteUrl: SITE,
  };
}

describe('reader page markup under the reader policy', () => {
  it('the article page runs only the widget module; its inline scripts are data (JSON-LD, the rail’s headlines)', () => {
    const props = articleProps({ preview: false });
    const html = renderToStaticMarkup(createElement(ArticlePage, props));
    // The page really has what could go wrong: JSON-LD, the rail's data, a widget, an HTML creative's frame.
    expect(html).toContain('<script type="application/ld+json">');
    expect(html).toContain('<script type="application/json">');
    expect(html).toContain('<news-related-headlines');
    expect(html).toContain('/ads/frame/2');
    expect(html).toContain('<script type="module" src="/_assets/widgets-ABC123.js">');
    // The creative's own script stays in its frame's document, never in the page.
    expect(html).not.toContain('document.write');
    expect(blockedByPolicy(html)).toEqual([]);
  });

  it('a draft preview adds only the live-preview file', () => {
    const html = renderToStaticMarkup(createElement(ArticlePage, articleProps({ preview: true })));
    expect(html).toContain('src="/_assets/live-preview-XYZ789.js"');
    expect(blockedByPolicy(html)).toEqual([]);
  });

  it('the embed page’s live examples load the embed script from this origin', () => {
    const article = fromPayloadArticle(seedArticle()).article;
    const snippets = [
      { id: 'headlines', title: 'A live headline list', explain: '', code: headlinesSnippet(SITE, { limit: 5 }), height: 460 },
      { id: 'card', title: 'One story as a card', explain: '', code: articleCardSnippet(article, SITE), height: 220 },
    ];
    const meta = { title: 'Embed', description: 'Embed', canonical: `${SITE}/embed`, type: 'website' as const };
    const html = renderToStaticMarkup(createElement(EmbedPage, { chrome, meta, siteUrl: SITE, snippets }));
    // The examples are srcdoc frames: they inherit the page's policy, so their markup must pass it too.
    const srcdocs = [...html.matchAll(/srcDoc="([^"]*)"|srcdoc="([^"]*)"/g)].map((m) => decode(m[1] ?? m[2] ?? ''));
    expect(srcdocs).toHaveLength(2);
    for (const doc of srcdocs) {
      expect(doc).toContain(`<script type="module" src="${SITE}/embed/v1/news-widgets.js"></script>`);
      expect(blockedByPolicy(doc)).toEqual([]);
    }
    expect(blockedByPolicy(html)).toEqual([]);
  });

  it('finds what the policy would block (the check itself)', () => {
    expect(blockedByPolicy('<script>alert(1)</script>')).toHaveLength(1);
    expect(blockedByPolicy('<script type="module">import "/x.js"</script>')).toHaveLength(1);
    expect(blockedByPolicy('<script src="https://cdn.example/x.js"></script>')).toHaveLength(1);
    expect(blockedByPolicy('<script src="//cdn.example/x.js"></script>')).toHaveLength(1);
    expect(blockedByPolicy('<img src="/a.png" onerror="alert(1)">')).toHaveLength(1);
    expect(blockedByPolicy('<a href="javascript:alert(1)">x</a>')).toHaveLength(1);
    expect(blockedByPolicy('<script type="application/ld+json">{"a":1}</script><script src="/_assets/a.js"></script>')).toEqual([]);
  });
});

function decode(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
}
