import type { Article, Headline } from '@newsroom/schema';

import type { PayloadHeadline } from '../lib/payload-types';
import { isoTime, sectionOf } from './from-payload-article';
import { safeLink } from './safe-link';

/**
 * A curated headline as the schema's `Headline`: an internal article links to `/news/<slug>`, else the external URL.
 * Undefined when it links nowhere a reader may go — e.g. its article is a draft, which the CMS then returns as a bare id.
 */
export function fromPayloadHeadline(doc: PayloadHeadline): Headline | undefined {
  const title = doc.title?.trim();
  if (!title) return undefined;
  const article = typeof doc.article === 'object' && doc.article ? doc.article : undefined;
  if (article) {
    if (article._status === 'draft' || !article.slug || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(article.slug)) return undefined;
    const section = typeof article.section === 'object' && article.section ? sectionOf(article.section) : undefined;
    return compactHeadline({
      title,
      url: `/news/${article.slug}`,
      publishedAt: isoTime(doc.publishedAt) ?? isoTime(article.publishedAt),
      section: section?.name,
    });
  }
  if (doc.article != null) return undefined;
  const url = safeLink(doc.url);
  return url ? compactHeadline({ title, url, publishedAt: isoTime(doc.publishedAt) }) : undefined;
}

/** An article as a headline entry. */
export function articleHeadline(article: Pick<Article, 'headline' | 'slug' | 'publishedAt' | 'section'>): Headline {
  return compactHeadline({
    title: article.headline,
    url: `/news/${article.slug}`,
    publishedAt: article.publishedAt,
    section: article.section?.name,
  });
}

export interface RailInput {
  /** Curated headlines in the editors' order. */
  curated: Headline[];
  /** Latest articles, newest first. */
  latest: Headline[];
  /** The page's own article, never listed. */
  excludeUrl?: string;
  /** Only headlines of this section (by name); curated external links have none and are left out. */
  sectionName?: string;
  limit: number;
}

/** "Latest Headlines": curated entries first, then the latest articles; never the current article, never twice. */
export function railHeadlines({ curated, latest, excludeUrl, sectionName, limit }: RailInput): Headline[] {
  const seen = new Set<string>(excludeUrl ? [excludeUrl] : []);
  const out: Headline[] = [];
  for (const headline of [...curated, ...latest]) {
    if (out.length >= limit) break;
    if (seen.has(headline.url)) continue;
    if (sectionName !== undefined && headline.section !== sectionName) continue;
    seen.add(headline.url);
    out.push(headline);
  }
  return out;
}

function compactHeadline(headline: Headline): Headline {
  return Object.fromEntries(Object.entries(headline).filter(([, value]) => value !== undefined)) as Headline;
}
