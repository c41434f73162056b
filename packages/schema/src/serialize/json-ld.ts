import type { Article } from '../article.js';
import { articleDateModified, CORRECTION_LABELS } from '../correction.js';
import { absoluteUrl, articleUrl, siteBase, type SiteInfo } from './site.js';

/**
 * The schema.org `NewsArticle` for an article, ready for {@link jsonLdScriptContent}.
 * Properties without a value are left out rather than emitted empty.
 *
 * Photo rights follow Google's "licensable image" fields: `creditText` is the printed credit,
 * `license` and `acquireLicensePage` both point at the "License Photo" page, the only rights URL we hold.
 *
 * Every note added since publication is a `CorrectionComment` in `correction`, oldest first, named by its kind
 * ("Correction", "Update", "Clarification"); `dateModified` is the latest of the last edit and the newest note.
 */
export function toNewsArticleJsonLd(article: Article, site: SiteInfo): Record<string, unknown> {
  const base = siteBase(site);
  const url = articleUrl(site, article);
  const photo = article.photo;
  const image =
    photo &&
    compact({
      '@type': 'ImageObject',
      url: photo.src === undefined ? undefined : absoluteUrl(site, photo.src),
      caption: photo.caption,
      creditText: photo.credit,
      creator: photo.creator === undefined ? undefined : { '@type': 'Person', name: photo.creator },
      copyrightNotice: photo.copyright,
      // The terms (the publisher's page states them), and where to acquire a license (the source's page, or the same).
      license: (photo.licensePage ?? photo.licenseUrl) === undefined ? undefined : absoluteUrl(site, (photo.licensePage ?? photo.licenseUrl)!),
      acquireLicensePage: photo.licenseUrl === undefined ? undefined : absoluteUrl(site, photo.licenseUrl),
      width: photo.width,
      height: photo.height,
    });

  return compact({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: article.dek,
    image,
    datePublished: article.publishedAt,
    dateModified: articleDateModified(article),
    author: article.authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: `${base}/author/${author.slug}`,
    })),
    publisher: compact({
      '@type': 'NewsMediaOrganization',
      name: site.name,
      url: base,
      logo: site.logoUrl === undefined ? undefined : { '@type': 'ImageObject', url: absoluteUrl(site, site.logoUrl) },
    }),
    dateline: article.dateline.place,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    articleSection: article.section?.name,
    keywords: article.tags.length > 0 ? [...article.tags] : undefined,
    correction: article.corrections?.length
      ? article.corrections.map((note) => ({ '@type': 'CorrectionComment', name: CORRECTION_LABELS[note.kind], text: note.text, datePublished: note.at }))
      : undefined,
  });
}

const SCRIPT_UNSAFE: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON text that is safe as the content of `<script type="application/ld+json">`: `<`, `>` and `&`
 * become `\u` escapes so no string can close the script element or open a comment, and U+2028/U+2029
 * are escaped for consumers that evaluate it as JavaScript. `JSON.parse` gives back the same value.
 */
export function jsonLdScriptContent(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('jsonLdScriptContent: value is not JSON-serializable');
  return json.replace(/[<>&\u2028\u2029]/g, (character) => SCRIPT_UNSAFE[character] ?? character);
}

function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
