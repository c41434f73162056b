import { z } from 'zod';
import { isoDateTimeSchema, linkSchema } from './link.js';

/** An entry in a "Latest Headlines" list: a title linking to one of our articles or elsewhere. */
export const headlineSchema = z.object({
  title: z.string().trim().min(1),
  /** Absolute URL, or a site path such as "/news/<slug>". */
  url: linkSchema,
  /** ISO 8601. */
  publishedAt: isoDateTimeSchema.optional(),
  /** Section name, for display. */
  section: z.string().trim().min(1).optional(),
});

/** See {@link headlineSchema}. */
export type Headline = z.infer<typeof headlineSchema>;
