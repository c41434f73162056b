import { adPlacementsFor } from '@newsroom/schema';
import { describe, expect, it } from 'vitest';

import { adSettingsOf, fromPayloadAdSlot } from './ad-slots';
import { adSlot, media, seedArticle } from './fixtures/payload-docs';

const leaderboard = fromPayloadAdSlot(adSlot())!;
const mpu = fromPayloadAdSlot(
  adSlot({
    id: 2,
    name: 'In-article MPU',
    sizes: [{ breakpoint: 'mobile', width: 300, height: 250 }],
    placement: { kind: 'after-paragraph', paragraph: 2 },
    creative: { kind: 'html', html: '<p>Ad</p>' },
  }),
)!;

describe('fromPayloadAdSlot', () => {
  it('reads sizes, rule and a house creative', () => {
    expect(leaderboard).toEqual({
      id: '1',
      name: 'Leaderboard',
      label: 'Advertisement',
      sizes: [
        { breakpoint: 'mobile', width: 320, height: 50 },
        { breakpoint: 'tablet', width: 728, height: 90 },
      ],
      placement: { kind: 'top' },
      creative: { kind: 'house', imageAlt: 'Subscribe', link: 'https://example.com/subscribe' },
    });
  });

  it('serves house images from the site and drops unsafe links', () => {
    const slot = fromPayloadAdSlot(adSlot({ creative: { kind: 'house', image: media('house.jpg'), link: 'javascript:alert(1)', alt: '' } }))!;
    expect(slot.creative).toEqual({ kind: 'house', imageSrc: '/media/house.jpg', imageAlt: 'The liaison office in Kaesong' });
  });

  it('keeps a slot with nothing booked as empty (it still reserves space), and drops one without a size', () => {
    expect(fromPayloadAdSlot(adSlot({ creative: { kind: 'html', html: '  ' } }))!.creative).toEqual({ kind: 'empty' });
    expect(fromPayloadAdSlot(adSlot({ sizes: [] }))).toBeUndefined();
    expect(fromPayloadAdSlot(adSlot({ sizes: [{ breakpoint: 'mobile', width: 0, height: 50 }] }))).toBeUndefined();
  });
});

describe('adSettingsOf + adPlacementsFor', () => {
  it('fills the seed story’s three pinned positions', () => {
    const placements = adPlacementsFor(11, adSettingsOf(seedArticle()), [leaderboard, mpu]);
    expect(placements.map((p) => [p.position, p.slot.id])).toEqual([
      [{ placement: 'top' }, '1'],
      [{ placement: 'after-paragraph', paragraph: 2 }, '2'],
      [{ placement: 'after-paragraph', paragraph: 8 }, '2'],
    ]);
  });

  it('honours suppression, removed slots and a pinned slot choice', () => {
    expect(adPlacementsFor(11, adSettingsOf(seedArticle({ suppressAds: true })), [leaderboard, mpu])).toEqual([]);
    const removed = adSettingsOf(seedArticle({ adSlotsRemoved: [{ ...adSlot(), id: 1 }] }));
    expect(adPlacementsFor(11, removed, [leaderboard, mpu]).map((p) => p.slot.id)).toEqual(['2', '2']);
    const chosen = adSettingsOf(seedArticle({ adPositions: [{ placement: 'after-paragraph', paragraph: 3, slot: 1 }] }));
    expect(chosen.pinned).toEqual([{ placement: 'after-paragraph', paragraph: 3, slotId: '1' }]);
  });
});
