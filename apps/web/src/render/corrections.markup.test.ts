// The article page as readers get it, rendered by the real page component from the real adapter's output: where the
// corrections notice sits, the "Updated" line, and the JSON-LD the page carries.
import { jsonLdScriptContent, toNewsArticleJsonLd } from '@newsroom/schema';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import type { Chrome } from '../lib/page-data';
import { corrections, seedArticle } from '../model/fixtures/payload-docs';
import { fromPayloadArticle } from '../model/from-payload-article';
import ArticlePage from '../pages/news/[slug]';
import { correctionsNoticeHtml } from './corrections';
import { photoCaptionHtml } from './widgets';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

const SITE = 'https://news.example';
const chrome: Chrome = { siteName: 'Newsroom Daily', sections: [] };

function page(doc = seedArticle()) {
  const { article } = fromPayloadArticle(doc);
  const html = renderToStaticMarkup(
    createElement(ArticlePage, {
      chrome,
      meta: { title: article.headline, description: 'A story.', canonical: `${SITE}/news/${article.slug}`, type: 'article' },
      article,
      captionHtml: article.photo ? photoCaptionHtml(article.photo) : null,
      correctionsHtml: correctionsNoticeHtml(article.corrections) || null,
      bodyHtml: '<p>Paragraph 1.</p>',
      topAdHtml: null,
      railAdHtml: null,
      railHtml: null,
      jsonLd: jsonLdScriptContent(toNewsArticleJsonLd(article, { url: SITE, name: 'Newsroom Daily' })),
      preview: null,
      siteUrl: SITE,
    }),
  );
  return { html, tree: parse(html) };
}

const elements = (node: Node): Element[] =>
  'childNodes' in node ? node.childNodes.flatMap((child) => ('tagName' in child ? [child, ...elements(child)] : elements(child))) : [];
const textOf = (node: Node): string =>
  node.nodeName === '#text' ? (node as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
const hasClass = (el: Element, name: string) => (el.attrs.find((a) => a.name === 'class')?.value ?? '').split(' ').includes(name);

describe('the article page with corrections', () => {
  it('shows the notice right after the byline and dates, before the lead photo and the text', () => {
    const { tree } = page(seedArticle({ corrections: corrections() }));
    const article = elements(tree).find((el) => el.tagName === 'article')!;
    // The article's own children, in order, by what they are.
    const order = elements(article)
      .filter((el) => el.tagName === 'header' || el.tagName === 'aside' || hasClass(el, 'lead-photo') || hasClass(el, 'body'))
      .map((el) => (el.tagName === 'header' || el.tagName === 'aside' ? el.tagName : hasClass(el, 'lead-photo') ? 'photo' : 'body'));
    expect(order).toEqual(['header', 'aside', 'photo', 'body']);
    const notice = elements(article).find((el) => el.tagName === 'aside')!;
    expect(hasClass(notice, 'corrections')).toBe(true);
    expect(elements(notice).filter((el) => el.tagName === 'li')).toHaveLength(3);
  });

  it('says when the story was last updated by a note, next to when it was published', () => {
    const { tree } = page(seedArticle({ corrections: corrections() }));
    const meta = elements(tree).find((el) => hasClass(el, 'meta'))!;
    const lines = elements(meta).filter((el) => el.tagName === 'p').map(textOf);
    expect(lines).toContain('Published September 17, 2018 at 8:30 AM UTC');
    expect(lines).toContain('Updated September 18, 2018 at 10:30 AM UTC');
    const times = elements(meta).filter((el) => el.tagName === 'time').map((el) => el.attrs.find((a) => a.name === 'datetime')?.value);
    expect(times).toEqual(['2018-09-17T08:30:00.000Z', '2018-09-18T10:30:00.000Z']);
  });

  it('carries the notes in its JSON-LD, and their markup only as text', () => {
    const { html } = page(seedArticle({ corrections: corrections() }));
    expect(html).not.toContain('<b>planned</b>');
    const [, json] = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)!;
    const ld = JSON.parse(json!) as { correction: { text: string; datePublished: string }[]; dateModified: string };
    expect(ld.correction.map((note) => note.datePublished)).toEqual(['2018-09-17T12:15:00.000Z', '2018-09-18T10:00:00.000Z', '2018-09-18T10:30:00.000Z']);
    expect(ld.dateModified).toBe('2018-09-18T10:30:00.000Z');
  });

  it('has neither notice nor "Updated" line without notes', () => {
    const { tree, html } = page();
    expect(elements(tree).some((el) => hasClass(el, 'corrections'))).toBe(false);
    expect(html).not.toContain('Updated');
  });
});
