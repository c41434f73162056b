import { z } from 'zod';
import { slugSchema } from './slug.js';

/** A site section such as "World News"; `slug` is its URL segment. */
export const sectionSchema = z.object({
  name: z.string().trim().min(1),
  slug: slugSchema,
});

/** See {@link sectionSchema}. */
export type Section = z.infer<typeof sectionSchema>;
