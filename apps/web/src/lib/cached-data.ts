import type { AdSlot, Article, Headline, Section } from '@newsroom/schema';
import { unstable_cache } from 'next/cache';

import { fromPayloadAdSlot } from '../model/ad-slots';
import { authorOf, fromPayloadArticle, sectionOf } from '../model/from-payload-article';
import type { FeedArticle } from '../render/feeds';
import { TAG } from './cache-tags';
import { cms } from './cms';
import { headlineCandidates } from './page-data';

/**
 * What the route handlers (JSON, feeds, oEmbed, ad frames) serve, kept in Next's data cache under the tags the CMS
 * revalidates, so readers never wait on the CMS and a CMS outage leaves them the last good answer. The time limits
 * are a safety net (a story scheduled for later becomes visible without anyone saving it).
 */

const FIVE_MINUTES = 300;

export function cachedArticle(slug: string): Promise<Article | null> {
  return unstable_cache(
    async () => {
      const doc = await cms().article(slug);
      return doc ? fromPayloadArticle(doc).article : null;
    },
    ['article', slug],
    { tags: [TAG.article(slug)], revalidate: FIVE_MINUTES },
  )();
}

/** The latest live articles (without bodies), newest first, with their feed summaries. */
export const cachedLatest = unstable_cache(
  async (): Promise<FeedArticle[]> => {
    const { docs } = await cms().articles({ limit: 50, withoutBody: true });
    return docs.map((doc) => {
      const view = fromPayloadArticle(doc);
      const summary = view.article.dek ?? view.seo.description;
      return { article: view.article, ...(summary ? { summary } : {}) };
    });
  },
  ['latest-articles'],
  { tags: [TAG.articles], revalidate: FIVE_MINUTES },
);

export const cachedHeadlineCandidates = unstable_cache(
  async (): Promise<{ curated: Headline[]; latest: Headline[]; sections: Section[] }> => {
    const [candidates, sections] = await Promise.all([headlineCandidates(), cms().sections()]);
    return { ...candidates, sections: sections.flatMap((doc) => sectionOf(doc) ?? []) };
  },
  ['headline-candidates'],
  { tags: [TAG.headlines, TAG.articles, TAG.sections], revalidate: FIVE_MINUTES },
);

export const cachedSitemap = unstable_cache(
  async () => {
    const articles: Pick<Article, 'slug' | 'publishedAt' | 'updatedAt'>[] = [];
    for (let page = 1; page <= 50; page++) {
      const result = await cms().articles({ limit: 1000, page, withoutBody: true });
      for (const doc of result.docs) {
        const { article } = fromPayloadArticle(doc);
        articles.push({ slug: article.slug, ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}), ...(article.updatedAt ? { updatedAt: article.updatedAt } : {}) });
      }
      if (!result.hasNextPage) break;
    }
    const [sections, authors] = await Promise.all([cms().sections(), cms().authors()]);
    return { articles, sections: sections.flatMap((doc) => sectionOf(doc) ?? []), authors: authors.flatMap(authorOf) };
  },
  ['sitemap'],
  { tags: [TAG.articles, TAG.sections, TAG.authors], revalidate: 3600 },
);

export const cachedAdSlots = unstable_cache(
  async (): Promise<AdSlot[]> => (await cms().adSlots()).flatMap((doc) => fromPayloadAdSlot(doc) ?? []),
  ['ad-slots'],
  { tags: [TAG.adSlots], revalidate: FIVE_MINUTES },
);
