import { type AdSlot, type Article, type Headline, type Section, slugSchema } from '@newsroom/schema';
import { unstable_cache } from 'next/cache';

import { fromPayloadAdSlot } from '../model/ad-slots';
import { authorOf, fromPayloadArticle, isoTime, sectionOf } from '../model/from-payload-article';
import { articleHeadline } from '../model/headlines';
import { type FeedArticle, MAX_URLS_PER_SITEMAP, NEWS_SITEMAP_MAX, NEWS_SITEMAP_WINDOW_MS, type NewsSitemapArticle } from '../render/feeds';
import { TAG } from './cache-tags';
import { cms } from './cms';
import type { GoneArticle } from './cms-client';
import { headlineCandidates } from './page-data';
import { readAfterRevalidations } from './tag-clock';
import {
  collectPages,
  dayRange,
  isHotDay,
  isHotMonth,
  type MonthSummary,
  monthOf,
  monthRange,
  newsSitemapArticle,
  type SitemapRef,
  type SitemapSources,
} from './sitemaps';

/**
 * What the route handlers (JSON, feeds, oEmbed, ad frames) serve, kept in Next's data cache under the tags the CMS
 * revalidates, so readers never wait on the CMS and a CMS outage leaves them the last good answer. The time limits
 * are a safety net (a story scheduled for later becomes visible without anyone saving it).
 */

const FIVE_MINUTES = 300;

/**
 * `unstable_cache`, with the read asked again when one of its tags is revalidated while it runs (./tag-clock.ts): Next
 * stamps an entry with the time it is written, so a read begun before a publish and finished after it would otherwise
 * be stored as fresh with the list from before, until its timer. Next keys an entry by its function's source and
 * key parts; the function it is given here is the same wrapper for all, so the read's own source joins the key parts
 * (a changed read still misses what an older build stored).
 */
function cachedData<A extends unknown[], T>(read: (...args: A) => Promise<T>, keyParts: string[], options: { tags?: string[]; revalidate: number }): (...args: A) => Promise<T> {
  const tags = options.tags ?? [];
  return unstable_cache((...args: A) => readAfterRevalidations(tags, () => read(...args)), [...keyParts, read.toString()], options);
}

export function cachedArticle(slug: string): Promise<Article | null> {
  return cachedData(
    async () => {
      const doc = await cms().article(slug);
      return doc ? fromPayloadArticle(doc).article : null;
    },
    ['article', slug],
    { tags: [TAG.article(slug)], revalidate: FIVE_MINUTES },
  )();
}

/**
 * Whether the story once at `/news/<slug>` was killed: its tombstone, or null. Under the article's own tag, which the
 * CMS revalidates when it kills (or restores) the story, so the answer changes within the revalidation.
 */
export function cachedGone(slug: string): Promise<GoneArticle | null> {
  return cachedData(async () => (await cms().goneArticle(slug)) ?? null, ['gone', slug], { tags: [TAG.article(slug)], revalidate: HOUR })();
}

/** The latest live articles (without bodies), newest first, with their feed summaries. */
export const cachedLatest = cachedData(
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

export const cachedHeadlineCandidates = cachedData(
  async (): Promise<{ curated: Headline[]; latest: Headline[]; sections: Section[] }> => {
    const [candidates, sections] = await Promise.all([headlineCandidates(), cms().sections()]);
    return { ...candidates, sections: sections.flatMap((doc) => sectionOf(doc) ?? []) };
  },
  ['headline-candidates'],
  { tags: [TAG.headlines, TAG.articles, TAG.sections], revalidate: FIVE_MINUTES },
);

/** Live stories of one section, newest first, as headlines: the widget JSON's `?section=`. */
export function cachedSectionLatest(slug: string): Promise<Headline[]> {
  return cachedData(
    async () => {
      const { docs } = await cms().articles({ limit: SECTION_HEADLINES, sectionSlug: slug, withoutBody: true });
      return docs.map((doc) => articleHeadline(fromPayloadArticle(doc).article));
    },
    ['section-latest', slug],
    { tags: [TAG.articles, TAG.section(slug), TAG.sections], revalidate: FIVE_MINUTES },
  )();
}

/** The widget's largest `limit`, plus one for the story a page leaves out. */
const SECTION_HEADLINES = 51;
const HOUR = 3600;
const DAY = 86_400;

/** Stories of the last two days for the Google News sitemap, newest first, at most 1,000, each with its last change. */
export const cachedNewsArticles = cachedData(
  async (): Promise<NewsSitemapArticle[]> => {
    const from = new Date(Date.now() - NEWS_SITEMAP_WINDOW_MS).toISOString();
    const docs = await collectPages(
      (page, limit) => cms().articleRefs({ limit, page, from, order: 'newest', fields: ['slug', 'headline', 'publishedAt', 'updatedAt', 'corrections'] }),
      { pageSize: 250, max: NEWS_SITEMAP_MAX },
    );
    return docs.flatMap((doc) => newsSitemapArticle(doc) ?? []);
  },
  ['news-sitemap'],
  { tags: [TAG.articles], revalidate: FIVE_MINUTES },
);

/** Sections and authors for `/sitemaps/pages.xml`. */
export const cachedSitemapPages = cachedData(
  async () => {
    const [sections, authors] = await Promise.all([
      cms().sections(),
      collectPages((page, limit) => cms().authorPage({ limit, page }), { pageSize: 1000, max: MAX_URLS_PER_SITEMAP }),
    ]);
    return { sections: sections.flatMap((doc) => sectionOf(doc) ?? []), authors: authors.flatMap(authorOf).map(({ slug }) => ({ slug })) };
  },
  ['sitemap-pages'],
  { tags: [TAG.sections, TAG.authors], revalidate: HOUR },
);

const cachedOldestPublishedAt = cachedData(
  async (): Promise<string | null> => {
    const { docs } = await cms().articleRefs({ limit: 1, page: 1, order: 'oldest', fields: ['publishedAt'] });
    return isoTime(docs[0]?.publishedAt) ?? null;
  },
  ['sitemap-oldest'],
  { tags: [TAG.articles], revalidate: HOUR },
);

/**
 * What the article sitemaps are made of (lib/sitemaps.ts), each cached on its own: the days and months a publish can
 * change follow the CMS's `articles` tag, the rest refresh on a timer (hourly this month and last, daily before).
 */
export function sitemapSources(now: Date = new Date()): SitemapSources {
  return {
    oldestPublishedAt: async () => (await cachedOldestPublishedAt()) ?? undefined,

    monthSummary: (month) =>
      cachedData(
        async (): Promise<MonthSummary> => {
          const { start, end } = monthRange(month);
          const result = await cms().articleRefs({ limit: 1, page: 1, from: start, before: end, order: 'updated', fields: ['updatedAt'] });
          const lastmod = isoTime(result.docs[0]?.updatedAt);
          return { count: result.totalDocs, ...(lastmod ? { lastmod } : {}) };
        },
        ['sitemap-month', month],
        isHotMonth(month, now) ? { tags: [TAG.articles], revalidate: FIVE_MINUTES } : { revalidate: DAY },
      )(),

    dayRefs: (day) =>
      cachedData(
        async (): Promise<SitemapRef[]> => {
          const { start, end } = dayRange(day);
          const docs = await collectPages(
            (page, limit) => cms().articleRefs({ limit, page, from: start, before: end, order: 'oldest', fields: ['slug', 'publishedAt', 'updatedAt'] }),
            { pageSize: 1000, max: Number.MAX_SAFE_INTEGER },
          );
          return docs.flatMap((doc) => {
            const lastmod = isoTime(doc.updatedAt) ?? isoTime(doc.publishedAt);
            return validSlug(doc.slug) ? [{ slug: doc.slug, ...(lastmod ? { lastmod } : {}) }] : [];
          });
        },
        ['sitemap-day', day],
        isHotDay(day, now) ? { tags: [TAG.articles], revalidate: FIVE_MINUTES } : { revalidate: isHotMonth(monthOf(`${day}T00:00:00Z`), now) ? HOUR : DAY },
      )(),
  };
}

function validSlug(slug: string | null | undefined): slug is string {
  return slugSchema.safeParse(slug).success;
}

export const cachedAdSlots = cachedData(
  async (): Promise<AdSlot[]> => (await cms().adSlots()).flatMap((doc) => fromPayloadAdSlot(doc) ?? []),
  ['ad-slots'],
  { tags: [TAG.adSlots], revalidate: FIVE_MINUTES },
);
