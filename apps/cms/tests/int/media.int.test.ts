/**
 * Photos: upload limits (bytes and pixels), who may change which photo, and what anonymous
 * readers may see of photos that only unpublished stories use — over the Local API and through
 * Payload's REST handler (the same one `/api/media/file/…` is served by).
 */
import type { Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { paragraphsToLexical } from '../../src/lib/lexical';
import { DIALECTS, openTestPayload, type TestPayload } from '../support/databases';
import { anHourAgo, inOneHour, makeUser, pngBomb, pngUpload, TEST_PASSWORD, type TestUser } from '../support/fixtures';
import { rest, signIn } from '../support/rest';

type Id = number | string;

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: Id }).id : value);

/** A Lexical body with a paragraph and the photo placed after it, as the editor's upload button stores it. */
function bodyWithPhoto(mediaId: Id) {
  const body = paragraphsToLexical(['A paragraph before the photo.']) as { root: { children: unknown[] } };
  body.root.children.push({ type: 'upload', version: 3, format: '', id: '6b0e8e60cce62e29fe370247', fields: null, relationTo: 'media', value: mediaId });
  return body;
}

async function photo(payload: Payload, alt: string, owner?: TestUser): Promise<Id> {
  const doc = await payload.create({ collection: 'media', data: { alt }, file: await pngUpload(), ...(owner ? { user: owner as never, overrideAccess: false } : { overrideAccess: true }) });
  return doc.id;
}

async function story(payload: Payload, headline: string, options: { hero?: Id; inBody?: Id; status: 'draft' | 'published'; publishedAt?: string }) {
  return payload.create({
    collection: 'articles',
    overrideAccess: true,
    draft: options.status === 'draft',
    data: {
      headline,
      body: (options.inBody !== undefined ? bodyWithPhoto(options.inBody) : paragraphsToLexical(['Copy.'])) as never,
      dateline: { month: 1, day: 5, agency: 'Test' },
      hero: options.hero !== undefined ? { image: options.hero as never, alt: 'Alt', credit: 'Test/Credit' } : undefined,
      _status: options.status,
      ...(options.publishedAt ? { publishedAt: options.publishedAt } : {}),
    },
  });
}

function multipart(file: { data: Buffer; name: string; mimetype: string }, data: Record<string, unknown>): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name);
  form.append('_payload', JSON.stringify(data));
  return form;
}

describe.each(DIALECTS)('photos on %s', (dialect) => {
  let t: TestPayload;
  let editor: TestUser;
  let contributor: TestUser;
  let otherContributor: TestUser;
  let contributorToken: string;

  beforeAll(async () => {
    t = await openTestPayload(dialect);
    editor = await makeUser(t.payload, 'editor');
    contributor = await makeUser(t.payload, 'contributor');
    otherContributor = await makeUser(t.payload, 'contributor');
    contributorToken = await signIn(t, contributor.email, TEST_PASSWORD);
  });
  afterAll(async () => t?.close());

  const mediaCount = async () => (await t.payload.count({ collection: 'media', overrideAccess: true })).totalDocs;

  describe('upload limits', () => {
    it('refuses a file over 20 MB with a 413 that names the limit', async () => {
      const before = await mediaCount();
      const data = Buffer.alloc(21 * 1024 * 1024, 1);
      const attempt = t.payload.create({
        collection: 'media',
        data: { alt: 'Too big' },
        file: { data, mimetype: 'image/png', name: 'huge.png', size: data.length },
        user: contributor as never,
        overrideAccess: false,
      });
      await expect(attempt).rejects.toMatchObject({ status: 413, message: expect.stringMatching(/at most 20 MB/) });
      expect(await mediaCount()).toBe(before);
    });

    it('stops a REST upload over 20 MB at the limit, with a 413 that names it', async () => {
      const before = await mediaCount();
      const data = Buffer.alloc(21 * 1024 * 1024, 7);
      const response = await rest(t, '/media', { token: contributorToken, form: multipart({ data, name: 'huge.png', mimetype: 'image/png' }, { alt: 'Too big' }) });
      expect(response.status).toBe(413);
      expect(JSON.stringify(response.body)).toMatch(/at most 20 MB/);
      expect(await mediaCount()).toBe(before);
    });

    it('refuses a decompression bomb (a few KB, 56 megapixels) with a 413 naming the pixel limit', async () => {
      const bomb = await pngBomb(8000, 7000);
      expect(bomb.size).toBeLessThan(100 * 1024);
      const before = await mediaCount();
      const local = t.payload.create({ collection: 'media', data: { alt: 'Bomb' }, file: bomb, user: contributor as never, overrideAccess: false });
      await expect(local).rejects.toMatchObject({ status: 413, message: expect.stringMatching(/at most 50 megapixels.*8000 × 7000/) });

      const response = await rest(t, '/media', { token: contributorToken, form: multipart(await pngBomb(8000, 7000), { alt: 'Bomb' }) });
      expect(response.status).toBe(413);
      expect(JSON.stringify(response.body)).toMatch(/at most 50 megapixels/);
      expect(await mediaCount()).toBe(before);
    });

    it('refuses a bomb as the replacement file of an existing photo too', async () => {
      const id = await photo(t.payload, 'Replace me', contributor);
      const attempt = t.payload.update({ collection: 'media', id, data: {}, file: await pngBomb(9000, 6000), user: contributor as never, overrideAccess: false });
      await expect(attempt).rejects.toMatchObject({ status: 413 });
    });

    it('takes an ordinary photo over REST', async () => {
      const response = await rest(t, '/media', { token: contributorToken, form: multipart(await pngUpload(64, 48), { alt: 'Fine' }) });
      expect(response.status).toBe(201);
      expect(response.body.doc).toMatchObject({ alt: 'Fine', width: 64, height: 48 });
    });
  });

  describe('who changes which photo', () => {
    it('records who uploaded a photo; an uploader cannot name someone else', async () => {
      const doc = await t.payload.create({
        collection: 'media',
        data: { alt: 'Mine', createdBy: editor.id as never },
        file: await pngUpload(),
        user: contributor as never,
        overrideAccess: false,
      });
      expect(idOf(doc.createdBy)).toBe(contributor.id);
    });

    it("lets a contributor re-caption and replace their own photo, but not another person's", async () => {
      const mine = await photo(t.payload, 'Mine', contributor);
      const theirs = await photo(t.payload, 'Theirs', otherContributor);
      const as = { user: contributor as never, overrideAccess: false } as const;
      await expect(t.payload.update({ collection: 'media', id: mine, data: { caption: 'New caption' }, ...as })).resolves.toMatchObject({ caption: 'New caption' });
      await expect(t.payload.update({ collection: 'media', id: mine, data: {}, file: await pngUpload(20, 10), ...as })).resolves.toMatchObject({ width: 20 });
      await expect(t.payload.update({ collection: 'media', id: theirs, data: { caption: 'Hijacked' }, ...as })).rejects.toMatchObject({ status: expect.any(Number) });
      await expect(t.payload.update({ collection: 'media', id: theirs, data: {}, file: await pngUpload(20, 10), ...as })).rejects.toThrow();
      const after = await t.payload.findByID({ collection: 'media', id: theirs, overrideAccess: true });
      expect(after.caption ?? null).toBeNull();
      expect(after.width).toBe(8);
    });

    it("keeps a published story's photos for editors: the contributor who uploaded one can no longer change it", async () => {
      const hero = await photo(t.payload, 'Hero on a live story', contributor);
      const inBody = await photo(t.payload, 'In the body of a live story', contributor);
      const onDraft = await photo(t.payload, 'Only on a draft', contributor);
      const embargoed = await photo(t.payload, 'Hero of a story out in an hour', contributor);
      await story(t.payload, 'Live with hero', { hero, status: 'published', publishedAt: anHourAgo() });
      await story(t.payload, 'Live with photo in body', { inBody, status: 'published', publishedAt: anHourAgo() });
      await story(t.payload, 'Draft with photo', { hero: onDraft, inBody: onDraft, status: 'draft' });
      await story(t.payload, 'Embargoed with hero', { hero: embargoed, status: 'published', publishedAt: inOneHour() });

      const as = { user: contributor as never, overrideAccess: false } as const;
      for (const id of [hero, inBody, embargoed]) {
        await expect(t.payload.update({ collection: 'media', id, data: { caption: 'Changed' }, ...as })).rejects.toMatchObject({ status: 403 });
        await expect(t.payload.update({ collection: 'media', id, data: {}, file: await pngUpload(30, 30), ...as })).rejects.toMatchObject({ status: 403 });
        // Bulk edits by the same person are held to the same rule.
        const bulk = await t.payload.update({ collection: 'media', where: { id: { equals: id } }, data: { caption: 'Changed' }, ...as });
        expect(bulk.docs).toHaveLength(0);
        expect((await t.payload.findByID({ collection: 'media', id, overrideAccess: true })).caption ?? null).toBeNull();
        // An editor may.
        await expect(t.payload.update({ collection: 'media', id, data: { caption: 'Desk caption' }, user: editor as never, overrideAccess: false })).resolves.toMatchObject({ caption: 'Desk caption' });
      }
      await expect(t.payload.update({ collection: 'media', id: onDraft, data: { caption: 'Still mine' }, ...as })).resolves.toMatchObject({ caption: 'Still mine' });
    });

    it('lets an admin delete an account that uploaded photos; the photos stay, without an uploader', async () => {
      const leaving = await makeUser(t.payload, 'contributor');
      const id = await photo(t.payload, 'Left behind', leaving);
      await t.payload.delete({ collection: 'users', id: leaving.id, overrideAccess: true });
      const doc = await t.payload.findByID({ collection: 'media', id, overrideAccess: true, depth: 0 });
      expect(doc.createdBy ?? null).toBeNull();
    });
  });

  describe('what anonymous readers see', () => {
    const ids: Record<string, Id> = {};
    const files: Record<string, string> = {};

    beforeAll(async () => {
      for (const name of ['draftHero', 'draftBody', 'liveHero', 'liveBody', 'shared', 'unused', 'embargoed', 'embargoedBody', 'killedBody', 'advert']) {
        ids[name] = await photo(t.payload, `Photo ${name}`, contributor);
        files[name] = (await t.payload.findByID({ collection: 'media', id: ids[name]!, overrideAccess: true })).filename!;
      }
      await story(t.payload, 'Draft one', { hero: ids.draftHero, inBody: ids.draftBody, status: 'draft' });
      await story(t.payload, 'Live one', { hero: ids.liveHero, inBody: ids.liveBody, status: 'published', publishedAt: anHourAgo() });
      // Used by a draft, but also in the body of a live story: readers already see it.
      await story(t.payload, 'Draft two', { hero: ids.shared, status: 'draft' });
      await story(t.payload, 'Live two', { inBody: ids.shared, status: 'published', publishedAt: anHourAgo() });
      await story(t.payload, 'Embargoed one', { hero: ids.embargoed, status: 'published', publishedAt: inOneHour() });
      // In the body only, of a story out in an hour and of one that was killed.
      await story(t.payload, 'Embargoed two', { inBody: ids.embargoedBody, status: 'published', publishedAt: inOneHour() });
      const killed = await story(t.payload, 'Killed one', { inBody: ids.killedBody, status: 'published', publishedAt: anHourAgo() });
      // As the kill endpoint leaves the row (only it may set the field): straight through the adapter.
      await t.payload.db.updateOne({ collection: 'articles', id: killed.id, data: { killedAt: anHourAgo() } });
      // A house ad shows this one, although only a draft story uses it.
      await story(t.payload, 'Draft three', { hero: ids.advert, status: 'draft' });
      await t.payload.create({
        collection: 'ad-slots',
        overrideAccess: true,
        data: { name: 'House', label: 'Advertisement', sizes: [{ breakpoint: 'mobile', width: 300, height: 250 }], placement: { kind: 'top' }, creative: { kind: 'house', image: ids.advert as never, link: 'https://example.com' } },
      });
    });

    const visibleIds = async () => {
      const found = await t.payload.find({ collection: 'media', overrideAccess: false, pagination: false, depth: 0 });
      return new Set<Id>(found.docs.map((d) => d.id));
    };

    it('lists every photo except those only unpublished stories use (drafts and embargoed stories)', async () => {
      const visible = await visibleIds();
      for (const name of ['liveHero', 'liveBody', 'shared', 'unused', 'advert']) expect({ name, visible: visible.has(ids[name]!) }).toEqual({ name, visible: true });
      for (const name of ['draftHero', 'draftBody', 'embargoed', 'embargoedBody', 'killedBody']) expect({ name, visible: visible.has(ids[name]!) }).toEqual({ name, visible: false });
      await expect(t.payload.findByID({ collection: 'media', id: ids.draftHero!, overrideAccess: false })).rejects.toThrow();
      const staff = await t.payload.find({ collection: 'media', user: contributor as never, overrideAccess: false, pagination: false, depth: 0 });
      expect(staff.docs.map((d) => d.id)).toEqual(expect.arrayContaining(Object.values(ids)));
    });

    it('serves the file (and its resized copies) of a live photo, and refuses that of a draft-only one', async () => {
      const live = await rest(t, `/media/file/${files.liveHero}`);
      expect(live.status).toBe(200);
      expect(live.headers.get('content-type')).toMatch(/^image\/png/);
      const thumb = (await t.payload.findByID({ collection: 'media', id: ids.draftHero!, overrideAccess: true })).sizes?.thumbnail?.filename;
      for (const file of [files.draftHero, files.embargoed, thumb]) {
        const response = await rest(t, `/media/file/${file}`);
        expect({ file, refused: [403, 404].includes(response.status) }).toEqual({ file, refused: true });
      }
      const asStaff = await rest(t, `/media/file/${files.draftHero}`, { token: contributorToken });
      expect(asStaff.status).toBe(200);
    });

    it('does not show who uploaded a photo or wrote a story to anonymous readers; staff see it', async () => {
      const anonymousPhoto = await t.payload.findByID({ collection: 'media', id: ids.liveHero!, overrideAccess: false });
      expect(anonymousPhoto).not.toHaveProperty('createdBy');
      const articles = await rest(t, '/articles?depth=0&limit=50');
      expect(articles.status).toBe(200);
      expect(articles.body.docs.length).toBeGreaterThan(0);
      for (const doc of articles.body.docs) expect(doc).not.toHaveProperty('createdBy');
      expect(JSON.stringify(articles.body)).not.toMatch(/createdBy/);
      const staffPhoto = await t.payload.findByID({ collection: 'media', id: ids.liveHero!, user: editor as never, overrideAccess: false, depth: 0 });
      expect(staffPhoto.createdBy).toBe(contributor.id);
    });

    it('shows a draft’s photos the moment the story is published', async () => {
      const draft = await t.payload.find({ collection: 'articles', where: { headline: { equals: 'Draft one' } }, draft: true, overrideAccess: true, depth: 0 });
      expect((await visibleIds()).has(ids.draftHero!)).toBe(false);
      await t.payload.update({ collection: 'articles', id: draft.docs[0]!.id, data: { _status: 'published', publishedAt: anHourAgo() }, overrideAccess: true });
      const visible = await visibleIds();
      expect(visible.has(ids.draftHero!)).toBe(true);
      expect(visible.has(ids.draftBody!)).toBe(true);
      expect((await rest(t, `/media/file/${files.draftHero}`)).status).toBe(200);
    });

    it('shows an embargoed story’s photo when its time comes, with no further save', async () => {
      const photoId = await photo(t.payload, 'Out in two seconds', contributor);
      const at = Date.now() + 2000;
      await story(t.payload, 'Out soon', { hero: photoId, status: 'published', publishedAt: new Date(at).toISOString() });
      expect((await visibleIds()).has(photoId)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now() + 50)));
      expect((await visibleIds()).has(photoId)).toBe(true);
    });
  });
});
