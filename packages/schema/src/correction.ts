import { z } from 'zod';
import { isoDateTimeSchema } from './link.js';

/** What a note appended to a published story says it is. */
export const correctionKindSchema = z.enum(['correction', 'update', 'clarification']);

/** See {@link correctionKindSchema}. */
export type CorrectionKind = z.infer<typeof correctionKindSchema>;

/**
 * A note the newsroom appended to a story after publication: a correction of a mistake, an update with new facts, or
 * a clarification. `at` is when the note was added (stamped by the CMS, never typed by an editor).
 */
export const correctionSchema = z.object({
  kind: correctionKindSchema,
  /** Plain text; renderers escape it. */
  text: z.string().trim().min(1),
  /** ISO 8601. */
  at: isoDateTimeSchema,
});

/** See {@link correctionSchema}. */
export type Correction = z.infer<typeof correctionSchema>;

/** How each kind is labelled for readers. */
export const CORRECTION_LABELS: Readonly<Record<CorrectionKind, string>> = {
  correction: 'Correction',
  update: 'Update',
  clarification: 'Clarification',
};

/** The most recent note (by `at`; of notes added at the same moment, the later in the list), or undefined. */
export function latestCorrection<T extends Pick<Correction, 'at'> = Correction>(corrections: readonly T[] | undefined): T | undefined {
  let latest: T | undefined;
  for (const correction of corrections ?? []) {
    if (!latest || Date.parse(correction.at) >= Date.parse(latest.at)) latest = correction;
  }
  return latest;
}

/**
 * When a story last changed for readers: the latest of its publication, its last edit (`updatedAt`) and its newest
 * note — never before it was published (an import gives its stories their publication time after writing them).
 * This is schema.org's `dateModified`, the feed's `atom:updated` and the sitemap's `lastmod`.
 */
export function articleDateModified(article: {
  publishedAt?: string | undefined;
  updatedAt?: string | undefined;
  corrections?: readonly Pick<Correction, 'at'>[] | undefined;
}): string | undefined {
  const candidates = [article.publishedAt, article.updatedAt, latestCorrection(article.corrections)?.at].filter((iso): iso is string => iso !== undefined && !Number.isNaN(Date.parse(iso)));
  if (candidates.length === 0) return article.publishedAt;
  return candidates.reduce((latest, iso) => (Date.parse(iso) > Date.parse(latest) ? iso : latest));
}
