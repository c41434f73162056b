import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { importWireStories, parseWireFiles, type WireImportError } from '../../src/import/wire-import';
import { lexicalToParagraphs } from '../../src/lib/lexical';
import { countAll, DIALECTS, openTestPayload, seedPath, type TestPayload } from '../support/databases';

const seed = readFileSync(seedPath);
const SEED_SLUG = 'beijing-inter-korea-liaison-office-a-sign-of-progress';

function story(headline: string, byline = 'By Rosa Delgado'): string {
  return [
    headline,
    '',
    byline,
    '',
    'LISBON, April 4 (UPI) -- Tram line 28 will run again on Sunday after three months of track repairs, the operator said.',
    '',
    '"We know the neighbourhood missed it," a spokeswoman said.',
  ].join('\n');
}

describe.each(DIALECTS)('wire import on %s', (dialect) => {
  let t: TestPayload;
  beforeAll(async () => {
    t = await openTestPayload(dialect);
  });
  afterAll(async () => t?.close());

  it('imports the seed with every part of the wire page, readable anonymously once published', async () => {
    const parsed = parseWireFiles([{ name: 'seed.txt', content: seed }], { year: 2018 });
    const [result] = await importWireStories(t.payload, parsed, { publish: true, siteUrl: 'https://news.example' });
    expect(result).toMatchObject({ slug: SEED_SLUG, status: 'published', url: `https://news.example/news/${SEED_SLUG}` });

    const found = await t.payload.find({ collection: 'articles', where: { slug: { equals: SEED_SLUG } }, overrideAccess: false, depth: 1 });
    expect(found.totalDocs).toBe(1);
    const article = found.docs[0]!;
    expect(article.headline).toBe('Beijing: Inter-Korea liaison office a sign of progress');
    expect(article.authors?.map((a) => (typeof a === 'object' ? a.name : a))).toEqual(['Elizabeth Shim']);
    expect(article.dateline).toMatchObject({ month: 9, day: 17, year: 2018, agency: 'UPI' });
    const paragraphs = lexicalToParagraphs(article.body);
    expect(paragraphs).toHaveLength(11);
    expect(paragraphs[0]).toMatch(/^China endorsed the opening/);
    expect(article.adPositions?.map(({ placement, paragraph }) => ({ placement, paragraph: paragraph ?? null }))).toEqual([
      { placement: 'top', paragraph: null },
      { placement: 'after-paragraph', paragraph: 2 },
      { placement: 'after-paragraph', paragraph: 8 },
    ]);
    expect(article.hero?.credit).toBe('File Photo by Stephen Shaver/UPI');
    expect(article.hero?.creator).toBe('Stephen Shaver');
    expect(article.hero?.licenseOffered).toBe(true);
    expect(article.hero?.caption).toMatch(/^China's foreign ministry spokesman Geng Shuang/);
    expect(article.hero?.caption).not.toContain('File Photo');
    expect(article.showLatestHeadlines).toBe(true);
    expect(article.source?.kind).toBe('wire');
  });

  it('reuses an existing author and gives a repeated headline a new slug', async () => {
    const before = await countAll(t.payload);
    // Different bytes (the same file again would be the same item, and change nothing), the same headline.
    const parsed = parseWireFiles([{ name: 'again.txt', content: Buffer.concat([seed, Buffer.from('\n\n')]) }], { year: 2018 });
    const [result] = await importWireStories(t.payload, parsed);
    expect(result).toMatchObject({ slug: `${SEED_SLUG}-2`, status: 'draft' });
    const after = await countAll(t.payload);
    expect(after.authors).toBe(before.authors);
    expect(after.articles).toBe(before.articles + 1);
    // A draft import is invisible to readers.
    const anonymous = await t.payload.find({ collection: 'articles', where: { slug: { equals: `${SEED_SLUG}-2` } }, overrideAccess: false });
    expect(anonymous.totalDocs).toBe(0);
  });

  it('writes nothing when a later story in the run fails validation', async () => {
    const before = await countAll(t.payload);
    const [good] = parseWireFiles([{ name: 'good.txt', content: story('Lisbon trams return to the hills', 'By Brand New Author') }]);
    // The CMS allows longer headlines than wire copy carries; a story built by other means can still break the limit.
    const tooLong = { name: 'too-long.txt', story: { ...good!.story, headline: `Lisbon ${'very '.repeat(80)}long headline` } };
    await expect(importWireStories(t.payload, [good!, tooLong], { publish: true })).rejects.toThrow(/Headline/);
    expect(await countAll(t.payload)).toEqual(before);
    const author = await t.payload.find({ collection: 'authors', where: { name: { equals: 'Brand New Author' } }, overrideAccess: true });
    expect(author.totalDocs).toBe(0);
  });

  it('parses every file before writing, and names each bad file', () => {
    let caught: unknown;
    try {
      parseWireFiles([
        { name: 'good.txt', content: story('Fine story') },
        { name: 'empty.txt', content: '' },
        { name: 'no-dateline.txt', content: 'A headline\n\nBy Someone\n\nJust a paragraph without a dateline.' },
      ]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AggregateError);
    const errors = (caught as AggregateError).errors as WireImportError[];
    expect(errors.map((e) => e.file)).toEqual(['empty.txt', 'no-dateline.txt']);
    expect(errors[0]!.message).toMatch(/^empty\.txt: .*empty/i);
    expect(errors[1]!.message).toMatch(/dateline/i);
  });
});
