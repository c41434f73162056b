import { describe, expect, it, vi } from 'vitest';

import { badSlug, laterPageProps } from './list-pages';
import type { ListPageProps } from './page-data';

const listing = (page: number): ListPageProps => ({
  chrome: { siteName: 'Newsroom', sections: [] },
  meta: { title: `World – page ${page}`, description: 'World stories.', canonical: `https://news.example/section/world?page=${page}`, type: 'website' },
  heading: 'World',
  intro: null,
  topCardsHtml: [],
  cardsHtml: ['<news-article-card></news-article-card>'],
  pagination: { page, totalPages: 3, prevHref: '/section/world', nextHref: '/section/world?page=3' },
});

describe('laterPageProps', () => {
  it('is a 404 for a page number that is not a positive integer, without asking for data', async () => {
    const load = vi.fn(async (page: number) => listing(page));
    for (const bad of ['0', '-1', '1.5', '02', 'abc', '', undefined]) {
      expect(await laterPageProps('/section/world', bad, load), String(bad)).toEqual({ notFound: true, revalidate: 3600 });
    }
    expect(load).not.toHaveBeenCalled();
  });

  it('sends page 1 to the listing’s own URL', async () => {
    const load = vi.fn(async (page: number) => listing(page));
    expect(await laterPageProps('/section/world', '1', load)).toEqual({ redirect: { destination: '/section/world', permanent: true }, revalidate: 3600 });
    expect(load).not.toHaveBeenCalled();
  });

  it('is a 404, checked again within a minute, past the last page', async () => {
    expect(await laterPageProps('/section/world', '4', async () => undefined)).toEqual({ notFound: true, revalidate: 60 });
  });

  it('renders a page that exists, re-rendered on the listing timer', async () => {
    const load = vi.fn(async (page: number) => listing(page));
    const result = await laterPageProps('/section/world', '2', load);
    expect(load).toHaveBeenCalledWith(2);
    expect(result).toMatchObject({ props: { pagination: { page: 2, totalPages: 3 }, heading: 'World' }, revalidate: 60 });
    expect((result as { props: { siteUrl: string } }).props.siteUrl).toMatch(/^https?:\/\//);
  });
});

describe('badSlug', () => {
  it('refuses what cannot be a slug', () => {
    expect(badSlug('world')).toBeUndefined();
    expect(badSlug('World')).toEqual({ notFound: true, revalidate: 3600 });
    expect(badSlug('../x')).toEqual({ notFound: true, revalidate: 3600 });
  });
});
