import { sql } from '@payloadcms/db-sqlite/drizzle';
import type { Where } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { paragraphsToLexical } from '../../src/lib/lexical';
import { backfillSearchIndex } from '../../src/search/backfill';
import { runnerFor } from '../../src/search/database';
import { searchForReaders, visibilityFields } from '../../src/search/search';
import { DIALECTS, openTestPayload, type TestPayload } from '../support/databases';
import { anHourAgo, inOneHour, makeArticle, makeUser, type TestUser } from '../support/fixtures';
import { rest } from '../support/rest';

type Part = { text: string; mark: boolean };
type Hit = { id: number; slug: string; headline: string; dek: string | null; publishedAt: string | null; snippet: Part[] };

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe.each(DIALECTS)('search on %s', (dialect) => {
  let t: TestPayload;
  let editor: TestUser;
  const ids: Record<string, number> = {};

  const search = async (q: string, params = '') => rest(t, `/search?q=${encodeURIComponent(q)}${params}`);
  const headlines = async (q: string) => {
    const { status, body } = await search(q);
    expect(status, JSON.stringify(body)).toBe(200);
    return (body.docs as Hit[]).map((doc) => doc.headline);
  };
  const article = async (input: Parameters<typeof makeArticle>[1] & { dek?: string; tags?: string[] }) => {
    const doc = await makeArticle(t.payload, input);
    if (input.dek !== undefined || input.tags !== undefined) {
      await t.payload.update({ collection: 'articles', id: doc.id, overrideAccess: true, data: { dek: input.dek, tags: input.tags } });
    }
    return Number(doc.id);
  };

  beforeAll(async () => {
    t = await openTestPayload(dialect);
    editor = await makeUser(t.payload, 'editor');
    ids.bodyOnly = await article({
      headline: 'Harbour council meets on Tuesday',
      publishedAt: minutesAgo(50),
      paragraphs: ['The council met for three hours.', 'Nobody spoke for long.', 'A clerk read the minutes about the zephyrine contract aloud.'],
    });
    // The same word, once in a headline, and many times in the body of a newer story.
    ids.headlineMatch = await article({ headline: 'Aurora lights return over the fjord', publishedAt: minutesAgo(40), paragraphs: ['Skies were clear on Monday night.'] });
    ids.bodyRepeats = await article({
      headline: 'Weather for the weekend',
      publishedAt: minutesAgo(30),
      paragraphs: Array.from({ length: 6 }, () => 'The aurora and the aurora again; aurora watchers at the fjord saw the aurora over the fjord.'),
    });
    ids.draft = await article({ headline: 'Unpublished quillbrook plan', status: 'draft', paragraphs: ['The quillbrook report is not out yet.'] });
    ids.scheduled = await article({ headline: 'Scheduled marrowgate story', publishedAt: inOneHour(), paragraphs: ['Marrowgate news for later.'] });
    ids.hostile = await article({
      headline: 'Markup in copy',
      publishedAt: minutesAgo(20),
      paragraphs: ['A reader wrote <script>alert(1)</script> and <b>bold</b> next to tastyword & friends, and \u0001forged\u0002 marks.'],
    });
  });
  afterAll(async () => t?.close());

  it('finds a word that appears only in a body paragraph, with an excerpt marking it', async () => {
    const { status, body } = await search('zephyrine');
    expect(status).toBe(200);
    expect(body.totalDocs).toBe(1);
    const [hit] = body.docs as Hit[];
    expect(hit).toMatchObject({ id: ids.bodyOnly, headline: 'Harbour council meets on Tuesday', slug: 'harbour-council-meets-on-tuesday' });
    expect(hit!.snippet.filter((part) => part.mark).map((part) => part.text.toLowerCase())).toEqual(['zephyrine']);
    expect(hit!.snippet.map((part) => part.text).join('')).toContain('minutes about the');
  });

  it('matches word forms (stemming) and any case', async () => {
    expect(await headlines('ZEPHYRINE')).toEqual(['Harbour council meets on Tuesday']);
    expect(await headlines('clerks reading')).toEqual(['Harbour council meets on Tuesday']);
  });

  it('ranks a headline match above a body-only match, even a newer body that repeats the words', async () => {
    expect(await headlines('aurora')).toEqual(['Aurora lights return over the fjord', 'Weather for the weekend']);
    expect(await headlines('aurora fjord')).toEqual(['Aurora lights return over the fjord', 'Weather for the weekend']);
  });

  it('requires every word', async () => {
    expect(await headlines('aurora zephyrine')).toEqual([]);
  });

  it('shows no draft and nothing scheduled for later', async () => {
    expect(await headlines('quillbrook')).toEqual([]);
    expect(await headlines('marrowgate')).toEqual([]);
  });

  it('keeps the published text while a newer draft is edited, and indexes the draft once it is published', async () => {
    const id = await article({ headline: 'Bridge repairs begin', publishedAt: minutesAgo(10), paragraphs: ['Crews closed the oldbridge lane.'] });
    await t.payload.update({
      collection: 'articles',
      id,
      draft: true,
      overrideAccess: true,
      data: { headline: 'Bridge repairs begin', body: paragraphsToLexical(['Crews closed the newspanner lane.']) as never, _status: 'draft' },
    });
    expect(await headlines('newspanner')).toEqual([]);
    expect(await headlines('oldbridge')).toEqual(['Bridge repairs begin']);
    await t.payload.update({ collection: 'articles', id, overrideAccess: true, data: { _status: 'published' } });
    expect(await headlines('newspanner')).toEqual(['Bridge repairs begin']);
    expect(await headlines('oldbridge')).toEqual([]);
  });

  it('drops a story that is unpublished or deleted', async () => {
    const id = await article({ headline: 'Short-lived wobblefen item', publishedAt: minutesAgo(5) });
    expect(await headlines('wobblefen')).toEqual(['Short-lived wobblefen item']);
    await t.payload.update({ collection: 'articles', id, overrideAccess: true, data: { _status: 'draft' } });
    expect(await headlines('wobblefen')).toEqual([]);
    await t.payload.update({ collection: 'articles', id, overrideAccess: true, data: { _status: 'published' } });
    expect(await headlines('wobblefen')).toEqual(['Short-lived wobblefen item']);
    await t.payload.delete({ collection: 'articles', id, overrideAccess: true });
    expect(await headlines('wobblefen')).toEqual([]);
  });

  it('hides an embargoed story until the embargo lifts, with no reindexing', async (ctx) => {
    if (!visibilityFields(t.payload).embargoedUntil) return ctx.skip('articles have no embargoedUntil field yet');
    const id = await article({ headline: 'Embargoed glimmerdale result', publishedAt: minutesAgo(5) });
    await t.payload.update({ collection: 'articles', id, overrideAccess: true, data: { embargoedUntil: inOneHour() } as never });
    expect(await headlines('glimmerdale')).toEqual([]);
    // The embargo lifts: only the article's own row changes, no hook runs.
    const db = await runnerFor(t.payload);
    const past = dialect === 'postgres' ? sql`CAST(${anHourAgo()} AS timestamptz)` : sql`${anHourAgo()}`;
    await db.run(sql`UPDATE articles SET embargoed_until = ${past} WHERE id = ${id}`);
    expect(await headlines('glimmerdale')).toEqual(['Embargoed glimmerdale result']);
  });

  it('hides a killed story', async (ctx) => {
    if (!visibilityFields(t.payload).killedAt) return ctx.skip('articles have no killedAt field yet');
    const id = await article({ headline: 'Killed brackenmoor report', publishedAt: minutesAgo(5) });
    expect(await headlines('brackenmoor')).toEqual(['Killed brackenmoor report']);
    const db = await runnerFor(t.payload);
    const now = dialect === 'postgres' ? sql`CAST(${new Date().toISOString()} AS timestamptz)` : sql`${new Date().toISOString()}`;
    await db.run(sql`UPDATE articles SET killed_at = ${now} WHERE id = ${id}`);
    expect(await headlines('brackenmoor')).toEqual([]);
  });

  it('never lets the engine syntax through: operators are words, or nothing', async () => {
    const hostile = ['"', '""', '"zephyrine', 'zephyrine"', '*', 'zephyr*', 'OR', 'zephyrine OR aurora', 'NEAR(zephyrine aurora)', 'NEAR(', ':', 'headline:aurora', '-', '-zephyrine', "'", "zephyrine'", "'; DROP TABLE articles; --", '^aurora', '(aurora', 'aurora AND', 'NOT aurora', '{headline}: aurora', '\\', '%', '_', '\u0000', '\u0001'];
    for (const q of hostile) {
      const { status, body } = await search(q);
      expect(status, `${JSON.stringify(q)} → ${JSON.stringify(body)}`).toBe(200);
      expect(Array.isArray(body.docs)).toBe(true);
    }
    // Each of these is only its words: a minus does not exclude, a star does not widen, a column name is a word.
    expect(await headlines('-zephyrine')).toEqual(['Harbour council meets on Tuesday']);
    expect(await headlines('"zephyrine')).toEqual(['Harbour council meets on Tuesday']);
    expect(await headlines('zephyr*')).toEqual([]);
    expect(await headlines('headline:aurora')).toEqual([]);
    expect(await headlines('NEAR(zephyrine')).toEqual([]);
    // The table is still there.
    expect(await headlines('zephyrine')).toEqual(['Harbour council meets on Tuesday']);
  });

  it('gives excerpts as plain-text parts: markup in the copy stays text, and no copy can forge a mark', async () => {
    const { body } = await search('tastyword');
    const [hit] = body.docs as Hit[];
    expect(hit?.id).toBe(ids.hostile);
    for (const part of hit!.snippet) expect(Object.keys(part).sort()).toEqual(['mark', 'text']);
    expect(hit!.snippet.filter((part) => part.mark).map((part) => part.text)).toEqual(['tastyword']);
    const text = hit!.snippet.map((part) => part.text).join('');
    expect(text).not.toContain('\u0001');
    expect(text).not.toContain('\u0002');
    expect(text).toContain('& friends');
    // SQLite's excerpt keeps the copy's characters; PostgreSQL's parser drops tag-like words from it. Either way, text.
    if (dialect === 'sqlite') expect(text).toContain('<script>alert(1)</script>');
    expect(await headlines('forged')).toEqual(['Markup in copy']);
  });

  it('pages through results', async () => {
    for (let i = 0; i < 7; i++) await article({ headline: `Ferryman timetable ${i}`, publishedAt: minutesAgo(100 + i) });
    const first = await search('ferryman', '&limit=3');
    expect(first.body).toMatchObject({ page: 1, limit: 3, totalDocs: 7, totalPages: 3 });
    const last = await search('ferryman', '&limit=3&page=3');
    expect(last.body.docs).toHaveLength(1);
    const seen = new Set<number>();
    for (const page of [1, 2, 3]) for (const doc of (await search('ferryman', `&limit=3&page=${page}`)).body.docs as Hit[]) seen.add(doc.id);
    expect(seen.size).toBe(7);
    const past = await search('ferryman', '&limit=3&page=4');
    expect(past.body).toMatchObject({ docs: [], totalDocs: 7, totalPages: 3, page: 4 });
  });

  it('past the ranking cap, ranks the newest matches and still counts them all', async () => {
    // The seven "ferryman" stories of the test above, written in order: the newest three by id are 4, 5 and 6.
    const capped = await searchForReaders(t.payload, { terms: ['ferryman'], page: 1, limit: 2, candidates: 3 });
    expect(capped).toMatchObject({ totalDocs: 7, totalPages: 2 });
    const second = await searchForReaders(t.payload, { terms: ['ferryman'], page: 2, limit: 2, candidates: 3 });
    expect([...capped.docs, ...second.docs].map((doc) => doc.headline).sort()).toEqual(['Ferryman timetable 4', 'Ferryman timetable 5', 'Ferryman timetable 6']);
    const past = await searchForReaders(t.payload, { terms: ['ferryman'], page: 3, limit: 2, candidates: 3 });
    expect(past).toMatchObject({ docs: [], totalDocs: 7, totalPages: 2 });
  });

  it('past the cap, finds the same newest matches whether it walks back from the newest story or sorts them all', async () => {
    const pages = async (walk: boolean) =>
      Promise.all([1, 2, 3].map((page) => searchForReaders(t.payload, { terms: ['ferryman'], page, limit: 2, candidates: 3, walk })));
    const walked = await pages(true);
    const sorted = await pages(false);
    expect(walked.map((p) => p.docs.map((doc) => doc.headline))).toEqual(sorted.map((p) => p.docs.map((doc) => doc.headline)));
    expect(walked.map((p) => p.totalDocs)).toEqual([7, 7, 7]);
    expect(walked[0]!.docs).toHaveLength(2);
  });

  it('past the counting cap, says how many it counted and that more match, and pages as far as it ranks', async () => {
    const first = await searchForReaders(t.payload, { terms: ['ferryman'], page: 1, limit: 2, candidates: 3, counted: 5 });
    expect(first).toMatchObject({ totalDocs: 5, totalDocsCapped: true, totalPages: 2 });
    // Left to choose how to find the newest (on PostgreSQL from the planner's estimate), the same stories as either way.
    const pages = await Promise.all([1, 2].map((page) => searchForReaders(t.payload, { terms: ['ferryman'], page, limit: 2, candidates: 3, counted: 5 })));
    expect(pages.flatMap((p) => p.docs.map((doc) => doc.headline)).sort()).toEqual(['Ferryman timetable 4', 'Ferryman timetable 5', 'Ferryman timetable 6']);
    // Exactly as many as it counts: not capped.
    expect(await searchForReaders(t.payload, { terms: ['ferryman'], page: 1, limit: 2, candidates: 3, counted: 7 })).not.toHaveProperty('totalDocsCapped');
    expect((await search('ferryman', '&limit=3')).body).not.toHaveProperty('totalDocsCapped');
  });

  it('refuses an empty or too-long query and out-of-range paging', async () => {
    expect((await rest(t, '/search')).status).toBe(400);
    expect((await search('   ')).status).toBe(400);
    expect((await search('a'.repeat(201))).status).toBe(400);
    expect((await search(`${'a'.repeat(199)}b`)).status).toBe(200);
    expect((await search('aurora', '&limit=51')).status).toBe(400);
    expect((await search('aurora', '&limit=0')).status).toBe(400);
    expect((await search('aurora', '&page=-1')).status).toBe(400);
    expect((await search('aurora', '&page=abc')).status).toBe(400);
  });

  it("searches the admin's article list by any published word, for staff only", async () => {
    const listSearch = (q: string): Where => ({ or: [{ headline: { like: q } }, { slug: { like: q } }, { dek: { like: q } }] });
    const asEditor = await t.payload.find({ collection: 'articles', where: listSearch('zephyrine'), user: editor as never, overrideAccess: false, depth: 0 });
    expect(asEditor.docs.map((doc) => doc.id)).toEqual([ids.bodyOnly]);
    // As you type: the last word is a prefix.
    const typing = await t.payload.find({ collection: 'articles', where: listSearch('zephyr'), user: editor as never, overrideAccess: false, depth: 0 });
    expect(typing.docs.map((doc) => doc.id)).toEqual([ids.bodyOnly]);
    // With a filter beside the search, as the list view sends it.
    const filtered = await t.payload.find({
      collection: 'articles',
      where: { and: [{ _status: { equals: 'published' } }, listSearch('zephyrine')] },
      user: editor as never,
      overrideAccess: false,
      draft: true,
      depth: 0,
    });
    expect(filtered.docs.map((doc) => doc.id)).toEqual([ids.bodyOnly]);
    // Drafts are still found by headline, as before.
    const drafts = await t.payload.find({ collection: 'articles', where: listSearch('quillbrook'), user: editor as never, overrideAccess: false, depth: 0 });
    expect(drafts.docs.map((doc) => doc.id)).toEqual([ids.draft]);
    // Readers' REST queries keep Payload's own meaning.
    const anonymous = await t.payload.find({ collection: 'articles', where: listSearch('zephyrine'), overrideAccess: false, depth: 0 });
    expect(anonymous.docs).toEqual([]);
  });

  it('lists the live stories of a tag by its slug, newest first', async () => {
    const older = await article({ headline: 'Talks resume at the border', publishedAt: minutesAgo(300), tags: ['North Korea', 'Diplomacy'] });
    const newer = await article({ headline: 'Envoys meet again', publishedAt: minutesAgo(200), tags: ['north korea'] });
    await article({ headline: 'Draft on the talks', status: 'draft', tags: ['North Korea'] });
    await article({ headline: 'Later talks', publishedAt: inOneHour(), tags: ['North Korea'] });
    const { status, body } = await rest(t, '/search/tags/north-korea');
    expect(status).toBe(200);
    expect(body).toMatchObject({ totalDocs: 2, page: 1, totalPages: 1 });
    expect(body.docs.map((doc: { id: number }) => doc.id)).toEqual([newer, older]);
    expect(body.docs[0].body).toBeUndefined();
    expect((await rest(t, '/search/tags/diplomacy')).body.docs.map((doc: { id: number }) => doc.id)).toEqual([older]);
    expect((await rest(t, '/search/tags/nothing-here')).body).toMatchObject({ docs: [], totalDocs: 0 });
    expect((await rest(t, '/search/tags/Bad%20Slug')).status).toBe(404);
    // Retagging moves the story.
    await t.payload.update({ collection: 'articles', id: older, overrideAccess: true, data: { tags: ['Diplomacy'] } });
    expect((await rest(t, '/search/tags/north-korea')).body.docs.map((doc: { id: number }) => doc.id)).toEqual([newer]);
  });

  it('rebuilds the index from the published rows (what the migration runs)', async () => {
    const db = await runnerFor(t.payload);
    await db.run(sql`DELETE FROM articles_search`);
    if (dialect === 'sqlite') await db.run(sql`DELETE FROM articles_search_tags`);
    expect(await headlines('zephyrine')).toEqual([]);
    const published = (await t.payload.count({ collection: 'articles', where: { _status: { equals: 'published' } }, overrideAccess: true })).totalDocs;
    expect(await backfillSearchIndex(db)).toBe(published);
    expect(await headlines('zephyrine')).toEqual(['Harbour council meets on Tuesday']);
    expect(await headlines('quillbrook')).toEqual([]);
    expect((await rest(t, '/search/tags/diplomacy')).body.totalDocs).toBe(1);
  });
});
