import { describe, expect, it } from 'vitest';

import { FRONT_PATH, pagesForTags, parseRevalidateBody } from './cache-tags';

describe('parseRevalidateBody', () => {
  it('accepts the vocabulary the CMS sends, once each', () => {
    expect(parseRevalidateBody({ tags: ['articles', 'article:a-b', 'section:world', 'author:x', 'headlines', 'ad-slots', 'articles'] })).toEqual({
      tags: ['articles', 'article:a-b', 'section:world', 'author:x', 'headlines', 'ad-slots'],
    });
  });

  it.each([null, {}, { tags: [] }, { tags: 'articles' }, { tags: ['article:../x'] }, { tags: ['everything'] }, { tags: [1] }])('refuses %j', (body) => {
    expect(parseRevalidateBody(body)).toHaveProperty('error');
  });
});

describe('pagesForTags', () => {
  it('maps a publish to the article, the front page and its listings, articles first — and nothing for every article page', () => {
    expect(pagesForTags(['articles', 'section:world', 'article:a', 'author:x'])).toEqual({
      paths: ['/news/a', FRONT_PATH, '/section/world', '/author/x'],
      allArticles: false,
      allListings: false,
    });
  });

  it('maps the latest stories and curated headlines to the front page only: article pages load their rail as JSON', () => {
    for (const tag of ['articles', 'headlines']) expect(pagesForTags([tag])).toEqual({ paths: [FRONT_PATH], allArticles: false, allListings: false });
  });

  it('maps a 200-story import to those 200 pages and the front page, not to the archive', () => {
    const tags = ['articles', ...Array.from({ length: 200 }, (_, i) => `article:story-${i}`)];
    const plan = pagesForTags(tags);
    expect(plan.paths).toHaveLength(201);
    expect(plan.allArticles).toBe(false);
  });

  it('maps ad slots to every article page and nothing else', () => {
    expect(pagesForTags(['ad-slots'])).toEqual({ paths: [], allArticles: true, allListings: false });
  });

  it('maps a section change to the navigation on every page', () => {
    expect(pagesForTags(['sections'])).toEqual({ paths: [FRONT_PATH], allArticles: true, allListings: true });
  });

  it('maps a tag to its tag page', () => {
    expect(parseRevalidateBody({ tags: ['tag:north-korea'] })).toEqual({ tags: ['tag:north-korea'] });
    expect(pagesForTags(['tag:north-korea'])).toEqual({ paths: ['/tag/north-korea'], allArticles: false, allListings: false });
  });

  it('maps one article’s edit to its page only', () => {
    expect(pagesForTags(['article:a'])).toEqual({ paths: ['/news/a'], allArticles: false, allListings: false });
  });
});
