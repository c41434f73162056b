import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { validateRichText } from '@newsroom/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { importWireStories, parseWireFiles, type WireImportError } from '../../src/import/wire-import';
import { lexicalToParagraphs } from '../../src/lib/lexical';
import { countAll, DIALECTS, openTestPayload, seedPath, type TestPayload } from '../support/databases';
import { makeUser, pngUpload } from '../support/fixtures';

/** A ninjs 3.1 text item of our own; `over` replaces or adds properties. */
function ninjs(over: Record<string, unknown> = {}): string {
  return JSON.stringify({
    uri: 'urn:newsroom-test:wire:harbour-cranes',
    type: 'text',
    version: '1',
    pubStatus: 'usable',
    firstCreated: '2026-03-04T08:00:00Z',
    versionCreated: '2026-03-04T08:00:00Z',
    language: 'en',
    headlines: [{ role: 'main', value: 'Harbour cranes return to the east quay' }],
    by: 'Marta Kowalska',
    located: 'GDANSK',
    copyrightNotice: 'Copyright 2026 Baltic Wire',
    usageTerms: 'For use by subscribers only.',
    subjects: [{ name: 'Shipping' }, { name: 'Ports' }],
    bodies: [
      {
        role: 'main',
        contentType: 'text/html',
        value: '<p>Three new cranes were lifted onto the east quay on Tuesday.</p><p>"They are faster," the harbour master said.</p>',
      },
    ],
    ...over,
  });
}

const file = (name: string, content: string) => ({ name, content });

describe.each(DIALECTS)('ninjs import on %s', (dialect) => {
  let t: TestPayload;
  beforeAll(async () => {
    t = await openTestPayload(dialect);
  });
  afterAll(async () => t?.close());

  const anonymousBySlug = async (slug: string) =>
    (await t.payload.find({ collection: 'articles', where: { slug: { equals: slug } }, overrideAccess: false, depth: 0 })).docs[0];

  it('creates a story from version 1, updates it in place from version 2, ignores version 1 again, kills it on canceled', async () => {
    const [v1] = await importWireStories(t.payload, parseWireFiles([file('v1.json', ninjs())]), { publish: true, siteUrl: 'https://news.example' });
    expect(v1).toMatchObject({ status: 'published', change: 'created', slug: 'harbour-cranes-return-to-the-east-quay', version: 1 });
    const live = await anonymousBySlug(v1!.slug!);
    expect(live?.headline).toBe('Harbour cranes return to the east quay');
    expect(live?.tags).toEqual(['Shipping', 'Ports']);
    expect(live?.source).toMatchObject({ uri: 'urn:newsroom-test:wire:harbour-cranes', version: 1, copyrightNotice: 'Copyright 2026 Baltic Wire', language: 'en' });
    expect(lexicalToParagraphs(live!.body)).toEqual(['Three new cranes were lifted onto the east quay on Tuesday.', '"They are faster," the harbour master said.']);

    const v2Content = ninjs({
      version: '2',
      versionCreated: '2026-03-04T10:00:00Z',
      headlines: [{ role: 'main', value: 'Harbour cranes return to the east quay, two days early' }],
      bodies: [{ role: 'main', contentType: 'text/plain', value: 'Three new cranes were lifted onto the east quay on Tuesday, two days early.\n\nThe quay reopens on Friday.' }],
    });
    const [v2] = await importWireStories(t.payload, parseWireFiles([file('v2.json', v2Content)]), { publish: true, siteUrl: 'https://news.example' });
    expect(v2).toMatchObject({ id: v1!.id, slug: v1!.slug, status: 'published', change: 'updated', version: 2 });
    const updated = await anonymousBySlug(v1!.slug!);
    expect(updated?.headline).toBe('Harbour cranes return to the east quay, two days early');
    expect(lexicalToParagraphs(updated!.body)).toEqual(['Three new cranes were lifted onto the east quay on Tuesday, two days early.', 'The quay reopens on Friday.']);

    const before = await countAll(t.payload);
    const [again] = await importWireStories(t.payload, parseWireFiles([file('v1-again.json', ninjs())]), { publish: true });
    expect(again).toMatchObject({ id: v1!.id, status: 'unchanged', change: 'unchanged' });
    expect(again!.note).toMatch(/version 1 .* not newer than the imported version 2/);
    expect(await countAll(t.payload)).toEqual(before);
    expect((await anonymousBySlug(v1!.slug!))?.headline).toBe('Harbour cranes return to the east quay, two days early');

    const [v3] = await importWireStories(t.payload, parseWireFiles([file('v3.json', ninjs({ version: '3', pubStatus: 'canceled' }))]), { publish: true });
    expect(v3).toMatchObject({ id: v1!.id, status: 'killed', change: 'killed' });
    expect(await anonymousBySlug(v1!.slug!)).toBeUndefined();
    const killed = await t.payload.findByID({ collection: 'articles', id: v1!.id!, overrideAccess: true, depth: 0 });
    expect(killed.killedAt).toBeTruthy();
    expect(killed.killReason).toMatch(/canceled by the agency/i);
    const [v3again] = await importWireStories(t.payload, parseWireFiles([file('v3.json', ninjs({ version: '3', pubStatus: 'canceled' }))]), { publish: true });
    expect(v3again).toMatchObject({ status: 'unchanged' });
  });

  it('takes a withheld version down and keeps an embargoed story from readers until it lifts', async () => {
    const uri = 'urn:newsroom-test:wire:ferry-timetable';
    const [v1] = await importWireStories(
      t.payload,
      parseWireFiles([file('ferry.json', ninjs({ uri, headlines: [{ value: 'Winter ferry timetable published' }] }))]),
      { publish: true },
    );
    expect(await anonymousBySlug(v1!.slug!)).toBeDefined();
    const [v2] = await importWireStories(
      t.payload,
      parseWireFiles([file('ferry-2.json', ninjs({ uri, version: '2', pubStatus: 'withheld', headlines: [{ value: 'Winter ferry timetable published' }] }))]),
      { publish: true },
    );
    expect(v2).toMatchObject({ id: v1!.id, status: 'draft', change: 'withheld' });
    expect(await anonymousBySlug(v1!.slug!)).toBeUndefined();

    const lifts = new Date(Date.now() + 3_600_000).toISOString();
    const [embargoed] = await importWireStories(
      t.payload,
      parseWireFiles([file('embargo.json', ninjs({ uri: 'urn:newsroom-test:wire:budget', headlines: [{ value: 'City budget to be presented' }], embargoedUntil: lifts }))]),
      { publish: true },
    );
    expect(embargoed).toMatchObject({ status: 'published', change: 'created' });
    expect(await anonymousBySlug(embargoed!.slug!)).toBeUndefined();
    const stored = await t.payload.findByID({ collection: 'articles', id: embargoed!.id!, overrideAccess: true, depth: 0 });
    expect(Date.parse(String(stored.embargoedUntil))).toBe(Date.parse(lifts));
  });

  it('keeps hostile HTML out of the body and reads the picture association into the hero photo rights', async () => {
    const [story] = await importWireStories(
      t.payload,
      parseWireFiles([
        file(
          'hostile.json',
          ninjs({
            uri: 'urn:newsroom-test:wire:hostile',
            headlines: [{ value: 'Council <b>approves</b> the tram plan' }],
            bodies: [
              {
                contentType: 'text/html',
                value:
                  '<p onclick="alert(1)">The council voted <strong>9 to 2</strong>.<script>alert(2)</script></p><iframe src="https://evil.example"></iframe><p><a href="javascript:alert(3)">Read</a> <a href="https://council.example/vote">the vote</a></p>',
              },
            ],
            associations: [
              {
                name: 'mainpic',
                type: 'picture',
                uri: 'urn:newsroom-test:picture:tram',
                by: 'Ines Duarte',
                copyrightNotice: '© 2026 Baltic Wire',
                usageTerms: 'Editorial use only.',
                headlines: [{ value: 'A tram on the test track' }],
                descriptions: [{ role: 'caption', value: 'A tram on the new test track on Monday.' }],
                renditions: [{ name: 'original', href: 'https://images.invalid/tram.jpg', contentType: 'image/jpeg', width: 2400, height: 1600 }],
              },
            ],
          }),
        ),
      ]),
      { publish: true },
    );
    const doc = await t.payload.findByID({ collection: 'articles', id: story!.id!, overrideAccess: true, depth: 0 });
    expect(doc.headline).toBe('Council approves the tram plan');
    const body = JSON.stringify(doc.body);
    expect(body).not.toMatch(/script|onclick|iframe|javascript:|alert/);
    expect(body).toContain('https://council.example/vote');
    expect(validateRichText(doc.body).ok).toBe(true);
    expect(doc.hero).toMatchObject({ creator: 'Ines Duarte', copyright: '© 2026 Baltic Wire', usageTerms: 'Editorial use only.', caption: 'A tram on the new test track on Monday.' });
  });

  it('refuses a malformed file with the JSON path of the problem and writes nothing from its run', async () => {
    const before = await countAll(t.payload);
    let thrown: unknown;
    try {
      parseWireFiles([
        file('good.json', ninjs({ uri: 'urn:newsroom-test:wire:good-one' })),
        file('bad.json', ninjs({ uri: 'urn:newsroom-test:wire:bad-one', headlines: [{ value: 42 }] })),
        file('broken.json', '{"uri": "urn:x", "type": "text",'),
      ]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AggregateError);
    const errors = (thrown as AggregateError).errors as WireImportError[];
    expect(errors.map((e) => e.file)).toEqual(['bad.json', 'broken.json']);
    expect(errors[0]!.message).toMatch(/headlines\[0\]\.value|headlines\/0\/value/);
    expect(errors[1]!.message).toMatch(/JSON/);
    expect(await countAll(t.payload)).toEqual(before);
  });

  it('imports the same text file once: the second time it is unchanged', async () => {
    const seed = readFileSync(seedPath);
    const [first] = await importWireStories(t.payload, parseWireFiles([file('seed.txt', seed.toString('utf8'))], { year: 2018 }));
    expect(first).toMatchObject({ change: 'created', status: 'draft' });
    expect(first!.uri).toMatch(/^urn:newsroom:wire-text:sha256:[0-9a-f]{64}$/);
    const [second] = await importWireStories(t.payload, parseWireFiles([file('seed-copy.txt', seed.toString('utf8'))], { year: 2018 }));
    expect(second).toMatchObject({ id: first!.id, slug: first!.slug, status: 'unchanged' });
  });

  it('fetches the picture from an allowed host into a media document with its rights, and from no other host', async () => {
    const png = (await pngUpload(64, 48)).data;
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': png.length });
      res.end(png);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const href = `http://127.0.0.1:${(server.address() as AddressInfo).port}/photos/lighthouse.png`;
    const withPicture = (uri: string) =>
      ninjs({
        uri,
        headlines: [{ value: `Lighthouse repainted ${uri.slice(-1)}` }],
        associations: [
          {
            name: 'mainpic',
            type: 'picture',
            uri: `${uri}:picture`,
            by: 'Ola Nordmann',
            copyrightNotice: '© 2026 Baltic Wire',
            usageTerms: 'Editorial use only.',
            descriptions: [{ role: 'caption', value: 'The lighthouse in its new colours.' }],
            renditions: [{ name: 'original', href, contentType: 'image/png', width: 64, height: 48 }],
          },
        ],
      });
    try {
      const [refused] = await importWireStories(t.payload, parseWireFiles([file('a.json', withPicture('urn:newsroom-test:lighthouse:a'))]), {
        publish: true,
        photoHosts: ['photos.example'],
      });
      expect(hits).toBe(0);
      // "*" is any public address: never the loopback interface unless it is named.
      await importWireStories(t.payload, parseWireFiles([file('c.json', withPicture('urn:newsroom-test:lighthouse:c'))]), { publish: true, photoHosts: ['*'] });
      expect(hits).toBe(0);
      const withoutFile = await t.payload.findByID({ collection: 'articles', id: refused!.id!, overrideAccess: true, depth: 0 });
      expect(withoutFile.hero?.image ?? null).toBeNull();
      expect(withoutFile.hero?.creator).toBe('Ola Nordmann');

      // What readers may see of photos is worked out while the story is staged (a reader's request between the run's
      // batches and its going live): the photo is held back then, and shown the moment the run is live.
      const readersSee = async () =>
        new Set<number | string>((await t.payload.find({ collection: 'media', overrideAccess: false, pagination: false, depth: 0 })).docs.map((m) => m.id));
      let seenWhileStaged: Set<number | string> | undefined;
      const [story] = await importWireStories(t.payload, parseWireFiles([file('b.json', withPicture('urn:newsroom-test:lighthouse:b'))]), {
        publish: true,
        photoHosts: ['127.0.0.1'],
        onBatch: async () => {
          seenWhileStaged = await readersSee();
        },
      });
      expect(hits).toBe(1);
      const doc = await t.payload.findByID({ collection: 'articles', id: story!.id!, overrideAccess: true, depth: 1 });
      const media = doc.hero?.image as { id: number | string; creator?: string; copyright?: string; usageTerms?: string; width?: number; caption?: string } | null;
      expect(media).toMatchObject({ creator: 'Ola Nordmann', copyright: '© 2026 Baltic Wire', usageTerms: 'Editorial use only.', width: 64, caption: 'The lighthouse in its new colours.' });
      expect(seenWhileStaged?.has(media!.id)).toBe(false);
      expect((await readersSee()).has(media!.id)).toBe(true);
    } finally {
      server.close();
    }
  });

  it('updates a draft story in place and remembers the version on it, so the same version again is unchanged', async () => {
    const uri = 'urn:newsroom-test:wire:draft-updates';
    const [v1] = await importWireStories(t.payload, parseWireFiles([file('d1.json', ninjs({ uri, headlines: [{ value: 'Draft wire story, first take' }] }))]));
    expect(v1).toMatchObject({ status: 'draft', change: 'created' });
    const v2File = () => parseWireFiles([file('d2.json', ninjs({ uri, version: '2', headlines: [{ value: 'Draft wire story, second take' }] }))]);
    const [v2] = await importWireStories(t.payload, v2File());
    expect(v2).toMatchObject({ id: v1!.id, slug: v1!.slug, status: 'draft', change: 'updated' });
    const doc = await t.payload.findByID({ collection: 'articles', id: v1!.id!, overrideAccess: true, depth: 0, draft: true });
    expect(doc.headline).toBe('Draft wire story, second take');
    expect(doc.source?.version).toBe(2);
    const [again] = await importWireStories(t.payload, v2File());
    expect(again).toMatchObject({ status: 'unchanged' });
  });

  it('refuses a contributor a new version of a story already in the newsroom, and tells them nothing of it', async () => {
    const uri = 'urn:newsroom-test:wire:contributor';
    await importWireStories(t.payload, parseWireFiles([file('c1.json', ninjs({ uri, headlines: [{ value: 'Story an editor published' }] }))]), { publish: true });
    const contributor = await makeUser(t.payload, 'contributor');
    for (const over of [{ version: '2', pubStatus: 'canceled' }, { version: '2', headlines: [{ value: 'Rewritten by a contributor' }] }, { version: '1' }]) {
      await expect(
        importWireStories(t.payload, parseWireFiles([file('c2.json', ninjs({ uri, headlines: [{ value: 'Story an editor published' }], ...over }))]), { user: contributor as never }),
      ).rejects.toThrow(/only an editor imports its new versions/);
    }
    const live = await t.payload.find({ collection: 'articles', where: { 'source.uri': { equals: uri } }, overrideAccess: true, depth: 0 });
    expect(live.docs[0]).toMatchObject({ headline: 'Story an editor published', _status: 'published' });
    expect(live.docs[0]!.killedAt ?? null).toBeNull();
  });
});
