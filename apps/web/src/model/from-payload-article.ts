import {
  type AdPosition,
  type Article,
  type ArticleAdSettings,
  articleSchema,
  type Author,
  type Correction,
  correctionKindSchema,
  daysInMonth,
  parseCreditLine,
  type Photo,
  type Section,
  slugSchema,
} from '@newsroom/schema';

import type { LexicalDocument, PayloadArticle, PayloadAuthor, PayloadMedia, PayloadSection } from '../lib/payload-types';
import { adSettingsOf } from './ad-slots';
import { lexicalParagraphs } from './lexical-text';
import { mediaPath, safeLink } from './safe-link';

/** The site's licensing pages: `/licensing/<media id>` for a photo in the media library, `/licensing/<article slug>` for a story's photo it does not hold. */
export const LICENSING_PAGE = '/licensing';

/** An article as a page renders it: the shared schema type plus what only the page needs. */
export interface ArticleDocument {
  article: Article;
  /** The Lexical body, for rendering with Payload's converters. */
  body: LexicalDocument;
  seo: { title?: string; description?: string };
  /** The article's own ad settings, for the schema's `adPlacementsFor`. */
  adSettings: ArticleAdSettings;
  suppressAds: boolean;
  showLatestHeadlines: boolean;
  /** Smaller renditions of the lead photo, for `srcset` and social cards. */
  photoRenditions: ImageRendition[];
}

export interface ImageRendition {
  src: string;
  width: number;
  height: number;
  name: string;
}

const EMPTY_BODY: LexicalDocument = { root: { type: 'root', children: [] } };

/**
 * A Payload article document (depth ≥ 1) as the site's `Article`. Pure. Unpopulated relationships (ids only, e.g. a
 * related doc the reader may not see) are left out; links that are not http(s) or site paths are dropped; a dateline
 * missing its date falls back to the publication date; corrections without a kind, text or time are left out and the
 * rest are put in the order they were added. The result always satisfies `articleSchema`.
 */
export function fromPayloadArticle(doc: PayloadArticle): ArticleDocument {
  const slug = slugSchema.safeParse(doc.slug).success ? String(doc.slug) : `article-${doc.id}`;
  const paragraphs = lexicalParagraphs(doc.body);
  const publishedAt = isoTime(doc.publishedAt);
  const updatedAt = isoTime(doc.updatedAt);
  const dateline = datelineOf(doc, publishedAt ?? updatedAt);
  const { photo, renditions } = photoOf(doc, slug, dateline.year);
  const article: Article = compact({
    id: String(doc.id),
    slug,
    headline: text(doc.headline) ?? '(untitled)',
    dek: text(doc.dek),
    authors: (doc.authors ?? []).flatMap((author) => (typeof author === 'object' && author ? authorOf(author) : [])),
    dateline,
    section: typeof doc.section === 'object' && doc.section ? sectionOf(doc.section) : undefined,
    tags: (doc.tags ?? []).map((tag) => (typeof tag === 'string' ? tag.trim() : '')).filter(Boolean),
    photo,
    paragraphs,
    adPositions: (doc.adPositions ?? []).flatMap(adPositionOf),
    status: doc._status === 'draft' ? 'draft' : 'published',
    publishedAt,
    updatedAt,
    corrections: correctionsOf(doc),
  });
  const parsed = articleSchema.safeParse(article);
  if (!parsed.success) throw new Error(`article ${doc.id} does not fit the schema: ${parsed.error.message}`);
  return {
    article: parsed.data,
    body: doc.body && Array.isArray(doc.body.root?.children) ? doc.body : EMPTY_BODY,
    seo: compact({ title: text(doc.seo?.title), description: text(doc.seo?.description) }),
    adSettings: adSettingsOf(doc),
    suppressAds: doc.suppressAds === true,
    showLatestHeadlines: doc.showLatestHeadlines !== false,
    photoRenditions: renditions,
  };
}

export function authorOf(author: PayloadAuthor): Author[] {
  const name = text(author.name);
  if (!name || !slugSchema.safeParse(author.slug).success) return [];
  return [compact({ name, slug: String(author.slug), bio: text(author.bio) })];
}

export function sectionOf(section: PayloadSection): Section | undefined {
  const name = text(section.name);
  return name && slugSchema.safeParse(section.slug).success ? { name, slug: String(section.slug) } : undefined;
}

function datelineOf(doc: PayloadArticle, fallbackIso: string | undefined): Article['dateline'] {
  const given = doc.dateline ?? {};
  const place = text(given.place);
  const agency = text(given.agency);
  const { month, day, year } = given;
  const validYear = Number.isInteger(year) && year! >= 1 && year! <= 9999 ? year! : undefined;
  if (Number.isInteger(month) && Number.isInteger(day) && month! >= 1 && month! <= 12 && day! >= 1 && day! <= daysInMonth(month!, validYear)) {
    return compact({ place, month: month!, day: day!, year: validYear, agency });
  }
  const date = new Date(fallbackIso ?? Date.now());
  return compact({ place, month: date.getUTCMonth() + 1, day: date.getUTCDate(), year: date.getUTCFullYear(), agency });
}

/**
 * The lead photo. Rights fields on the article win over the media library's. A wire photo credited to an agency
 * ("File Photo by Stephen Shaver/UPI") without a stored notice gets the agency's: "© 2018 UPI".
 */
function photoOf(doc: PayloadArticle, slug: string, year: number | undefined): { photo?: Photo; renditions: ImageRendition[] } {
  const hero = doc.hero ?? {};
  const media: PayloadMedia | undefined = typeof hero.image === 'object' && hero.image ? hero.image : undefined;
  const caption = text(hero.caption) ?? text(media?.caption);
  const credit = text(hero.credit) ?? text(media?.credit);
  // The desk's own page for the photo: its rights, its terms, and a request form.
  const mediaId = media && (typeof media.id === 'number' || typeof media.id === 'string') && /^[A-Za-z0-9-]{1,64}$/.test(String(media.id)) ? String(media.id) : undefined;
  const licensePage = mediaId ? `${LICENSING_PAGE}/${mediaId}` : hero.licenseOffered ? `${LICENSING_PAGE}/${slug}` : undefined;
  // "License Photo" goes to the source's own licensing page when it names one (an agency), else to ours.
  const licenseUrl = safeLink(hero.licenseUrl) ?? safeLink(media?.licenseUrl) ?? licensePage;
  const renditions = media ? renditionsOf(media) : [];
  const main = renditions.find((r) => r.name === 'hero') ?? renditions.find((r) => r.name === 'original');
  if (!media && !caption && !credit) return { renditions };
  const photo: Photo = compact({
    src: main?.src,
    alt: text(hero.alt) ?? text(media?.alt) ?? '',
    caption,
    credit,
    creator: text(hero.creator) ?? text(media?.creator),
    copyright: text(hero.copyright) ?? text(media?.copyright) ?? agencyCopyright(credit, year),
    licenseUrl,
    licensePage,
    usageTerms: text(hero.usageTerms) ?? text(media?.usageTerms),
    licenseOffered: hero.licenseOffered === true || undefined,
    width: main?.width,
    height: main?.height,
  });
  return { photo, renditions };
}

function agencyCopyright(credit: string | undefined, year: number | undefined): string | undefined {
  const agency = credit ? parseCreditLine(credit)?.agency : undefined;
  return agency && year ? `© ${year} ${agency}` : undefined;
}

/** Every file of a media document the site can serve: the original and each size, by name. */
export function renditionsOf(media: PayloadMedia): ImageRendition[] {
  const out: ImageRendition[] = [];
  const push = (name: string, url: string | null | undefined, width: number | null | undefined, height: number | null | undefined) => {
    const src = mediaPath(url);
    const sized = (n: number | null | undefined) => Number.isInteger(n) && n! > 0 && n! <= 100_000;
    if (src && sized(width) && sized(height)) out.push({ name, src, width: width!, height: height! });
  };
  push('original', media.url, media.width, media.height);
  for (const [name, size] of Object.entries(media.sizes ?? {})) push(name, size?.url, size?.width, size?.height);
  return out;
}

/** The story's corrections, updates and clarifications, oldest first; undefined when it has none. */
function correctionsOf(doc: PayloadArticle): Correction[] | undefined {
  const notes = (doc.corrections ?? []).flatMap((entry): Correction[] => {
    const kind = correctionKindSchema.safeParse(entry?.kind);
    const note = text(entry?.text);
    const at = isoTime(entry?.at);
    return kind.success && note && at ? [{ kind: kind.data, text: note, at }] : [];
  });
  // A stable sort: notes stamped in the same millisecond keep the order the CMS gave them.
  notes.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return notes.length > 0 ? notes : undefined;
}

function adPositionOf(position: NonNullable<PayloadArticle['adPositions']>[number]): AdPosition[] {
  if (position.placement === 'top' || position.placement === 'rail') return [{ placement: position.placement }];
  if (position.placement === 'after-paragraph' && Number.isInteger(position.paragraph) && position.paragraph! >= 1) {
    return [{ placement: 'after-paragraph', paragraph: position.paragraph! }];
  }
  return [];
}

function text(value: string | null | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** ISO 8601 with a zone, or undefined (Payload stores UTC "…Z" timestamps). */
export function isoTime(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Drops undefined properties, so optional schema fields are absent rather than `undefined`. */
export function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
