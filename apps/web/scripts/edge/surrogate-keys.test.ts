// The Surrogate-Key each page gets from next.config.ts, matched and filled in by Next's own router code, covers every
// tag for which pagesForTags re-renders that page: when the front door purges by tag, no re-rendered page is left
// behind in it.
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { compileNonPath } from 'next/dist/shared/lib/router/utils/prepare-destination';
import { describe, expect, it } from 'vitest';

import nextConfig from '../../next.config';
import { FRONT_PATH, pagesForTags } from '../../src/lib/cache-tags';

async function surrogateKey(path: string): Promise<string[]> {
  let value: string | undefined;
  for (const rule of (await nextConfig.headers?.()) ?? []) {
    const params = getPathMatch(rule.source, { removeUnnamedParams: true, strict: true })(path);
    if (!params) continue;
    for (const header of rule.headers) {
      if (header.key.toLowerCase() === 'surrogate-key') value = Object.keys(params).length ? compileNonPath(header.value, params) : header.value;
    }
  }
  return value ? value.split(' ') : [];
}

const ARTICLE = '/news/harbour-crane-toppled';
const SECTION = '/section/world';
const AUTHOR = '/author/mara-lindqvist';
const TAGS = ['articles', 'headlines', 'ad-slots', 'sections', 'authors', 'article:harbour-crane-toppled', 'section:world', 'author:mara-lindqvist', 'tag:north-korea'];

describe('Surrogate-Key on pages', () => {
  it('names the page’s own tag', async () => {
    expect(await surrogateKey(ARTICLE)).toContain('article:harbour-crane-toppled');
    expect(await surrogateKey(SECTION)).toContain('section:world');
    expect(await surrogateKey(`${SECTION}/page/2`)).toContain('section:world');
    expect(await surrogateKey(AUTHOR)).toContain('author:mara-lindqvist');
    expect(await surrogateKey('/tag/north-korea')).toContain('tag:north-korea');
    expect(await surrogateKey('/tag/north-korea/page/2')).toContain('tag:north-korea');
  });

  it('gives the front page the same keys under / and its real path', async () => {
    expect(await surrogateKey('/')).toEqual(await surrogateKey(FRONT_PATH));
    expect((await surrogateKey('/')).length).toBeGreaterThan(0);
  });

  it.each(TAGS)('covers every page pagesForTags re-renders for %s', async (tag) => {
    const plan = pagesForTags([tag]);
    for (const path of plan.paths) expect(await surrogateKey(path), path).toContain(tag);
    if (plan.allArticles) expect(await surrogateKey(ARTICLE)).toContain(tag);
    if (plan.allListings) {
      expect(await surrogateKey(SECTION)).toContain(tag);
      expect(await surrogateKey(AUTHOR)).toContain(tag);
    }
  });

  it('leaves unknown and malformed paths untagged', async () => {
    expect(await surrogateKey('/news/Not%20A%20Slug')).toEqual([]);
    expect(await surrogateKey('/media/photo.jpg')).toEqual([]);
  });
});
