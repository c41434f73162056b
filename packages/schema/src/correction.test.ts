import { describe, expect, it } from 'vitest';
import { articleSchema } from './article.js';
import { articleDateModified, type Correction, correctionSchema, latestCorrection } from './correction.js';
import { NIGHT_TRAINS } from './serialize/article-fixture.js';

const early: Correction = { kind: 'correction', text: 'The line reopens in June, not May.', at: '2022-05-01T10:00:00Z' };
const late: Correction = { kind: 'update', text: 'Tickets are now on sale.', at: '2022-05-03T08:00:00Z' };

describe('correctionSchema', () => {
  it('takes the three kinds with text and a time', () => {
    for (const kind of ['correction', 'update', 'clarification'] as const) {
      expect(correctionSchema.parse({ kind, text: ' A note. ', at: '2022-05-01T10:00:00Z' })).toEqual({ kind, text: 'A note.', at: '2022-05-01T10:00:00Z' });
    }
  });

  it('refuses another kind, empty text and a time that is not ISO 8601', () => {
    expect(correctionSchema.safeParse({ kind: 'retraction', text: 'x', at: '2022-05-01T10:00:00Z' }).success).toBe(false);
    expect(correctionSchema.safeParse({ kind: 'update', text: '   ', at: '2022-05-01T10:00:00Z' }).success).toBe(false);
    expect(correctionSchema.safeParse({ kind: 'update', text: 'x', at: 'May 1' }).success).toBe(false);
  });

  it('is an optional part of an article', () => {
    expect(articleSchema.parse({ ...NIGHT_TRAINS, corrections: [early, late] }).corrections).toEqual([early, late]);
    expect(articleSchema.parse(NIGHT_TRAINS).corrections).toBeUndefined();
  });
});

describe('latestCorrection', () => {
  it('is the note with the latest time, wherever it sits in the list', () => {
    expect(latestCorrection([late, early])).toBe(late);
    expect(latestCorrection([early, late])).toBe(late);
  });

  it('takes the later in the list of two notes added at the same moment, and nothing of none', () => {
    const twin: Correction = { ...early, kind: 'clarification', text: 'Twin.' };
    expect(latestCorrection([early, twin])).toBe(twin);
    expect(latestCorrection([])).toBeUndefined();
    expect(latestCorrection(undefined)).toBeUndefined();
  });
});

describe('articleDateModified', () => {
  it('is never before the publication (an import publishes what it wrote a moment earlier)', () => {
    expect(articleDateModified({ publishedAt: '2022-05-01T10:00:05Z', updatedAt: '2022-05-01T10:00:01Z' })).toBe('2022-05-01T10:00:05Z');
  });

  it('is the newest note when it came after the last edit', () => {
    expect(articleDateModified({ publishedAt: '2022-04-30T06:00:00Z', updatedAt: '2022-05-02T00:00:00Z', corrections: [early, late] })).toBe('2022-05-03T08:00:00Z');
  });

  it('is the last edit when that came after every note', () => {
    expect(articleDateModified({ publishedAt: '2022-04-30T06:00:00Z', updatedAt: '2022-05-04T00:00:00Z', corrections: [early, late] })).toBe('2022-05-04T00:00:00Z');
  });

  it('compares times, not strings: an offset time can be the later one', () => {
    // 09:00+02:00 is 07:00Z, before 08:00Z; 11:00+02:00 is 09:00Z, after it.
    expect(articleDateModified({ updatedAt: '2022-05-03T09:00:00+02:00', corrections: [late] })).toBe('2022-05-03T08:00:00Z');
    expect(articleDateModified({ updatedAt: '2022-05-03T11:00:00+02:00', corrections: [late] })).toBe('2022-05-03T11:00:00+02:00');
  });

  it('falls back to the publication time, and to nothing', () => {
    expect(articleDateModified({ publishedAt: '2022-04-30T06:00:00Z' })).toBe('2022-04-30T06:00:00Z');
    expect(articleDateModified({ publishedAt: '2022-04-30T06:00:00Z', corrections: [early] })).toBe('2022-05-01T10:00:00Z');
    expect(articleDateModified({})).toBeUndefined();
  });
});
