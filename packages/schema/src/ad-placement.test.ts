import { describe, expect, it } from 'vitest';

import { adPlacementsFor } from './ad-placement.js';
import type { AdSlot } from './ad-slot.js';
import { parseWireStoryOrThrow } from './wire/parse-wire-story.js';
import { readSeedBytes } from './wire/fixtures/seed.js';

const leaderboard: AdSlot = {
  id: 'leaderboard',
  name: 'Leaderboard',
  label: 'Advertisement',
  sizes: [{ breakpoint: 'mobile', width: 320, height: 50 }, { breakpoint: 'tablet', width: 728, height: 90 }],
  placement: { kind: 'top' },
  creative: { kind: 'empty' },
};
const mpu: AdSlot = {
  id: 'mpu',
  name: 'In-article MPU',
  label: 'Advertisement',
  sizes: [{ breakpoint: 'mobile', width: 300, height: 250 }],
  placement: { kind: 'every', paragraph: 3, every: 4, max: 3, minParagraphs: 5 },
  creative: { kind: 'empty' },
};
const rail: AdSlot = { ...mpu, id: 'rail', name: 'Rail', placement: { kind: 'rail' } };
const sponsor: AdSlot = { ...mpu, id: 'sponsor', name: 'Sponsor', placement: { kind: 'after-paragraph', paragraph: 1, onlyWhereAdded: true } };

const summary = (placements: ReturnType<typeof adPlacementsFor>) =>
  placements.map(({ position, slot }) => `${position.placement === 'after-paragraph' ? `after ${position.paragraph}` : position.placement}:${slot.id}`);

describe('adPlacementsFor', () => {
  it('keeps the seed’s own positions: top, after paragraph 2, after paragraph 8', () => {
    const story = parseWireStoryOrThrow(readSeedBytes(), { year: 2018 });
    const placements = adPlacementsFor(story.paragraphs.length, { pinned: story.adPositions }, [leaderboard, mpu]);
    expect(summary(placements)).toEqual(['top:leaderboard', 'after 2:mpu', 'after 8:mpu']);
  });

  it('applies the slots’ rules to a long article: every 4 from paragraph 3, at most 3', () => {
    expect(summary(adPlacementsFor(20, {}, [leaderboard, mpu, rail]))).toEqual([
      'top:leaderboard',
      'after 3:mpu',
      'after 7:mpu',
      'after 11:mpu',
      'rail:rail',
    ]);
  });

  it('keeps in-article slots out of a short article, and never puts an ad after the last paragraph', () => {
    expect(summary(adPlacementsFor(4, {}, [leaderboard, mpu]))).toEqual(['top:leaderboard']);
    const afterThree: AdSlot = { ...mpu, placement: { kind: 'after-paragraph', paragraph: 3 } };
    expect(summary(adPlacementsFor(3, {}, [afterThree]))).toEqual([]);
    expect(summary(adPlacementsFor(3, { pinned: [{ placement: 'after-paragraph', paragraph: 3 }] }, [afterThree]))).toEqual([]);
    expect(summary(adPlacementsFor(7, {}, [{ ...mpu, placement: { kind: 'every', every: 3 } }]))).toEqual(['after 3:mpu', 'after 6:mpu']);
  });

  it('shows nothing when the article suppresses ads', () => {
    expect(adPlacementsFor(20, { suppressAds: true }, [leaderboard, mpu, rail])).toEqual([]);
  });

  it('removes a slot for one article, and adds an opt-in slot only where added', () => {
    expect(summary(adPlacementsFor(20, { removedSlotIds: ['leaderboard'] }, [leaderboard, mpu]))).toEqual([
      'after 3:mpu',
      'after 7:mpu',
      'after 11:mpu',
    ]);
    expect(summary(adPlacementsFor(6, {}, [sponsor]))).toEqual([]);
    expect(summary(adPlacementsFor(6, { addedSlotIds: ['sponsor'] }, [sponsor]))).toEqual(['after 1:sponsor']);
  });

  it('pins a chosen slot after paragraph N, one ad per position', () => {
    const pinned = [
      { placement: 'after-paragraph' as const, paragraph: 5, slotId: 'sponsor' },
      { placement: 'after-paragraph' as const, paragraph: 5 },
    ];
    expect(summary(adPlacementsFor(10, { pinned, addedSlotIds: ['sponsor'] }, [mpu, sponsor]))).toEqual(['after 5:sponsor']);
  });
});
