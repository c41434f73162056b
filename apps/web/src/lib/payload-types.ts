/**
 * The CMS's documents as the site receives them over REST. The document types are Payload's, generated from the CMS's
 * collections into `@newsroom/cms-types` (packages/cms-types) — one definition for both apps; the site never imports
 * the CMS app. What arrives is less than a whole document: the site asks for the fields it shows (`select`), and a
 * reader's access can withhold more, so every field but `id` may be missing here, in related documents too.
 * Relationships are `number | Doc` because what arrives depends on `depth` and on the reader's access.
 */
import type * as Cms from '@newsroom/cms-types';

/** A document as sent: its `id`, and any of its other fields — related documents likewise. */
export type Sent<T> = T extends readonly (infer Item)[]
  ? Sent<Item>[]
  : T extends { id: infer Id }
    ? { id: Id } & { [K in Exclude<keyof T, 'id'>]?: Sent<T[K]> }
    : T extends object
      ? { [K in keyof T]: Sent<T[K]> }
      : T;

/** Lexical's JSON as the site walks it: any node may have children and text. */
export interface LexicalNode {
  type: string;
  version?: number;
  children?: LexicalNode[];
  text?: string;
  [k: string]: unknown;
}

export interface LexicalDocument {
  root: LexicalNode & { children: LexicalNode[] };
  [k: string]: unknown;
}

export type PayloadMedia = Sent<Cms.Media>;
export type PayloadMediaSize = NonNullable<NonNullable<PayloadMedia['sizes']>['hero']>;
export type PayloadAuthor = Sent<Cms.Author>;
export type PayloadSection = Sent<Cms.Section>;
export type PayloadAdSlot = Sent<Cms.AdSlot>;
export type PayloadUser = Sent<Cms.User>;
/** The body is Lexical's JSON, read as {@link LexicalDocument}. */
export type PayloadArticle = Omit<Sent<Cms.Article>, 'body'> & { body?: LexicalDocument | null };
export type PayloadHeadline = Omit<Sent<Cms.Headline>, 'article'> & { article?: number | PayloadArticle | null };

/** Payload's paginated list response. */
export interface PayloadList<T> {
  docs: T[];
  totalDocs: number;
  limit: number;
  page?: number;
  totalPages: number;
  hasNextPage: boolean;
}
