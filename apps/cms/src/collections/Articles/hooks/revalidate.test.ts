import type { PayloadRequest } from 'payload';
import { describe, expect, it, vi } from 'vitest';

import { articleChangeTags, profileChangeTags } from './revalidate';

/**
 * A request whose Local API answers slug lookups from small tables, whose main-table row says `rowStatus`, and whose
 * live articles by author 3 are `liveByAuthor` (in pages of the size asked for).
 */
function fakeReq(rowStatus: string | null = 'published', liveByAuthor: string[] = []) {
  const tables: Record<string, { id: number; slug: string }[]> = {
    sections: [{ id: 1, slug: 'world' }],
    authors: [
      { id: 3, slug: 'elizabeth-shim' },
      { id: 4, slug: 'ana-ruiz' },
    ],
  };
  type FindArgs = { collection: string; where: { id?: { in: number[] } }; limit: number; page?: number };
  return {
    payload: {
      find: vi.fn(async ({ collection, where, limit, page = 1 }: FindArgs) => {
        if (collection === 'articles') {
          const docs = liveByAuthor.slice((page - 1) * limit, page * limit).map((slug) => ({ slug }));
          return { docs, hasNextPage: page * limit < liveByAuthor.length };
        }
        return { docs: (tables[collection] ?? []).filter((doc) => where.id!.in.includes(doc.id)), hasNextPage: false };
      }),
      db: { findOne: vi.fn(async () => (rowStatus ? { _status: rowStatus } : null)) },
      logger: { warn: vi.fn() },
    },
  } as unknown as PayloadRequest;
}

describe('articleChangeTags', () => {
  const live = { id: 7, slug: 'a-story', _status: 'published', section: 1, authors: [3] };

  it('names the article, the lists, its section and authors when a story goes live or changes', async () => {
    expect(await articleChangeTags(fakeReq(), live, { ...live, _status: 'draft', slug: 'old-slug', authors: [4] })).toEqual([
      'article:a-story',
      'article:old-slug',
      'articles',
      'section:world',
      'author:elizabeth-shim',
      'author:ana-ruiz',
    ]);
  });

  it('names nothing for a draft that was never live', async () => {
    expect(await articleChangeTags(fakeReq(null), { ...live, _status: 'draft' }, { ...live, _status: 'draft' })).toEqual([]);
  });

  it('names nothing for a draft saved over a live story (the live version is untouched)', async () => {
    expect(await articleChangeTags(fakeReq('published'), { ...live, _status: 'draft' }, live)).toEqual([]);
  });

  it('names the story when it is unpublished', async () => {
    expect(await articleChangeTags(fakeReq('draft'), { ...live, _status: 'draft' }, live)).toContain('article:a-story');
  });

  it('names the pages of the tags it has and had, by their slugs', async () => {
    const tags = await articleChangeTags(fakeReq(), { ...live, tags: ['North Korea', 'Talks'] }, { ...live, tags: ['north korea', 'Summit', '日本'] });
    expect(tags.filter((tag) => tag.startsWith('tag:'))).toEqual(['tag:north-korea', 'tag:talks', 'tag:summit']);
  });

  it('reads populated relationships without looking them up', async () => {
    const req = fakeReq();
    const tags = await articleChangeTags(req, { ...live, section: { id: 9, slug: 'science' }, authors: [{ id: 8, slug: 'x-y' }] });
    expect(tags).toEqual(['article:a-story', 'articles', 'section:science', 'author:x-y']);
    expect(req.payload.find).not.toHaveBeenCalled();
  });
});

describe('profileChangeTags', () => {
  const author = { id: 3, slug: 'elizabeth-shim', name: 'Elizabeth Shim' };
  const section = { id: 1, slug: 'world', name: 'World' };

  it('names only the profile’s own page for a bio or description edit', async () => {
    const req = fakeReq('published', ['a', 'b']);
    expect(await profileChangeTags(req, 'author', author, { ...author })).toEqual(['author:elizabeth-shim']);
    expect(await profileChangeTags(req, 'section', section, { ...section })).toEqual(['section:world']);
    expect(req.payload.find).not.toHaveBeenCalled();
  });

  it('names every live story of a renamed author, however many, with the lists', async () => {
    const stories = Array.from({ length: 1234 }, (_, i) => `story-${i}`);
    const tags = await profileChangeTags(fakeReq('published', stories), 'author', { ...author, name: 'Liz Shim' }, author);
    expect(tags.slice(0, 3)).toEqual(['author:elizabeth-shim', 'authors', 'articles']);
    expect(tags.filter((tag) => tag.startsWith('article:'))).toHaveLength(1234);
    expect(tags).toContain('article:story-1233');
  });

  it('names the old and the new slug of a renamed section, and the navigation, without listing its stories', async () => {
    const req = fakeReq('published', ['a']);
    expect(await profileChangeTags(req, 'section', { ...section, name: 'World news', slug: 'world-news' }, section)).toEqual([
      'section:world-news',
      'section:world',
      'sections',
      'articles',
    ]);
    expect(req.payload.find).not.toHaveBeenCalled();
  });

  it('names a new author’s page and the author list, but no stories (they have none yet)', async () => {
    expect(await profileChangeTags(fakeReq(), 'author', author, {})).toEqual(['author:elizabeth-shim', 'authors']);
  });

  it('names a deleted section’s page and the navigation', async () => {
    expect(await profileChangeTags(fakeReq(), 'section', section, section, { deleted: true })).toEqual(['section:world', 'sections', 'articles']);
  });
});
