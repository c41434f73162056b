import { type AdPosition, type AdSlot, adSlotSchema, type ArticleAdSettings } from '@newsroom/schema';

import type { PayloadAdSlot, PayloadArticle } from '../lib/payload-types';
import { mediaPath, safeLink } from './safe-link';

/**
 * A Payload `ad-slots` document as the schema's `AdSlot`; undefined when it has no usable size. Pure. A house image
 * is served from the site; a link that is not http(s) is dropped; a slot with nothing booked is `empty` and still
 * keeps its space on the page.
 */
export function fromPayloadAdSlot(doc: PayloadAdSlot): AdSlot | undefined {
  const sizes = (doc.sizes ?? []).filter(
    (size) => ['mobile', 'tablet', 'desktop'].includes(size.breakpoint) && positiveInt(size.width) && positiveInt(size.height),
  );
  const rule: Partial<NonNullable<PayloadAdSlot['placement']>> = doc.placement ?? {};
  const parsed = adSlotSchema.safeParse({
    id: String(doc.id),
    name: doc.name,
    label: doc.label?.trim() || 'Advertisement',
    sizes: sizes.map(({ breakpoint, width, height }) => ({ breakpoint, width, height })),
    placement: dropUndefined({
      kind: rule.kind ?? 'after-paragraph',
      paragraph: positiveInt(rule.paragraph) ? rule.paragraph : undefined,
      every: positiveInt(rule.every) ? rule.every : undefined,
      max: positiveInt(rule.max) ? rule.max : undefined,
      minParagraphs: Number.isInteger(rule.minParagraphs) && rule.minParagraphs! >= 0 ? rule.minParagraphs! : undefined,
      onlyWhereAdded: rule.onlyWhereAdded === true ? true : undefined,
    }),
    creative: creativeOf(doc),
  });
  return parsed.success ? parsed.data : undefined;
}

function creativeOf(doc: PayloadAdSlot): AdSlot['creative'] {
  const creative = doc.creative;
  if (creative?.kind === 'html') return creative.html?.trim() ? { kind: 'html', html: creative.html } : { kind: 'empty' };
  if (creative?.kind !== 'house') return { kind: 'empty' };
  const media = typeof creative.image === 'object' && creative.image ? creative.image : undefined;
  const imageSrc = mediaPath(media?.url);
  const imageAlt = creative.alt?.trim() || media?.alt?.trim() || undefined;
  const link = safeLink(creative.link);
  if (!imageSrc && !imageAlt) return { kind: 'empty' };
  return dropUndefined({ kind: 'house' as const, imageSrc, imageAlt, link });
}

/** An article's own ad settings (pinned positions, removed and opt-in slots), as the schema's placement rules read them. */
export function adSettingsOf(doc: PayloadArticle): ArticleAdSettings {
  const idOf = (value: number | { id: number } | null | undefined) => (value == null ? undefined : String(typeof value === 'object' ? value.id : value));
  const pinned = (doc.adPositions ?? []).flatMap((position): (AdPosition & { slotId?: string })[] => {
    const slotId = idOf(position.slot);
    const extra = slotId ? { slotId } : {};
    if (position.placement === 'top' || position.placement === 'rail') return [{ placement: position.placement, ...extra }];
    if (position.placement === 'after-paragraph' && positiveInt(position.paragraph)) {
      return [{ placement: 'after-paragraph', paragraph: position.paragraph, ...extra }];
    }
    return [];
  });
  return {
    suppressAds: doc.suppressAds === true,
    pinned,
    removedSlotIds: (doc.adSlotsRemoved ?? []).flatMap((slot) => idOf(slot) ?? []),
    addedSlotIds: (doc.adSlotsAdded ?? []).flatMap((slot) => idOf(slot) ?? []),
  };
}

function positiveInt(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0;
}

function dropUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
