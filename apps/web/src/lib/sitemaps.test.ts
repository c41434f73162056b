import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

import { renderNewsSitemap, renderUrlSet } from '../render/feeds';
import {
  articleFileRefs,
  articleFiles,
  collectPages,
  dayRange,
  daysOf,
  fileName,
  isHotDay,
  isHotMonth,
  type MonthSummary,
  monthRange,
  monthsFrom,
  newsSitemapArticle,
  parseFileName,
  type SitemapRef,
  type SitemapSources,
} from './sitemaps';

const now = new Date('2026-12-15T10:00:00Z');

/** A CMS of `perDay` stories on each listed day, counting what it is asked. */
function fakeSources(perDay: Record<string, number>, oldest?: string) {
  const asked = { days: [] as string[], months: [] as string[] };
  const sources: SitemapSources = {
    oldestPublishedAt: async () => oldest,
    monthSummary: async (month): Promise<MonthSummary> => {
      asked.months.push(month);
      const days = Object.entries(perDay).filter(([day]) => day.startsWith(month));
      const count = days.reduce((sum, [, n]) => sum + n, 0);
      return count ? { count, lastmod: `${days.at(-1)![0]}T12:00:00.000Z` } : { count };
    },
    dayRefs: async (day): Promise<SitemapRef[]> => {
      asked.days.push(day);
      return Array.from({ length: perDay[day] ?? 0 }, (_, i) => ({ slug: `${day}-${i}`, lastmod: `${day}T00:00:00.000Z` }));
    },
  };
  return { sources, asked };
}

describe('months and days', () => {
  it('lists every month from the oldest story to now, across years', () => {
    expect(monthsFrom('2025-11-30T23:59:59Z', now)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(monthsFrom('2026-12-01T00:00:00Z', now)).toEqual(['2026-12']);
  });

  it('gives UTC bounds, end exclusive', () => {
    expect(monthRange('2026-12')).toEqual({ start: '2026-12-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' });
    expect(monthRange('2024-02')).toEqual({ start: '2024-02-01T00:00:00.000Z', end: '2024-03-01T00:00:00.000Z' });
    expect(dayRange('2024-02-29')).toEqual({ start: '2024-02-29T00:00:00.000Z', end: '2024-03-01T00:00:00.000Z' });
  });

  it('lists a past month’s days in full and the current month’s up to today', () => {
    expect(daysOf('2024-02', now)).toHaveLength(29);
    expect(daysOf('2026-11', now).at(-1)).toBe('2026-11-30');
    expect(daysOf('2026-12', now)).toEqual(Array.from({ length: 15 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`));
  });

  it('treats the last two days and the last two months as still changing', () => {
    expect(['2026-12-13', '2026-12-14', '2026-12-15'].map((day) => isHotDay(day, now))).toEqual([true, true, true]);
    expect(isHotDay('2026-12-12', now)).toBe(false);
    expect(['2026-12', '2026-11'].map((month) => isHotMonth(month, now))).toEqual([true, true]);
    expect(isHotMonth('2026-10', now)).toBe(false);
    // January's previous month is last year's December.
    expect(isHotMonth('2026-12', new Date('2027-01-02T00:00:00Z'))).toBe(true);
    expect(isHotMonth('2026-11', new Date('2027-01-02T00:00:00Z'))).toBe(false);
  });
});

describe('file names', () => {
  it('names a month’s first file without a number and later ones -2, -3…', () => {
    expect(fileName({ kind: 'articles', month: '2026-12', page: 1 })).toBe('articles-2026-12.xml');
    expect(fileName({ kind: 'articles', month: '2026-12', page: 2 })).toBe('articles-2026-12-2.xml');
    expect(fileName({ kind: 'pages' })).toBe('pages.xml');
  });

  it('reads back the names it writes and nothing else', () => {
    expect(parseFileName('articles-2026-12.xml')).toEqual({ kind: 'articles', month: '2026-12', page: 1 });
    expect(parseFileName('articles-2026-12-2.xml')).toEqual({ kind: 'articles', month: '2026-12', page: 2 });
    expect(parseFileName('articles-2026-12-10.xml')).toEqual({ kind: 'articles', month: '2026-12', page: 10 });
    expect(parseFileName('pages.xml')).toEqual({ kind: 'pages' });
    for (const bad of ['articles-2026-12-1.xml', 'articles-2026-12-0.xml', 'articles-2026-12-02.xml', 'articles-2026-13.xml', 'articles-2026-00.xml', 'articles-26-12.xml', 'articles-2026-12.xml.gz', 'sitemap.xml', '../pages.xml']) {
      expect(parseFileName(bad), bad).toBeUndefined();
    }
  });
});

describe('articleFiles (the index)', () => {
  it('lists each month that has stories, with its latest edit, and splits months past 50,000', async () => {
    const { sources } = fakeSources({ '2026-09-03': 10, '2026-11-20': 30_000, '2026-11-21': 30_000, '2026-12-15': 5 }, '2026-09-03T08:00:00Z');
    const files = await articleFiles(sources, now);
    expect(files.map(({ file }) => fileName(file))).toEqual(['articles-2026-09.xml', 'articles-2026-11.xml', 'articles-2026-11-2.xml', 'articles-2026-12.xml']);
    expect(files[0]!.lastmod).toBe('2026-09-03T12:00:00.000Z');
    expect(files[2]!.lastmod).toBe('2026-11-21T12:00:00.000Z');
  });

  it('lists nothing when there are no live stories, without asking for months', async () => {
    const { sources, asked } = fakeSources({});
    expect(await articleFiles(sources, now)).toEqual([]);
    expect(asked.months).toEqual([]);
  });
});

describe('articleFileRefs (one month file)', () => {
  it('lists a month’s stories in order, day by day', async () => {
    const { sources, asked } = fakeSources({ '2026-11-01': 2, '2026-11-30': 1 });
    const refs = await articleFileRefs(sources, '2026-11', 1, now);
    expect(refs?.map((ref) => ref.slug)).toEqual(['2026-11-01-0', '2026-11-01-1', '2026-11-30-0']);
    expect(asked.days).toHaveLength(30);
  });

  it('holds at most 50,000 stories a file, the rest in the next, and reads no day it does not need', async () => {
    const { sources, asked } = fakeSources({ '2026-11-02': 20_000, '2026-11-03': 20_000, '2026-11-04': 20_000, '2026-11-05': 1 });
    const first = (await articleFileRefs(sources, '2026-11', 1, now))!;
    expect(first).toHaveLength(50_000);
    expect(first[0]!.slug).toBe('2026-11-02-0');
    expect(first.at(-1)!.slug).toBe('2026-11-04-9999');
    expect(asked.days.at(-1)).toBe('2026-11-04');

    const second = (await articleFileRefs(sources, '2026-11', 2, now))!;
    expect(second).toHaveLength(10_001);
    expect(second[0]!.slug).toBe('2026-11-04-10000');
    expect(second.at(-1)!.slug).toBe('2026-11-05-0');

    const xml = await renderUrlSet(first.map((ref) => ({ loc: `https://news.example/news/${ref.slug}`, lastmod: ref.lastmod! })));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser().parse(xml).urlset.url).toHaveLength(50_000);
    // 50,000 URLs rendered and parsed: seconds on a busy two-core machine.
  }, 60_000);

  it('has no file past a month’s last, for a month without stories, or for a month to come', async () => {
    const { sources } = fakeSources({ '2026-11-02': 3 });
    expect(await articleFileRefs(sources, '2026-11', 2, now)).toBeUndefined();
    expect(await articleFileRefs(sources, '2026-10', 1, now)).toBeUndefined();
    expect(await articleFileRefs(sources, '2027-01', 1, now)).toBeUndefined();
  });
});

describe('collectPages', () => {
  it('pages through with one explicit size and stops at the maximum', async () => {
    const stories = Array.from({ length: 1200 }, (_, i) => i);
    const asked: { page: number; limit: number }[] = [];
    const got = await collectPages(
      async (page, limit) => {
        asked.push({ page, limit });
        const docs = stories.slice((page - 1) * limit, page * limit);
        return { docs, hasNextPage: page * limit < stories.length };
      },
      { pageSize: 250, max: 1000 },
    );
    expect(got).toEqual(stories.slice(0, 1000));
    expect(asked).toEqual([1, 2, 3, 4].map((page) => ({ page, limit: 250 })));
  });

  it('stops at the last page', async () => {
    const asked: number[] = [];
    const got = await collectPages(
      async (page) => {
        asked.push(page);
        return { docs: page === 1 ? ['a', 'b'] : ['c'], hasNextPage: page === 1 };
      },
      { pageSize: 2, max: 1000 },
    );
    expect(got).toEqual(['a', 'b', 'c']);
    expect(asked).toEqual([1, 2]);
  });
});

describe('newsSitemapArticle', () => {
  const ref = { id: 1, slug: 'ferry-fares-frozen', headline: ' Ferry fares frozen ', publishedAt: '2026-12-01T08:00:00.000Z', updatedAt: '2026-12-01T09:00:00.000Z' };

  it('dates the entry by its newest correction when that came after the last edit', () => {
    const corrected = { ...ref, corrections: [{ kind: 'correction' as const, text: 'x', at: '2026-12-01T10:30:00.000Z' }, { kind: 'update' as const, text: 'y', at: '2026-12-01T10:00:00.000Z' }] };
    expect(newsSitemapArticle(corrected)).toEqual({ slug: 'ferry-fares-frozen', headline: 'Ferry fares frozen', publishedAt: '2026-12-01T08:00:00.000Z', lastmod: '2026-12-01T10:30:00.000Z' });
  });

  it('dates it by the last edit otherwise, and by the publication without either', () => {
    expect(newsSitemapArticle({ ...ref, corrections: [{ kind: 'update', text: 'y', at: '2026-12-01T08:30:00.000Z' }] })?.lastmod).toBe('2026-12-01T09:00:00.000Z');
    expect(newsSitemapArticle({ ...ref, updatedAt: undefined, corrections: null })?.lastmod).toBe('2026-12-01T08:00:00.000Z');
  });

  it('leaves out a reference without a valid slug, a headline or a publication time', () => {
    expect(newsSitemapArticle({ ...ref, slug: 'Not A Slug' })).toBeUndefined();
    expect(newsSitemapArticle({ ...ref, headline: '  ' })).toBeUndefined();
    expect(newsSitemapArticle({ ...ref, publishedAt: null })).toBeUndefined();
  });

  it('gives the News sitemap URL the lastmod of its newest correction', async () => {
    const entry = newsSitemapArticle({ ...ref, corrections: [{ kind: 'correction', text: 'x', at: '2026-12-01T10:30:00.000Z' }] })!;
    const xml = await renderNewsSitemap({ url: 'https://news.example', name: 'Newsroom' }, [entry], new Date('2026-12-01T12:00:00Z'));
    expect(XMLValidator.validate(xml)).toBe(true);
    const url = new XMLParser().parse(xml).urlset.url;
    expect(url.loc).toBe('https://news.example/news/ferry-fares-frozen');
    expect(url.lastmod).toBe('2026-12-01T10:30:00.000Z');
    expect(url['news:news']['news:publication_date']).toBe('2026-12-01T08:00:00.000Z');
  });
});
