import { z } from 'zod';

/**
 * Where an ad slot sits relative to a story: above it, between paragraphs, or in the side rail.
 * `paragraph` is 1-based: `{ placement: 'after-paragraph', paragraph: 2 }` sits between paragraphs 2 and 3.
 */
export const adPositionSchema = z.discriminatedUnion('placement', [
  z.object({ placement: z.literal('top') }),
  z.object({ placement: z.literal('after-paragraph'), paragraph: z.number().int().min(1) }),
  z.object({ placement: z.literal('rail') }),
]);

/** See {@link adPositionSchema}. */
export type AdPosition = z.infer<typeof adPositionSchema>;
