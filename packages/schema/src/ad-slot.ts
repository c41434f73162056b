import { z } from 'zod';

/** The screen widths an ad size applies from: mobile 0 px, tablet 740 px, desktop 980 px (the Guardian's breakpoints). */
export const AD_BREAKPOINTS = { mobile: 0, tablet: 740, desktop: 980 } as const;
export type AdBreakpoint = keyof typeof AD_BREAKPOINTS;

export const adSizeSchema = z.object({
  breakpoint: z.enum(['mobile', 'tablet', 'desktop']),
  width: z.number().int().min(1).max(2000),
  height: z.number().int().min(1).max(2000),
});
export type AdSize = z.infer<typeof adSizeSchema>;

/**
 * Where a slot goes when an article does not pin its own positions, in words an editor reads in the admin:
 * "top of article", "after paragraph N", "every K paragraphs (from paragraph N), at most M", "rail";
 * `minParagraphs` keeps it out of short articles; `onlyWhereAdded` makes it opt-in per article.
 */
export const adPlacementRuleSchema = z.object({
  kind: z.enum(['top', 'after-paragraph', 'every', 'rail']),
  paragraph: z.number().int().min(1).optional(),
  every: z.number().int().min(1).optional(),
  max: z.number().int().min(1).optional(),
  minParagraphs: z.number().int().min(0).optional(),
  onlyWhereAdded: z.boolean().optional(),
});
export type AdPlacementRule = z.infer<typeof adPlacementRuleSchema>;

export const adCreativeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('house'), imageSrc: z.string().optional(), imageAlt: z.string().optional(), link: z.string().optional() }),
  /** Untrusted markup: only ever shown inside a sandboxed iframe without `allow-same-origin`. */
  z.object({ kind: z.literal('html'), html: z.string() }),
  z.object({ kind: z.literal('empty') }),
]);
export type AdCreative = z.infer<typeof adCreativeSchema>;

/** An advertisement slot as the site renders it. */
export const adSlotSchema = z.object({
  id: z.string(),
  name: z.string(),
  label: z.string().default('Advertisement'),
  sizes: z.array(adSizeSchema).min(1),
  placement: adPlacementRuleSchema,
  creative: adCreativeSchema,
});
export type AdSlot = z.infer<typeof adSlotSchema>;
