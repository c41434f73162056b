import { z } from 'zod';
import { adPositionSchema } from './ad-position.js';
import { wireBylineSchema } from './byline.js';
import { datelineSchema } from './dateline.js';
import { photoSchema } from './photo.js';

/**
 * A story as read from wire copy, before it becomes an {@link Article}: no slug, ids or
 * publishing state yet, authors as printed names.
 */
export const wireStorySchema = z.object({
  headline: z.string().trim().min(1),
  /**
   * The people named in the byline, as printed; empty when the copy has no byline, when the byline credits only an
   * agency ("By UPI Staff"), or when it does not read as names (then it is kept in `byline.text`).
   */
  authors: z.array(z.string().trim().min(1)),
  /** The "By" line as printed (without "By "), and the agency it credits when one is recognised; absent when there is none. */
  byline: wireBylineSchema.optional(),
  dateline: datelineSchema,
  photo: photoSchema.optional(),
  /** Plain text, never HTML; the dateline prefix ("Sept. 17 (UPI) --") is removed from the first. */
  paragraphs: z.array(z.string().min(1)).min(1),
  adPositions: z.array(adPositionSchema),
  /** The "Latest Headlines" marker was present (the page had a headline rail). */
  latestHeadlines: z.boolean(),
});

/** See {@link wireStorySchema}. */
export type WireStory = z.infer<typeof wireStorySchema>;
