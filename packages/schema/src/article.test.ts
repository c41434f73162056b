import { describe, expect, it } from 'vitest';
import { adPositionSchema } from './ad-position.js';
import { articleSchema } from './article.js';
import { authorSchema } from './author.js';
import { headlineSchema } from './headline.js';
import { NIGHT_TRAINS } from './serialize/article-fixture.js';
import { sectionSchema } from './section.js';
import { wireStorySchema } from './story.js';

describe('articleSchema', () => {
  it('accepts a full article unchanged', () => {
    expect(articleSchema.parse(NIGHT_TRAINS)).toEqual(NIGHT_TRAINS);
  });

  it('names the fields that are wrong', () => {
    const result = articleSchema.safeParse({ ...NIGHT_TRAINS, slug: 'Night Trains', status: 'live', publishedAt: 'yesterday' });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['publishedAt', 'slug', 'status']);
  });

  it('can be extended by apps because it carries no object-level refinement', () => {
    expect(articleSchema.extend({ views: authorSchema.shape.name }).shape.views).toBeDefined();
  });
});

describe('adPositionSchema', () => {
  it('accepts the three placements and rejects paragraph 0 or a missing paragraph', () => {
    expect(adPositionSchema.parse({ placement: 'after-paragraph', paragraph: 3 })).toEqual({ placement: 'after-paragraph', paragraph: 3 });
    expect([{ placement: 'top' }, { placement: 'rail' }].map((value) => adPositionSchema.safeParse(value).success)).toEqual([true, true]);
    expect(
      [{ placement: 'after-paragraph', paragraph: 0 }, { placement: 'after-paragraph' }, { placement: 'bottom' }].map(
        (value) => adPositionSchema.safeParse(value).success,
      ),
    ).toEqual([false, false, false]);
  });
});

describe('headlineSchema', () => {
  it('accepts site paths and http URLs with ISO timestamps', () => {
    expect(headlineSchema.safeParse({ title: 'A', url: '/news/a', publishedAt: '2022-04-30T06:00:00+09:00' }).success).toBe(true);
    expect(headlineSchema.safeParse({ title: 'A', url: 'https://elsewhere.example/a', publishedAt: '2022-04-30' }).success).toBe(true);
  });

  it('rejects script URLs, blank titles and non-ISO dates', () => {
    expect(headlineSchema.safeParse({ title: 'A', url: 'javascript:alert(1)' }).success).toBe(false);
    expect(headlineSchema.safeParse({ title: ' ', url: '/news/a' }).success).toBe(false);
    expect(headlineSchema.safeParse({ title: 'A', url: '/news/a', publishedAt: 'April 30' }).success).toBe(false);
  });
});

describe('sectionSchema and authorSchema', () => {
  it('require a slug', () => {
    expect(sectionSchema.safeParse({ name: 'World News', slug: 'world-news' }).success).toBe(true);
    expect(authorSchema.safeParse({ name: 'Oskar Brandt', slug: 'Oskar Brandt' }).success).toBe(false);
  });
});

describe('wireStorySchema', () => {
  it('requires at least one paragraph', () => {
    const story = { headline: 'H', authors: [], dateline: { month: 1, day: 1 }, paragraphs: ['p'], adPositions: [], latestHeadlines: false };
    expect(wireStorySchema.safeParse(story).success).toBe(true);
    expect(wireStorySchema.safeParse({ ...story, paragraphs: [] }).success).toBe(false);
  });
});
