import { describe, expect, it } from 'vitest';
import { assembleWireStory, type WireStoryParts } from './assemble-wire-story.js';

const PARTS: WireStoryParts = {
  header: { headline: 'Night buses return', topAd: false, end: 2 },
  dateline: { month: 6, day: 3, year: 2025, agency: 'UPI' },
  body: { paragraphs: ['Night buses will run again.', 'Fares are unchanged.'], adPositions: [{ placement: 'after-paragraph', paragraph: 1 }], latestHeadlines: true },
};

describe('assembleWireStory', () => {
  it('puts the parts together, with no authors and no byline when the header has none', () => {
    expect(assembleWireStory(PARTS)).toEqual({
      ok: true,
      story: {
        headline: 'Night buses return',
        authors: [],
        dateline: { month: 6, day: 3, year: 2025, agency: 'UPI' },
        paragraphs: ['Night buses will run again.', 'Fares are unchanged.'],
        adPositions: [{ placement: 'after-paragraph', paragraph: 1 }],
        latestHeadlines: true,
      },
    });
  });

  it('puts the top ad first, and takes the authors, text and agency from the byline', () => {
    const result = assembleWireStory({
      ...PARTS,
      header: { ...PARTS.header, topAd: true, byline: { text: 'Oskar Brandt, UPI', authors: ['Oskar Brandt'], agency: 'UPI' } },
    });
    expect(result.ok && result.story).toMatchObject({
      authors: ['Oskar Brandt'],
      byline: { text: 'Oskar Brandt, UPI', agency: 'UPI' },
      adPositions: [{ placement: 'top' }, { placement: 'after-paragraph', paragraph: 1 }],
    });
  });

  it('keeps a byline read as text, with no authors and no agency', () => {
    const result = assembleWireStory({ ...PARTS, header: { ...PARTS.header, byline: { text: '<b>Jane</b>', authors: [] } } });
    expect(result.ok && [result.story.authors, result.story.byline]).toEqual([[], { text: '<b>Jane</b>' }]);
  });

  it('reports parts the schema refuses as invalid rather than throwing', () => {
    expect(assembleWireStory({ ...PARTS, dateline: { month: 2, day: 30, year: 2025 } })).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'the story read from the input is not valid: dateline.day: Feb. has no day 30 in 2025' },
    });
    expect(assembleWireStory({ ...PARTS, body: { ...PARTS.body, paragraphs: [] } })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});
