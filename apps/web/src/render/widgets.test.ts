import { describe, expect, it } from 'vitest';

import { fromPayloadArticle } from '../model/from-payload-article';
import { media, seedArticle } from '../model/fixtures/payload-docs';
import { articleCardHtml, photoCaptionHtml, railHtml } from './widgets';

describe('server-rendered widgets', () => {
  it('renders a card with a declarative shadow root and the article’s link', () => {
    const { article } = fromPayloadArticle(seedArticle());
    const html = articleCardHtml(article);
    expect(html).toMatch(/<news-article-card[^>]* headline="Beijing: Inter-Korea liaison office a sign of progress"/);
    expect(html).toContain('href="/news/beijing-inter-korea-liaison-office-a-sign-of-progress"');
    expect(html).toMatch(/<template[^>]* shadowrootmode="open"/);
  });

  it('renders the caption with credit and license link, and no image when the photo has no file', () => {
    const { article } = fromPayloadArticle(seedArticle());
    const html = photoCaptionHtml(article.photo!);
    expect(html).toContain('credit="File Photo by Stephen Shaver/UPI"');
    expect(html).toContain('rel="license"');
    expect(html).not.toContain('<img');
  });

  it('slots the image when there is one', () => {
    const { article } = fromPayloadArticle(seedArticle({ hero: { image: media(), caption: 'c' } }));
    expect(photoCaptionHtml(article.photo!)).toMatch(/<img src="\/media\/liaison-1280x853.jpg" alt="The liaison office in Kaesong" width="1280" height="853"/);
  });

  it('gives the rail the widget JSON to refresh from, with its rows inline for the first paint', () => {
    const headlines = Array.from({ length: 8 }, (_, i) => ({ title: `Story ${i}`, url: `/news/story-${i}` }));
    const rail = railHtml(headlines, { src: '/api/widgets/headlines?limit=8&exclude=a-story', limit: 8 });
    expect(rail).toMatch(/<news-related-headlines[^>]* src="\/api\/widgets\/headlines\?limit=8&amp;exclude=a-story"/);
    expect(rail).toMatch(/<news-related-headlines[^>]* limit="8"/);
    expect(rail).toContain('defer-hydration');
    const inline = /<script type="application\/json">(.*?)<\/script>/.exec(rail)![1]!;
    expect(JSON.parse(inline)).toEqual(headlines);
  });

  it('escapes hostile text in attributes and inline data', () => {
    const { article } = fromPayloadArticle(seedArticle({ headline: '"><script>alert(1)</script>' }));
    expect(articleCardHtml(article)).not.toContain('<script>');
    const rail = railHtml([{ title: '</script><script>alert(1)</script>', url: '/news/a' }]);
    expect(rail.match(/<script/g)).toHaveLength(1);
    expect(rail).toContain('defer-hydration');
  });
});
