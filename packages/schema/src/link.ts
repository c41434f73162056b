import { z } from 'zod';

/**
 * A link target: an absolute http(s) URL, or a path on our own site ("/news/some-slug").
 * Relative paths are allowed because CMS media and internal headlines are stored that way.
 */
export const linkSchema = z
  .string()
  .trim()
  .min(1)
  .refine(
    (value) => (value.startsWith('/') && !value.startsWith('//')) || /^https?:\/\/[^\s/]+/i.test(value),
    'expected an http(s) URL or a path starting with "/"',
  );

/** An ISO 8601 timestamp with a zone ("2018-09-17T08:30:00Z", "…+09:00") or a calendar date ("2018-09-17"). */
export const isoDateTimeSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);
