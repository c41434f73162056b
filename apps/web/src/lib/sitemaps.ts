import { articleDateModified, slugSchema } from '@newsroom/schema';

import { isoTime } from '../model/from-payload-article';
import { MAX_URLS_PER_SITEMAP, type NewsSitemapArticle } from '../render/feeds';
import type { PayloadArticleRef } from './cms-client';

/**
 * How the sitemap is cut into files, and how a file's stories are gathered, kept free of Next and of the CMS client
 * so it can be tested: `/sitemap.xml` is an index of `/sitemaps/pages.xml` (front, sections, authors) and one file per
 * month of publication (`/sitemaps/articles-2026-12.xml`, then `-2.xml`… past 50,000 stories). A publish changes the
 * current month's file only; older months do not change when stories are added, so they are cached for long.
 *
 * A month's stories are read a UTC day at a time (each day cached on its own), so after a publish only the last
 * days are asked of the CMS again, however large the month or the archive.
 */

/** A month, `YYYY-MM` (UTC). */
export type Month = string;
/** A day, `YYYY-MM-DD` (UTC). */
export type Day = string;

/** A live story as a sitemap lists it. */
export interface SitemapRef {
  slug: string;
  /** ISO time: `updatedAt`, else `publishedAt`. */
  lastmod?: string;
}

export interface MonthSummary {
  /** Live stories published that month. */
  count: number;
  /** The latest edit of any of them. */
  lastmod?: string;
}

export type SitemapFile = { kind: 'pages' } | { kind: 'articles'; month: Month; page: number };

/** The days that may still change for a publish or an edit the CMS announces: the last two, as Google News counts. */
const HOT_DAYS = 2;
const DAY_MS = 24 * 60 * 60 * 1000;
const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const PAGES_FILE = 'pages.xml';

export function monthOf(iso: string | Date): Month {
  return new Date(iso).toISOString().slice(0, 7);
}

export function dayOf(iso: string | Date): Day {
  return new Date(iso).toISOString().slice(0, 10);
}

/** `[start, end)` of a month as ISO times. */
export function monthRange(month: Month): { start: string; end: string } {
  const [year, mon] = parseMonth(month);
  return { start: new Date(Date.UTC(year, mon - 1, 1)).toISOString(), end: new Date(Date.UTC(year, mon, 1)).toISOString() };
}

/** `[start, end)` of a day as ISO times. */
export function dayRange(day: Day): { start: string; end: string } {
  const start = Date.parse(`${day}T00:00:00.000Z`);
  return { start: new Date(start).toISOString(), end: new Date(start + DAY_MS).toISOString() };
}

/** Every month from the one `oldest` falls in to the one `now` falls in, oldest first. */
export function monthsFrom(oldest: string, now: Date): Month[] {
  const months: Month[] = [];
  const last = monthOf(now);
  let [year, mon] = parseMonth(monthOf(oldest));
  for (let month = format(year, mon); month <= last; month = format(year, mon)) {
    months.push(month);
    [year, mon] = mon === 12 ? [year + 1, 1] : [year, mon + 1];
  }
  return months;
}

/** The days of a month up to and including today, oldest first. */
export function daysOf(month: Month, now: Date): Day[] {
  const { start, end } = monthRange(month);
  const today = dayOf(now);
  const days: Day[] = [];
  for (let time = Date.parse(start); time < Date.parse(end); time += DAY_MS) {
    const day = dayOf(new Date(time));
    if (day > today) break;
    days.push(day);
  }
  return days;
}

/** A day whose stories a publish, edit or unpublish may still change (its cache follows the CMS's `articles` tag). */
export function isHotDay(day: Day, now: Date): boolean {
  return day >= dayOf(new Date(now.getTime() - HOT_DAYS * DAY_MS));
}

/**
 * The current and previous month: new stories land in them, so their files and counts follow the CMS's
 * announcements. Older months change only when an old story is edited or taken down, and refresh daily.
 */
export function isHotMonth(month: Month, now: Date): boolean {
  const [year, mon] = parseMonth(monthOf(now));
  return month >= (mon === 1 ? format(year - 1, 12) : format(year, mon - 1));
}

/** How many files a month of `count` stories takes. */
export function pagesFor(count: number): number {
  return Math.ceil(count / MAX_URLS_PER_SITEMAP);
}

export function fileName(file: SitemapFile): string {
  if (file.kind === 'pages') return PAGES_FILE;
  return file.page === 1 ? `articles-${file.month}.xml` : `articles-${file.month}-${file.page}.xml`;
}

/** What `/sitemaps/<name>` names, or undefined (a 404). Page 1 has no number: `-1.xml` is not a name. */
export function parseFileName(name: string): SitemapFile | undefined {
  if (name === PAGES_FILE) return { kind: 'pages' };
  const match = /^articles-(\d{4}-\d{2})(?:-([2-9]|[1-9]\d{1,3}))?\.xml$/.exec(name);
  if (!match || !MONTH_PATTERN.test(match[1]!)) return undefined;
  return { kind: 'articles', month: match[1]!, page: match[2] ? Number(match[2]) : 1 };
}

export interface SitemapSources {
  /** When the oldest live story was published; undefined when there is none. */
  oldestPublishedAt(): Promise<string | undefined>;
  monthSummary(month: Month): Promise<MonthSummary>;
  /** A day's live stories, oldest first. */
  dayRefs(day: Day): Promise<SitemapRef[]>;
}

/** The article files the index lists: every month that has live stories, each split into files of 50,000. */
export async function articleFiles(sources: Pick<SitemapSources, 'oldestPublishedAt' | 'monthSummary'>, now: Date, concurrency = 4): Promise<{ file: SitemapFile; lastmod?: string }[]> {
  const oldest = await sources.oldestPublishedAt();
  if (!oldest) return [];
  const months = monthsFrom(oldest, now);
  const summaries = await mapLimit(months, concurrency, (month) => sources.monthSummary(month));
  return months.flatMap((month, index) => {
    const { count, lastmod } = summaries[index]!;
    return Array.from({ length: pagesFor(count) }, (_, page) => ({
      file: { kind: 'articles', month, page: page + 1 } as const,
      ...(lastmod ? { lastmod } : {}),
    }));
  });
}

/**
 * The stories of one article file: the month's stories in publication order, the `page`th run of 50,000. Undefined
 * when the month has no such file (no stories, a page past its end, a month still to come).
 */
export async function articleFileRefs(sources: Pick<SitemapSources, 'monthSummary' | 'dayRefs'>, month: Month, page: number, now: Date): Promise<SitemapRef[] | undefined> {
  if (month > monthOf(now) || page < 1) return undefined;
  const { count } = await sources.monthSummary(month);
  if (page > pagesFor(count)) return undefined;
  const from = (page - 1) * MAX_URLS_PER_SITEMAP;
  const to = page * MAX_URLS_PER_SITEMAP;
  const refs: SitemapRef[] = [];
  let seen = 0;
  // Days one at a time, stopping once this file is full: page 1 of a huge month never reads its last days.
  for (const day of daysOf(month, now)) {
    const dayRefs = await sources.dayRefs(day);
    if (seen + dayRefs.length > from) for (const ref of dayRefs.slice(Math.max(0, from - seen), to - seen)) refs.push(ref);
    seen += dayRefs.length;
    if (seen >= to) break;
  }
  return refs;
}

/**
 * A story of the Google News sitemap, from its reference (slug, headline, publication, last edit, corrections), or
 * undefined when it lacks one of the first three. Its `lastmod` is when it last changed: the latest of the last edit
 * and the newest correction.
 */
export function newsSitemapArticle(ref: PayloadArticleRef): NewsSitemapArticle | undefined {
  const publishedAt = isoTime(ref.publishedAt);
  const headline = ref.headline?.trim();
  if (!slugSchema.safeParse(ref.slug).success || !publishedAt || !headline) return undefined;
  const updatedAt = isoTime(ref.updatedAt);
  const corrections = (ref.corrections ?? []).flatMap((note) => {
    const at = isoTime(note?.at);
    return at ? [{ at }] : [];
  });
  const lastmod = articleDateModified({ publishedAt, ...(updatedAt ? { updatedAt } : {}), corrections });
  return { slug: String(ref.slug), headline, publishedAt, ...(lastmod ? { lastmod } : {}) };
}

/**
 * Reads pages of `pageSize` from `fetchPage` until it has `max` items or the last page has come. Every request names
 * its page and size (the same size throughout, so pages line up), and none is made past `max`.
 */
export async function collectPages<T>(fetchPage: (page: number, limit: number) => Promise<{ docs: T[]; hasNextPage: boolean }>, { pageSize, max }: { pageSize: number; max: number }): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; out.length < max; page++) {
    const { docs, hasNextPage } = await fetchPage(page, pageSize);
    for (const doc of docs) out.push(doc);
    if (!hasNextPage || docs.length === 0) break;
  }
  return out.slice(0, max);
}

function parseMonth(month: Month): [number, number] {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`not a month: ${month}`);
  return [Number(match[1]), Number(match[2])];
}

function format(year: number, month: number): Month {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
