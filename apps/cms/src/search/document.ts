import { slugify } from '@newsroom/schema';

import { lexicalToParagraphs } from '../lib/lexical';

/**
 * What the search index holds of an article: its published headline, dek and body as plain text, and the slugs of its
 * tags. The text is the reader's text; the engines tokenize it themselves.
 */
export type SearchDocument = {
  id: number | string;
  headline: string;
  dek: string;
  body: string;
  tagSlugs: string[];
};

type ArticleLike = {
  id?: number | string;
  headline?: string | null;
  dek?: string | null;
  body?: unknown;
  tags?: (string | null | undefined)[] | null;
};

/**
 * Control characters (tab and newline aside) never reach the index. The engines mark matches in snippets with U+0001
 * and U+0002 (see ./snippet.ts), so indexed text must not carry them: a story cannot forge a highlight.
 */
export function plainText(value: unknown): string {
  if (typeof value !== 'string') return '';
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return value.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
}

/**
 * A tag's URL slug (`/tag/<slug>`): the article slug rule applied to the tag's text. A tag with nothing to transliterate
 * ("日本") has no slug, rather than the article rule's fallback, which would lump such tags together.
 */
export function tagSlug(tag: string): string | undefined {
  const slug = slugify(tag);
  return slug === 'story' && slugify(`${tag} x`) === 'x' ? undefined : slug;
}

export function tagSlugs(tags: ArticleLike['tags']): string[] {
  const slugs = (tags ?? []).flatMap((tag) => (typeof tag === 'string' ? (tagSlug(tag) ?? []) : []));
  return [...new Set(slugs)];
}

/** An article (a Payload document or a row read back from the table) as the index stores it. */
export function searchDocumentOf(article: ArticleLike & { id: number | string }): SearchDocument {
  return {
    id: article.id,
    headline: plainText(article.headline),
    dek: plainText(article.dek),
    body: plainText(lexicalToParagraphs(parseBody(article.body)).join('\n\n')),
    tagSlugs: tagSlugs(article.tags),
  };
}

/** SQLite keeps rich text as JSON text; documents and Postgres rows carry it parsed. */
function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
