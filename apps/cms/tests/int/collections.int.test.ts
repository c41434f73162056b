import { slugify } from '@newsroom/schema';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { lexicalToParagraphs } from '../../src/lib/lexical';
import { DEMO_STORIES } from '../../src/seed/demo-content';
import { seedDemo } from '../../src/seed/seed-demo';
import { countAll, DIALECTS, openTestPayload, type TestPayload } from '../support/databases';
import { fieldErrors, makeArticle } from '../support/fixtures';

async function pngFile(width: number, height: number) {
  const data = await sharp({ create: { width, height, channels: 3, background: { r: 20, g: 90, b: 160 } } }).png().toBuffer();
  return { data, mimetype: 'image/png', name: 'harbor.png', size: data.length };
}

describe.each(DIALECTS)('collections on %s', (dialect) => {
  let t: TestPayload;
  beforeAll(async () => {
    t = await openTestPayload(dialect);
  });
  afterAll(async () => t?.close());

  it('makes a slug from the headline, and keeps slugs unique', async () => {
    const first = await makeArticle(t.payload, { headline: 'Ferry strike: talks resume — “cautiously” hopeful' });
    const second = await makeArticle(t.payload, { headline: 'Ferry strike: talks resume — “cautiously” hopeful' });
    expect(first.slug).toBe('ferry-strike-talks-resume-cautiously-hopeful');
    expect(second.slug).toBe('ferry-strike-talks-resume-cautiously-hopeful-2');
  });

  it('keeps an edited slug, made URL-safe', async () => {
    const doc = await makeArticle(t.payload, { headline: 'Original headline' });
    const updated = await t.payload.update({ collection: 'articles', id: doc.id, data: { slug: 'My Custom Slug!' }, overrideAccess: true });
    expect(updated.slug).toBe('my-custom-slug');
  });

  it('stamps publishedAt when a story goes live without one, and keeps versions', async () => {
    const draft = await makeArticle(t.payload, { headline: 'Versioned', status: 'draft' });
    expect(draft.publishedAt ?? null).toBeNull();
    const live = await t.payload.update({ collection: 'articles', id: draft.id, data: { _status: 'published' }, overrideAccess: true });
    expect(live._status).toBe('published');
    expect(Date.parse(String(live.publishedAt))).toBeGreaterThan(Date.now() - 60_000);
    const versions = await t.payload.findVersions({ collection: 'articles', where: { parent: { equals: draft.id } }, overrideAccess: true });
    expect(versions.totalDocs).toBeGreaterThanOrEqual(2);
  });

  it('stores a photo with its rights and generates the image sizes', async () => {
    const media = await t.payload.create({
      collection: 'media',
      overrideAccess: true,
      file: await pngFile(1600, 900),
      data: {
        alt: 'Boats moored in a harbor at dusk',
        caption: 'The harbor at dusk.',
        credit: 'File Photo by Ana Ruiz/Newsroom',
        creator: 'Ana Ruiz',
        copyright: '© Newsroom',
        licenseUrl: 'https://example.com/license/harbor',
      },
    });
    expect(media.credit).toBe('File Photo by Ana Ruiz/Newsroom');
    expect(media.sizes?.card?.width).toBe(768);
    expect(media.sizes?.card?.height).toBe(432);
    expect(media.sizes?.thumbnail?.width).toBe(400);
  });

  it('publishes a story with a hero image only when it has alt text and a credit', async () => {
    const image = await t.payload.create({ collection: 'media', overrideAccess: true, file: await pngFile(60, 40), data: { alt: ' ' } });
    const draft = await makeArticle(t.payload, { headline: 'Hero rights', status: 'draft' });
    await t.payload.update({ collection: 'articles', id: draft.id, draft: true, overrideAccess: true, data: { hero: { image: image.id } } });
    const publish = (hero: Record<string, unknown>) =>
      t.payload.update({ collection: 'articles', id: draft.id, overrideAccess: true, data: { _status: 'published', hero: { image: image.id, ...hero } } });
    expect(await fieldErrors(publish({}))).toEqual([
      { path: 'hero.alt', message: 'A published hero photo needs alt text describing it.' },
      { path: 'hero.credit', message: 'A published hero photo needs a credit line, e.g. "Photo by Ana Ruiz/Newsroom".' },
    ]);
    const live = await publish({ alt: 'Fishing boats at the quay', credit: 'Photo by Ana Ruiz/Newsroom' });
    expect(live._status).toBe('published');
  });

  it('refuses a photo without alt text, naming the field', async () => {
    await expect(
      t.payload.create({ collection: 'media', overrideAccess: true, file: await pngFile(40, 40), data: { caption: 'No alt' } as never }),
    ).rejects.toThrow(/alt/i);
  });

  it('refuses a license URL that is not http(s)', async () => {
    const attempt = t.payload.create({
      collection: 'media',
      overrideAccess: true,
      file: await pngFile(40, 40),
      data: { alt: 'x', licenseUrl: 'javascript:alert(1)' },
    });
    expect(await fieldErrors(attempt)).toEqual([{ path: 'licenseUrl', message: 'License URL must be an http(s) address' }]);
  });

  it('requires a headline to point somewhere safe', async () => {
    expect(await fieldErrors(t.payload.create({ collection: 'headlines', overrideAccess: true, data: { title: 'Nowhere' } }))).toEqual([
      { path: 'url', message: 'Choose an article or give a URL' },
    ]);
    const bad = t.payload.create({ collection: 'headlines', overrideAccess: true, data: { title: 'Bad', url: 'javascript:alert(1)' } });
    expect(await fieldErrors(bad)).toEqual([{ path: 'url', message: 'URL must be an http(s) address' }]);
  });

  it('labels ad slots "Advertisement" by default and keeps HTML creatives as given', async () => {
    const slot = await t.payload.create({
      collection: 'ad-slots',
      overrideAccess: true,
      data: {
        name: 'MPU',
        label: 'Advertisement',
        sizes: [{ breakpoint: 'mobile', width: 300, height: 250 }],
        placement: { kind: 'every', paragraph: 3, every: 4, max: 2 },
        creative: { kind: 'html', html: '<script>top.location="https://evil.example"</script>' },
      },
    });
    expect(slot.label).toBe('Advertisement');
    const unlabelled = await t.payload.create({
      collection: 'ad-slots',
      overrideAccess: true,
      data: { name: 'Unlabelled', sizes: [{ breakpoint: 'mobile', width: 320, height: 50 }] } as never,
    });
    expect(unlabelled.label).toBe('Advertisement');
    expect(slot.creative?.html).toContain('<script>');
  });

  it('seeds demo accounts and stories once: a second run adds nothing', async () => {
    const before = await countAll(t.payload);
    const first = await seedDemo(t.payload, { password: 'demo-password-1' });
    expect(first.createdAccounts).toEqual(['admin@example.com', 'editor@example.com', 'contributor@example.com']);
    expect(first.created.articles).toBe(3);
    const afterFirst = await countAll(t.payload);
    const second = await seedDemo(t.payload, { password: 'demo-password-1' });
    expect(second.createdAccounts).toEqual([]);
    expect(Object.values(second.created).every((n) => n === 0)).toBe(true);
    expect(await countAll(t.payload)).toEqual(afterFirst);
    expect(afterFirst.articles - before.articles).toBe(3);

    const login = await t.payload.login({ collection: 'users', data: { email: 'editor@example.com', password: 'demo-password-1' } });
    expect(login.user?.role).toBe('editor');
    const story = await t.payload.find({ collection: 'articles', where: { slug: { equals: 'night-buses-return-to-the-river-line-after-a-four-year-pause' } }, overrideAccess: false, depth: 1 });
    expect(story.docs[0]?.authors?.map((a) => (typeof a === 'object' ? a.name : a))).toEqual(['Ines Varga', 'Mara Lindqvist']);
    expect(lexicalToParagraphs(story.docs[0]?.body)).toHaveLength(7);
  });

  it('gives every demo story a photo of its own, its rights read from the file the seed drew', async () => {
    const stories = await t.payload.find({ collection: 'articles', where: { slug: { in: DEMO_STORIES.map((story) => slugify(story.headline)) } }, overrideAccess: false, depth: 1 });
    expect(stories.docs).toHaveLength(DEMO_STORIES.length);
    for (const story of stories.docs) {
      const image = story.hero?.image;
      expect(typeof image === 'object' && image, story.slug!).toBeTruthy();
      const media = image as Exclude<typeof image, number | string | null | undefined>;
      const demo = DEMO_STORIES.find((entry) => slugify(entry.headline) === story.slug)!.photo!;
      expect(media).toMatchObject({ width: 2400, height: 1600, alt: demo.alt, caption: demo.caption, credit: demo.credit, creator: demo.creator });
      expect(media.copyright).toMatch(/^© \d{4} Newsroom Daily$/);
      expect(media.rightsFromFile).toBe('caption, creator, credit line, copyright, usage terms');
      expect(media.sizes?.w800Avif?.width).toBe(800);
    }
  });
});
