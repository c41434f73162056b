/**
 * What the reader site asks the CMS for, field by field: the `select` and `populate` of its REST reads (ADR 0015).
 * Kept with the content model so the site's client and the archive-scale benchmark ask for exactly the same thing.
 */
/** A Payload `select` or `populate`: `true` names a field, `false` leaves one out, an object selects inside one. */
export type Select = { [field: string]: boolean | Select };

/**
 * Every query names its `depth` and its fields, and what related documents bring along (`populate`): at archive scale
 * a reader's page must not pay for editorial fields, audit trails or whole user records it never shows.
 *
 * An article page reads the whole story but the desk's own fields — an exclusion, so a field added for readers (as
 * corrections were) reaches the page without touching this list.
 */
export const ARTICLE_SELECT: Select = {
  createdBy: false,
  source: false,
  auditTrail: false,
  workflowStatus: false,
  assignee: false,
  deadline: false,
  killedBy: false,
  killReason: false,
};

/** Lists, cards, feeds and rails: no body, no ad settings. */
export const LIST_SELECT: Select = {
  headline: true,
  dek: true,
  slug: true,
  authors: true,
  section: true,
  dateline: true,
  hero: true,
  seo: true,
  tags: true,
  corrections: true,
  publishedAt: true,
  updatedAt: true,
  _status: true,
};

export const MEDIA_SELECT: Select = {
  alt: true,
  caption: true,
  credit: true,
  creator: true,
  copyright: true,
  licenseUrl: true,
  usageTerms: true,
  url: true,
  filename: true,
  mimeType: true,
  width: true,
  height: true,
  sizes: true,
};

export const AUTHOR_SELECT: Select = { name: true, slug: true, bio: true, updatedAt: true };
export const SECTION_SELECT: Select = { name: true, slug: true, description: true, updatedAt: true };

/** Related documents an article brings: bylines, its section, the photo, and only the ids of ad slots it names. */
export const ARTICLE_POPULATE: Select = {
  authors: { name: true, slug: true, bio: true },
  sections: { name: true, slug: true },
  media: MEDIA_SELECT,
  'ad-slots': { name: true },
};

export const HEADLINE_SELECT: Select = { title: true, article: true, url: true, publishedAt: true, pinned: true, expiresAt: true, _order: true };
/** A curated headline's article is shown as a card on the front page (top stories): it brings what a card shows. */
export const HEADLINE_POPULATE: Select = { articles: LIST_SELECT, authors: { name: true, slug: true }, sections: { name: true, slug: true }, media: MEDIA_SELECT };
export const AD_SLOT_SELECT: Select = { name: true, label: true, sizes: true, placement: true, creative: true, activeFrom: true, activeUntil: true, updatedAt: true };
