import type { AdPosition } from './ad-position.js';
import type { AdSlot } from './ad-slot.js';

/** What one article says about its ads (all optional): the editor's per-article overrides. */
export interface ArticleAdSettings {
  /** No advertisements at all with this article. */
  suppressAds?: boolean;
  /**
   * Positions pinned on this article — imported wire stories keep their "Advertisement" markers here.
   * When present they replace the slots' own top and in-article rules; `slotId` picks the slot to show.
   */
  pinned?: readonly (AdPosition & { slotId?: string })[];
  /** Slots never shown with this article. */
  removedSlotIds?: readonly string[];
  /** Opt-in slots (`onlyWhereAdded`) shown with this article. */
  addedSlotIds?: readonly string[];
}

export interface AdPlacement {
  position: AdPosition;
  slot: AdSlot;
}

const IN_ARTICLE_KINDS = new Set(['after-paragraph', 'every']);

/**
 * The ads an article shows, in reading order: top, then between paragraphs, then the rail.
 * Rules: nothing when suppressed; an ad never follows the last paragraph; one ad per position;
 * "every K" stops at its maximum; slots with `minParagraphs` stay out of shorter articles.
 */
export function adPlacementsFor(paragraphCount: number, settings: ArticleAdSettings, slots: readonly AdSlot[]): AdPlacement[] {
  if (settings.suppressAds) return [];
  const removed = new Set(settings.removedSlotIds ?? []);
  const added = new Set(settings.addedSlotIds ?? []);
  const candidates = slots.filter(
    (slot) =>
      !removed.has(slot.id) &&
      (!slot.placement.onlyWhereAdded || added.has(slot.id)) &&
      paragraphCount >= (slot.placement.minParagraphs ?? 0),
  );

  const placements: AdPlacement[] = [];
  const taken = new Set<string>();
  const place = (position: AdPosition, slot: AdSlot | undefined) => {
    if (!slot) return;
    if (position.placement === 'after-paragraph' && (position.paragraph < 1 || position.paragraph >= paragraphCount)) return;
    const key = positionKey(position);
    if (taken.has(key)) return;
    taken.add(key);
    placements.push({ position, slot });
  };

  const pinned = settings.pinned ?? [];
  if (pinned.length > 0) {
    for (const pin of pinned) {
      const chosen = pin.slotId !== undefined ? candidates.find((slot) => slot.id === pin.slotId) : undefined;
      const { slotId: _slotId, ...position } = pin;
      place(position as AdPosition, chosen ?? defaultSlotFor(position as AdPosition, candidates));
    }
  } else {
    for (const slot of candidates) {
      const rule = slot.placement;
      if (rule.kind === 'top') place({ placement: 'top' }, slot);
      else if (rule.kind === 'after-paragraph' && rule.paragraph !== undefined) {
        place({ placement: 'after-paragraph', paragraph: rule.paragraph }, slot);
      } else if (rule.kind === 'every') {
        const step = rule.every ?? rule.paragraph ?? 1;
        const max = rule.max ?? Number.POSITIVE_INFINITY;
        let shown = 0;
        for (let paragraph = rule.paragraph ?? step; paragraph < paragraphCount && shown < max; paragraph += step) {
          const before = placements.length;
          place({ placement: 'after-paragraph', paragraph }, slot);
          if (placements.length > before) shown++;
        }
      }
    }
  }
  for (const slot of candidates) if (slot.placement.kind === 'rail') place({ placement: 'rail' }, slot);

  return placements.sort((a, b) => order(a.position) - order(b.position));
}

function defaultSlotFor(position: AdPosition, candidates: readonly AdSlot[]): AdSlot | undefined {
  if (position.placement === 'top') return candidates.find((slot) => slot.placement.kind === 'top');
  if (position.placement === 'rail') return candidates.find((slot) => slot.placement.kind === 'rail');
  return candidates.find((slot) => IN_ARTICLE_KINDS.has(slot.placement.kind));
}

function positionKey(position: AdPosition): string {
  return position.placement === 'after-paragraph' ? `p${position.paragraph}` : position.placement;
}

function order(position: AdPosition): number {
  if (position.placement === 'top') return 0;
  if (position.placement === 'rail') return Number.MAX_SAFE_INTEGER;
  return position.paragraph;
}
