import { z } from 'zod';
import { slugSchema } from './slug.js';

/** A person credited on stories; `slug` gives the author page `/author/<slug>`. */
export const authorSchema = z.object({
  name: z.string().trim().min(1),
  slug: slugSchema,
  bio: z.string().optional(),
});

/** See {@link authorSchema}. */
export type Author = z.infer<typeof authorSchema>;
