import type { Article } from '../article.js';
import { joinAuthorNames } from '../byline.js';
import { escapeHtml } from '../escape-html.js';
import { isDateTime, isUri } from '../ninjs/formats.js';
import type { Photo } from '../photo.js';
import { absoluteUrl, articleUrl, toDateTime, type SiteInfo } from './site.js';

/** The ninjs version {@link toNinjs} writes. */
export const NINJS_VERSION = '3.1';
/** JSON Schema of that version, named in the `standard` property: the schema's own `$id`. */
export const NINJS_SCHEMA_URL = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#';

/** Site details ninjs can carry beyond {@link SiteInfo}. */
export interface NinjsSite extends SiteInfo {
  /** Copyright notice for our own text, e.g. "Copyright 2018 Newsroom Daily". Left out when not given. */
  copyrightNotice?: string;
  /** Natural-language usage terms for receivers. */
  usageTerms?: string;
  /** BCP 47 language of the content, e.g. "en". */
  language?: string;
}

/** Options for {@link toNinjs}. */
export interface NinjsOptions {
  /** Version of this news object; we keep no revision counter, so callers that do pass it. Default "1". */
  version?: string;
}

/** A photo as {@link toNinjs} reads it: the content model's, plus the usage terms its source states, when known. */
export type NinjsPhotoInput = Photo & { usageTerms?: string };

/** An article as {@link toNinjs} reads it; any {@link Article} is one. */
export type NinjsArticle = Omit<Article, 'photo'> & { photo?: NinjsPhotoInput };

/** A ninjs 3.1 text item with the properties {@link toNinjs} writes; see the IPTC schema for their meaning. */
export interface NinjsItem {
  uri: string;
  type: 'text' | 'picture';
  standard?: { name: 'ninjs'; version: string; schema: string };
  version?: string;
  firstCreated?: string;
  versionCreated?: string;
  pubStatus?: 'usable' | 'withheld';
  language?: string;
  slugline?: string;
  title?: string;
  headlines?: { role?: string; contentType?: string; value: string }[];
  descriptions?: { role?: string; contentType?: string; value: string }[];
  bodies?: { role?: string; contentType?: string; charCount?: number; wordCount?: number; value: string }[];
  by?: string;
  located?: string;
  copyrightNotice?: string;
  usageTerms?: string;
  rightsInfo?: { linkedRights: string };
  /** The photo's printed credit line, which ninjs has no property of its own for. */
  infoSources?: { name: string; role: 'credit' }[];
  subjects?: { name: string }[];
  renditions?: { name: string; href: string; width?: number; height?: number }[];
  associations?: (NinjsItem & { name: string })[];
}

/**
 * An article as an IPTC ninjs 3.1 news item, for syndication; the result passes `validateNinjs`.
 *
 * ninjs 3.x renamed the 1.x/2.x lower-case properties to camelCase (`firstcreated` → `firstCreated`,
 * `versioncreated` → `versionCreated`, `pubstatus` → `pubStatus`, `copyrightnotice` → `copyrightNotice`,
 * `usageterms` → `usageTerms`), and its schema forbids unknown properties, so the schema is named in
 * `standard` rather than a `$schema` property. Mapping choices where the spec leaves room:
 * - `uri` is the canonical article URL; `pubStatus` is `usable` when published, else `withheld`;
 * - `firstCreated`/`versionCreated` come from `publishedAt`/`updatedAt` (dates widened to UTC midnight; a value
 *   that is not an RFC 3339 date-time is rewritten as one, or left out when it names no time);
 * - `bodies` holds `text/plain` (paragraphs separated by a blank line) and `text/html` (`<p>` per
 *   paragraph, text escaped: paragraphs are plain text, so markup in them is shown, never run);
 * - `by` is the authors as a phrase ("A and B"); `located` is the dateline place;
 * - the photo is the association `mainpic` of type `picture`: caption as a `caption` description, the photographer
 *   as its `by` (the printed credit when no photographer is known), the printed credit as an info source with role
 *   `credit` (ninjs has no credit-line property), `copyrightNotice`, `usageTerms`, the license page as
 *   `rightsInfo.linkedRights`, the image file as its `original` rendition; with no image file its `uri` is the
 *   article URI plus `#mainpic`. URLs are written percent-encoded, as the schema's `format: uri` requires;
 * - `subjects` are the tags by name only: they are free text, not codes from a vocabulary;
 * - not carried: ad positions and related headlines (page layout, not content), photo alt text
 *   (ninjs 3.1 has no property for it); the dek goes in `descriptions` with role `summary`.
 */
export function toNinjs(article: NinjsArticle, site: NinjsSite, options: NinjsOptions = {}): NinjsItem {
  const uri = uriOf(articleUrl(site, article)) ?? articleUrl(site, article);
  const plain = article.paragraphs.join('\n\n');
  const html = article.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
  const photo = article.photo;
  const firstCreated = article.publishedAt === undefined ? undefined : dateTimeOf(article.publishedAt);
  const versionCreated = article.updatedAt === undefined ? firstCreated : (dateTimeOf(article.updatedAt) ?? firstCreated);

  const item: NinjsItem = {
    uri,
    type: 'text',
    standard: { name: 'ninjs', version: NINJS_VERSION, schema: NINJS_SCHEMA_URL },
    version: options.version ?? '1',
    ...(firstCreated === undefined ? {} : { firstCreated }),
    ...(versionCreated === undefined ? {} : { versionCreated }),
    pubStatus: article.status === 'published' ? 'usable' : 'withheld',
    ...(site.language === undefined ? {} : { language: site.language }),
    slugline: article.slug,
    title: article.headline,
    headlines: [{ role: 'main', contentType: 'text/plain', value: article.headline }],
    ...(article.dek === undefined ? {} : { descriptions: [{ role: 'summary', contentType: 'text/plain', value: article.dek }] }),
    bodies: [
      { role: 'main', contentType: 'text/plain', charCount: plain.length, wordCount: countWords(plain), value: plain },
      { role: 'richtext', contentType: 'text/html', value: html },
    ],
    ...(article.authors.length === 0 ? {} : { by: joinAuthorNames(article.authors.map((author) => author.name)) }),
    ...(article.dateline.place === undefined ? {} : { located: article.dateline.place }),
    ...(site.copyrightNotice === undefined ? {} : { copyrightNotice: site.copyrightNotice }),
    ...(site.usageTerms === undefined ? {} : { usageTerms: site.usageTerms }),
    ...(article.tags.length === 0 ? {} : { subjects: article.tags.map((tag) => ({ name: tag })) }),
  };

  if (photo) {
    const href = photo.src === undefined ? undefined : uriOf(absoluteUrl(site, photo.src));
    const license = photo.licenseUrl === undefined ? undefined : uriOf(absoluteUrl(site, photo.licenseUrl));
    const by = photo.creator ?? photo.credit;
    item.associations = [
      {
        name: 'mainpic',
        uri: href ?? `${uri}#mainpic`,
        type: 'picture',
        ...(photo.caption === undefined
          ? {}
          : { descriptions: [{ role: 'caption', contentType: 'text/plain', value: photo.caption }] }),
        ...(by === undefined ? {} : { by }),
        ...(photo.credit === undefined || photo.credit === by ? {} : { infoSources: [{ name: photo.credit, role: 'credit' as const }] }),
        ...(photo.copyright === undefined ? {} : { copyrightNotice: photo.copyright }),
        ...(photo.usageTerms === undefined ? {} : { usageTerms: photo.usageTerms }),
        ...(license === undefined ? {} : { rightsInfo: { linkedRights: license } }),
        ...(href === undefined
          ? {}
          : {
              renditions: [
                {
                  name: 'original',
                  href,
                  ...(photo.width === undefined ? {} : { width: photo.width }),
                  ...(photo.height === undefined ? {} : { height: photo.height }),
                },
              ],
            }),
      },
    ];
  }
  return item;
}

/** An absolute URL as an RFC 3986 URI (spaces and non-ASCII percent-encoded), or undefined when it is not a URL. */
function uriOf(url: string): string | undefined {
  if (isUri(url)) return url;
  try {
    const normalized = new URL(url).href;
    return isUri(normalized) ? normalized : undefined;
  } catch {
    return undefined;
  }
}

/** A stored timestamp as an RFC 3339 date-time: kept when it is one, else rewritten in UTC; undefined when it names no time. */
function dateTimeOf(value: string): string | undefined {
  const widened = toDateTime(value);
  if (isDateTime(widened)) return widened;
  const millis = Date.parse(widened);
  return Number.isNaN(millis) ? undefined : new Date(millis).toISOString().replace('.000Z', 'Z');
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}
