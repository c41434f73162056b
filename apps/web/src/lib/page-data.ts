import type { Article, Author, Headline, Section } from '@newsroom/schema';
import { adPlacementsFor, articleDateModified, formatDateline, jsonLdScriptContent, toNewsArticleJsonLd } from '@newsroom/schema';

import { fromPayloadAdSlot } from '../model/ad-slots';
import { fromPayloadArticle, type ImageRendition, authorOf, sectionOf } from '../model/from-payload-article';
import { articleHeadline, fromPayloadHeadline, railHeadlines } from '../model/headlines';
import { renderAdSlot } from '../render/ad-slot';
import { renderBody } from '../render/article-body';
import { widgetHeadlines } from '../render/embeds';
import { correctionsNoticeHtml } from '../render/corrections';
import { LAYOUT_RENDITIONS, LEAD_PHOTO_SIZES, responsiveImage } from '../model/responsive-image';
import { articleCardHtml, photoCaptionHtml, railHtml } from '../render/widgets';
import { TAG } from './cache-tags';
import { clientAssets } from './client-assets';
import { cms } from './cms';
import { pageHref, type Pagination, pageSuffix, paginate } from './pagination';
import type { PayloadArticle } from './payload-types';
import { siteConfig, siteInfo } from './site-config';
import { readAfterRevalidations } from './tag-clock';

/** What every page shows around its content. */
export interface Chrome {
  siteName: string;
  sections: Section[];
  /** The widget hydration module; absent when the client build did not run. */
  widgetsScript?: string;
}

/** What `<PageHead>` needs. */
export interface PageMeta {
  title: string;
  description: string;
  canonical: string;
  type: 'article' | 'website';
  image?: { src: string; width: number; height: number; alt: string };
  noindex?: boolean;
  publishedAt?: string;
  modifiedAt?: string;
  section?: string;
  authors?: string[];
  tags?: string[];
}

export interface ArticlePageProps {
  chrome: Chrome;
  meta: PageMeta;
  article: Article;
  captionHtml: string | null;
  /** The lead photo's best source, preloaded from the head: it is the page's largest paint. */
  heroPreload?: { href: string; srcset?: string; sizes: string; type: string } | null;
  /** The corrections and updates notice, when the story has any (render/corrections.ts). */
  correctionsHtml?: string | null;
  bodyHtml: string;
  topAdHtml: string | null;
  railAdHtml: string | null;
  railHtml: string | null;
  jsonLd: string;
  /** Set when an editor previews a draft. */
  preview: { livePreviewScript?: string; cmsOrigin: string } | null;
}

export interface ListPageProps {
  chrome: Chrome;
  meta: PageMeta;
  heading: string;
  intro: string | null;
  /** Server-rendered `<news-article-card>`s. */
  topCardsHtml: string[];
  cardsHtml: string[];
  /** Which page of the listing this is (`?page=N`), and its neighbours. */
  pagination: Pagination;
}

/** Stories per page of a listing: the front page's latest, and section and author pages. */
export const FRONT_PAGE_SIZE = 24;
export const LIST_PAGE_SIZE = 30;

/** Rows in an article page's "Latest Headlines" rail (styles/site-css.ts reserves their height). */
const RAIL_LENGTH = 8;

/**
 * Where an article page's rail refreshes itself from once the page has loaded: the widget JSON, cached and revalidated
 * on its own, so that a publish re-renders the story's own pages and not every article page (docs/adr/0014).
 */
export const railSource = (slug: string) => `/api/widgets/headlines?limit=${RAIL_LENGTH}&exclude=${slug}`;

export async function chromeData(): Promise<Chrome> {
  const sections = (await cms().sections()).flatMap((doc) => sectionOf(doc) ?? []);
  const { widgets } = clientAssets();
  return { siteName: siteConfig().siteName, sections, ...(widgets ? { widgetsScript: widgets } : {}) };
}

/** Curated headlines, then the latest articles: the rail's candidates before the page's own article is removed. */
export async function headlineCandidates(): Promise<{ curated: Headline[]; latest: Headline[] }> {
  const [curatedDocs, latestDocs] = await Promise.all([cms().headlines(20), cms().articles({ limit: 30, withoutBody: true })]);
  return {
    curated: curatedDocs.flatMap((doc) => fromPayloadHeadline(doc) ?? []),
    latest: latestDocs.docs.map((doc) => articleHeadline(fromPayloadArticle(doc).article)),
  };
}

/**
 * Everything an article page shows, or undefined when there is no such live article (or, with `draftToken`, no such
 * article at all). Throws `CmsUnavailableError` when the CMS cannot answer, so a cached page is kept rather than
 * replaced by a 404.
 *
 * Each page's data is read again when a revalidation of what it shows arrives while it is being read (./tag-clock.ts):
 * a background re-render that began before a change cannot store the page as it was after the change's own render.
 */
export function articlePageData(slug: string, options: { draftToken?: string } = {}): Promise<ArticlePageProps | undefined> {
  return readAfterRevalidations([TAG.article(slug), TAG.sections, TAG.adSlots], () => loadArticlePage(slug, options));
}

async function loadArticlePage(slug: string, { draftToken }: { draftToken?: string }): Promise<ArticlePageProps | undefined> {
  const doc = await cms().article(slug, draftToken ? { draftToken } : {});
  if (!doc) return undefined;
  const view = fromPayloadArticle(doc);
  const { article } = view;
  const [chrome, slotDocs, candidates] = await Promise.all([chromeData(), cms().adSlots(), view.showLatestHeadlines ? headlineCandidates() : undefined]);
  const placements = adPlacementsFor(article.paragraphs.length, view.adSettings, slotDocs.flatMap((slot) => fromPayloadAdSlot(slot) ?? []));
  const top = placements.find((p) => p.position.placement === 'top');
  const railAd = placements.find((p) => p.position.placement === 'rail');
  const byParagraph = new Map(placements.flatMap((p) => (p.position.placement === 'after-paragraph' ? [[p.position.paragraph, p] as const] : [])));
  const bodyHtml = renderBody(view.body, (paragraph) => {
    const placement = byParagraph.get(paragraph);
    // The first in-article slot can sit above the fold on a tall screen; later ones load as the reader nears them.
    return placement ? renderAdSlot(placement, { lazy: paragraph > 3 }) : '';
  });
  const rail = candidates ? railHeadlines({ ...candidates, excludeUrl: `/news/${article.slug}`, limit: RAIL_LENGTH }) : [];
  const site = siteInfo();
  const canonical = `${site.url}/news/${article.slug}`;
  const og = ogImage(view.photoRenditions, article.photo?.alt);
  const config = siteConfig();
  const modifiedAt = articleDateModified(article);
  return {
    chrome,
    meta: {
      title: view.seo.title ?? article.headline,
      description: view.seo.description ?? article.dek ?? truncate(article.paragraphs[0] ?? article.headline, 200),
      canonical,
      type: 'article',
      ...(og ? { image: og } : {}),
      ...(draftToken ? { noindex: true } : {}),
      ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
      ...(modifiedAt ? { modifiedAt } : {}),
      ...(article.section ? { section: article.section.name } : {}),
      authors: article.authors.map((author) => author.name),
      tags: article.tags,
    },
    article,
    captionHtml: article.photo ? photoCaptionHtml(article.photo, { renditions: view.photoRenditions, priority: true }) : null,
    heroPreload: article.photo?.src ? heroPreload(view.photoRenditions) : null,
    correctionsHtml: correctionsNoticeHtml(article.corrections) || null,
    bodyHtml,
    topAdHtml: top ? renderAdSlot(top, { lazy: false }) : null,
    railAdHtml: railAd ? renderAdSlot(railAd, { lazy: true }) : null,
    // Absolute links, as the widget JSON has them: when nothing changed since this render, the refresh changes nothing.
    railHtml: view.showLatestHeadlines ? railHtml(widgetHeadlines(rail, config.siteUrl), { src: railSource(article.slug), limit: RAIL_LENGTH }) : null,
    jsonLd: jsonLdScriptContent(newsArticleJsonLd(article, site)),
    preview: draftToken
      ? { cmsOrigin: config.cmsPublicUrl, ...(clientAssets()['live-preview'] ? { livePreviewScript: clientAssets()['live-preview'] } : {}) }
      : null,
  };
}

/**
 * The front page: editors' top stories (curated headlines that point at articles), then the latest. Later pages
 * (`/?page=2`) carry on through the latest, without top stories; undefined past the last page.
 */
export function frontPageData(page = 1): Promise<ListPageProps | undefined> {
  return readAfterRevalidations([TAG.articles, TAG.headlines, TAG.sections], () => loadFrontPage(page));
}

async function loadFrontPage(page: number): Promise<ListPageProps | undefined> {
  const [chrome, curatedDocs, latestDocs] = await Promise.all([
    chromeData(),
    page === 1 ? cms().headlines(20) : Promise.resolve([]),
    cms().articles({ limit: FRONT_PAGE_SIZE, page, withoutBody: true }),
  ]);
  const pagination = paginate('/', page, latestDocs.totalPages);
  if (!pagination) return undefined;
  const top: PayloadArticle[] = [];
  for (const headline of curatedDocs) {
    const doc = typeof headline.article === 'object' && headline.article ? headline.article : undefined;
    if (doc && doc._status !== 'draft' && fromPayloadHeadline(headline) && !top.some((t) => t.id === doc.id)) top.push(doc);
    if (top.length === 3) break;
  }
  const topIds = new Set(top.map((doc) => doc.id));
  const site = siteInfo();
  return {
    chrome,
    meta: {
      title: `${site.name}: latest news${pageSuffix(page)}`,
      description: `The latest stories from ${site.name}.`,
      canonical: `${site.url}${pageHref('/', page)}`,
      type: 'website',
    },
    heading: 'Latest news',
    intro: null,
    // The first top story's image is above the fold on every screen: it loads at once.
    topCardsHtml: top.map((doc, index) => cardOf(doc, index === 0 ? 'wide' : 'compact', index === 0)),
    cardsHtml: latestDocs.docs.filter((doc) => !topIds.has(doc.id)).map((doc) => cardOf(doc)),
    pagination,
  };
}

/** A section's stories, newest first, `LIST_PAGE_SIZE` a page; undefined for no such section or past the last page. */
export function sectionPageData(slug: string, page = 1): Promise<ListPageProps | undefined> {
  return readAfterRevalidations([TAG.section(slug), TAG.sections], () => loadSectionPage(slug, page));
}

async function loadSectionPage(slug: string, page: number): Promise<ListPageProps | undefined> {
  const doc = await cms().section(slug);
  const section = doc && sectionOf(doc);
  if (!doc || !section) return undefined;
  const [chrome, articles] = await Promise.all([chromeData(), cms().articles({ limit: LIST_PAGE_SIZE, page, sectionId: doc.id, withoutBody: true })]);
  const path = `/section/${section.slug}`;
  const pagination = paginate(path, page, articles.totalPages);
  if (!pagination) return undefined;
  const site = siteInfo();
  return {
    chrome,
    meta: {
      title: `${section.name}${pageSuffix(page)} | ${site.name}`,
      description: doc.description?.trim() || `${section.name} stories from ${site.name}.`,
      canonical: `${site.url}${pageHref(path, page)}`,
      type: 'website',
    },
    heading: section.name,
    intro: doc.description?.trim() || null,
    topCardsHtml: [],
    cardsHtml: articles.docs.map((article) => cardOf(article)),
    pagination,
  };
}

/** An author's stories, newest first, `LIST_PAGE_SIZE` a page; undefined for no such author or past the last page. */
export function authorPageData(slug: string, page = 1): Promise<ListPageProps | undefined> {
  return readAfterRevalidations([TAG.author(slug), TAG.authors, TAG.sections], () => loadAuthorPage(slug, page));
}

async function loadAuthorPage(slug: string, page: number): Promise<ListPageProps | undefined> {
  const doc = await cms().author(slug);
  const [author]: Author[] = doc ? authorOf(doc) : [];
  if (!doc || !author) return undefined;
  const [chrome, articles] = await Promise.all([chromeData(), cms().articles({ limit: LIST_PAGE_SIZE, page, authorId: doc.id, withoutBody: true })]);
  const path = `/author/${author.slug}`;
  const pagination = paginate(path, page, articles.totalPages);
  if (!pagination) return undefined;
  const site = siteInfo();
  return {
    chrome,
    meta: {
      title: `${author.name}${pageSuffix(page)} | ${site.name}`,
      description: author.bio ?? `Stories by ${author.name} for ${site.name}.`,
      canonical: `${site.url}${pageHref(path, page)}`,
      type: 'website',
    },
    heading: author.name,
    intro: author.bio ?? null,
    topCardsHtml: [],
    cardsHtml: articles.docs.map((article) => cardOf(article)),
    pagination,
  };
}

/**
 * The schema's NewsArticle. Its `dateline` is the place; a wire story filed without one ("Sept. 17 (UPI)") still has a
 * dateline, so it gets the printed one rather than none.
 */
function newsArticleJsonLd(article: Article, site: ReturnType<typeof siteInfo>): Record<string, unknown> {
  const ld = toNewsArticleJsonLd(article, site);
  return ld.dateline === undefined ? { ...ld, dateline: formatDateline(article.dateline) } : ld;
}

function cardOf(doc: PayloadArticle, layout?: 'compact' | 'wide', eager = false): string {
  const view = fromPayloadArticle(doc);
  return articleCardHtml(view.article, { renditions: view.photoRenditions, eager, ...(layout ? { layout } : {}) });
}

function heroPreload(renditions: ImageRendition[]): NonNullable<ArticlePageProps['heroPreload']> | null {
  const image = responsiveImage(renditions, LAYOUT_RENDITIONS, 'hero');
  if (!image) return null;
  // The first source the browser would take (AVIF); a browser without it skips a preload of that type.
  const best = image.sources[0];
  return best
    ? { href: image.src, srcset: best.srcset, sizes: LEAD_PHOTO_SIZES, type: best.type }
    : { href: image.src, ...(image.srcset ? { srcset: image.srcset } : {}), sizes: LEAD_PHOTO_SIZES, type: 'image/jpeg' };
}

function ogImage(renditions: ImageRendition[], alt: string | undefined): PageMeta['image'] {
  const best = renditions.find((r) => r.name === 'og') ?? renditions.find((r) => r.name === 'hero') ?? renditions.find((r) => r.name === 'original');
  return best ? { src: best.src, width: best.width, height: best.height, alt: alt ?? '' } : undefined;
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/** Next refuses `undefined` in page props: send plain JSON. */
export function asProps<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
