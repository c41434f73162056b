import { z } from 'zod';
import { adPositionSchema } from './ad-position.js';
import { authorSchema } from './author.js';
import { correctionSchema } from './correction.js';
import { datelineSchema } from './dateline.js';
import { headlineSchema } from './headline.js';
import { isoDateTimeSchema, linkSchema } from './link.js';
import { photoSchema } from './photo.js';
import { sectionSchema } from './section.js';
import { slugSchema } from './slug.js';

/** Whether readers may see an article. */
export const articleStatusSchema = z.enum(['draft', 'published']);

/** See {@link articleStatusSchema}. */
export type ArticleStatus = z.infer<typeof articleStatusSchema>;

/**
 * A story as the site publishes it. Apps turn CMS documents into this shape and render from it.
 * Left without object-level refinements so that apps can `.extend()`, `.pick()` and `.partial()` it.
 */
export const articleSchema = z.object({
  /** CMS id, when stored. */
  id: z.string().min(1).optional(),
  /** URL segment: the article lives at `/news/<slug>`. */
  slug: slugSchema,
  headline: z.string().trim().min(1),
  /** Standfirst / summary shown under the headline and used as the description. */
  dek: z.string().optional(),
  authors: z.array(authorSchema),
  dateline: datelineSchema,
  section: sectionSchema.optional(),
  tags: z.array(z.string().trim().min(1)),
  /** Lead photo. */
  photo: photoSchema.optional(),
  /** Plain text paragraphs; renderers escape them. */
  paragraphs: z.array(z.string()),
  adPositions: z.array(adPositionSchema),
  relatedHeadlines: z.array(headlineSchema).optional(),
  status: articleStatusSchema,
  /** ISO 8601. */
  publishedAt: isoDateTimeSchema.optional(),
  /** ISO 8601. */
  updatedAt: isoDateTimeSchema.optional(),
  /** Corrections, updates and clarifications added since publication, oldest first. */
  corrections: z.array(correctionSchema).optional(),
  /** Canonical absolute URL, when known. */
  url: linkSchema.optional(),
});

/** See {@link articleSchema}. */
export type Article = z.infer<typeof articleSchema>;
