import { headlineSchema } from '@newsroom/schema';
import { describe, expect, it } from 'vitest';

import { headline, seedArticle } from './fixtures/payload-docs';
import { articleHeadline, fromPayloadHeadline, railHeadlines } from './headlines';

describe('fromPayloadHeadline', () => {
  it('links a curated article to its page, with its section', () => {
    const result = fromPayloadHeadline(headline({ article: seedArticle(), url: null, publishedAt: null }));
    expect(result).toEqual({
      title: 'Editors’ pick',
      url: '/news/beijing-inter-korea-liaison-office-a-sign-of-progress',
      publishedAt: '2018-09-17T08:30:00.000Z',
      section: 'World',
    });
    expect(headlineSchema.parse(result)).toEqual(result);
  });

  it('keeps an external link', () => {
    expect(fromPayloadHeadline(headline())).toEqual({
      title: 'Editors’ pick',
      url: 'https://elsewhere.example/story',
      publishedAt: '2018-09-17T07:00:00.000Z',
    });
  });

  it('drops entries whose article the reader may not see, and unsafe links', () => {
    expect(fromPayloadHeadline(headline({ article: 42, url: null }))).toBeUndefined();
    expect(fromPayloadHeadline(headline({ article: 42, url: 'https://elsewhere.example' }))).toBeUndefined();
    expect(fromPayloadHeadline(headline({ article: seedArticle({ _status: 'draft' }) }))).toBeUndefined();
    expect(fromPayloadHeadline(headline({ url: 'javascript:alert(1)' }))).toBeUndefined();
    expect(fromPayloadHeadline(headline({ title: '  ' }))).toBeUndefined();
  });
});

describe('railHeadlines', () => {
  const latest = ['a', 'b', 'c', 'd'].map((slug) => articleHeadline({ headline: slug.toUpperCase(), slug, publishedAt: undefined, section: undefined }));
  const curated = [{ title: 'Pick', url: '/news/c' }, { title: 'Out', url: 'https://x.example/' }];

  it('lists curated headlines first, then the latest, without the current article or duplicates', () => {
    const rail = railHeadlines({ curated, latest, excludeUrl: '/news/a', limit: 10 });
    expect(rail.map((h) => h.url)).toEqual(['/news/c', 'https://x.example/', '/news/b', '/news/d']);
    expect(rail[0]!.title).toBe('Pick');
  });

  it('never lists the current article even when it is curated', () => {
    expect(railHeadlines({ curated, latest, excludeUrl: '/news/c', limit: 10 }).map((h) => h.url)).not.toContain('/news/c');
  });

  it('stops at the limit', () => {
    expect(railHeadlines({ curated, latest, limit: 3 })).toHaveLength(3);
  });

  it('filters by section when asked', () => {
    const sectioned = [{ title: 'W', url: '/news/w', section: 'World' }, { title: 'S', url: '/news/s', section: 'Science' }];
    expect(railHeadlines({ curated, latest: sectioned, sectionName: 'World', limit: 5 }).map((h) => h.url)).toEqual(['/news/w']);
  });
});
