/**
 * The role matrix: anonymous / contributor / editor / admin × create / read / update / delete /
 * publish on every collection, each cell run through the Local API with `overrideAccess: false` —
 * the same access functions REST and GraphQL use.
 */
import sharp from 'sharp';
import type { CollectionSlug, Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Role } from '../../src/access/roles';
import { paragraphsToLexical } from '../../src/lib/lexical';
import { DIALECTS, openTestPayload, type TestPayload } from '../support/databases';
import { makeUser, type TestUser } from '../support/fixtures';

type Who = 'anonymous' | Role;
type Operation = 'create' | 'read' | 'update' | 'delete' | 'publish';
const WHO: Who[] = ['anonymous', 'contributor', 'editor', 'admin'];

/** Allowed (true) or refused (false), in WHO order. */
type Row = [boolean, boolean, boolean, boolean];
const EXPECTED: Record<string, Partial<Record<Operation, Row>>> = {
  // Another person's draft article.
  articles: {
    create: [false, true, true, true],
    read: [false, true, true, true],
    update: [false, false, true, true],
    delete: [false, false, true, true],
    publish: [false, false, true, true],
  },
  // The contributor's own draft.
  'own-articles': {
    read: [false, true, true, true],
    update: [false, true, true, true],
    delete: [false, true, true, true],
    publish: [false, false, true, true],
  },
  media: { create: [false, true, true, true], read: [true, true, true, true], update: [false, true, true, true], delete: [false, false, true, true] },
  authors: { create: [false, false, true, true], read: [true, true, true, true], update: [false, false, true, true], delete: [false, false, true, true] },
  sections: { create: [false, false, true, true], read: [true, true, true, true], update: [false, false, true, true], delete: [false, false, true, true] },
  'ad-slots': { create: [false, false, true, true], read: [true, true, true, true], update: [false, false, true, true], delete: [false, false, true, true] },
  headlines: { create: [false, false, true, true], read: [true, true, true, true], update: [false, false, true, true], delete: [false, false, true, true] },
  // Another person's account.
  users: { create: [false, false, false, true], read: [false, false, false, true], update: [false, false, false, true], delete: [false, false, false, true] },
};

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}`;

async function png() {
  const data = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer();
  return { data, mimetype: 'image/png', name: `p${++counter}.png`, size: data.length };
}

type Fixture = {
  collection: CollectionSlug;
  /** A fresh record to act on, made by `owner` (or the system). */
  make(payload: Payload, owner?: TestUser): Promise<number | string>;
  createData(): Record<string, unknown>;
  updateData(): Record<string, unknown>;
  file?: boolean;
  draft?: boolean;
};

const article = (headline: string) => ({
  headline,
  body: paragraphsToLexical(['Copy.']),
  dateline: { month: 2, day: 3, agency: 'Test' },
  _status: 'draft',
});

const FIXTURES: Record<string, Fixture> = {
  articles: {
    collection: 'articles',
    draft: true,
    make: async (payload) => (await payload.create({ collection: 'articles', draft: true, overrideAccess: true, data: article(unique('Other')) as never })).id,
    createData: () => article(unique('New')),
    updateData: () => ({ headline: unique('Edited') }),
  },
  'own-articles': {
    collection: 'articles',
    draft: true,
    make: async (payload, owner) =>
      (await payload.create({ collection: 'articles', draft: true, overrideAccess: false, user: owner as never, data: article(unique('Mine')) as never })).id,
    createData: () => article(unique('New')),
    updateData: () => ({ headline: unique('Edited') }),
  },
  media: {
    collection: 'media',
    file: true,
    make: async (payload) => (await payload.create({ collection: 'media', overrideAccess: true, file: await png(), data: { alt: 'A square' } })).id,
    createData: () => ({ alt: unique('Alt') }),
    updateData: () => ({ caption: unique('Caption') }),
  },
  authors: {
    collection: 'authors',
    make: async (payload) => (await payload.create({ collection: 'authors', overrideAccess: true, data: { name: unique('Writer') } })).id,
    createData: () => ({ name: unique('Writer') }),
    updateData: () => ({ bio: unique('Bio') }),
  },
  sections: {
    collection: 'sections',
    make: async (payload) => (await payload.create({ collection: 'sections', overrideAccess: true, data: { name: unique('Desk') } })).id,
    createData: () => ({ name: unique('Desk') }),
    updateData: () => ({ description: unique('About') }),
  },
  'ad-slots': {
    collection: 'ad-slots',
    make: async (payload) =>
      (await payload.create({ collection: 'ad-slots', overrideAccess: true, data: slot() as never })).id,
    createData: slot,
    updateData: () => ({ label: 'Sponsored' }),
  },
  headlines: {
    collection: 'headlines',
    make: async (payload) =>
      (await payload.create({ collection: 'headlines', overrideAccess: true, data: { title: unique('Elsewhere'), url: 'https://example.com/x' } })).id,
    createData: () => ({ title: unique('Elsewhere'), url: 'https://example.com/y' }),
    updateData: () => ({ pinned: true }),
  },
  users: {
    collection: 'users',
    make: async (payload) =>
      (await payload.create({ collection: 'users', overrideAccess: true, data: { email: `${unique('u').replace(' ', '')}@example.test`, password: 'a long password 1', role: 'contributor' } })).id,
    createData: () => ({ email: `${unique('n').replace(' ', '')}@example.test`, password: 'a long password 2', role: 'contributor' }),
    updateData: () => ({ name: unique('Name') }),
  },
};

function slot() {
  return {
    name: unique('Slot'),
    label: 'Advertisement',
    sizes: [{ breakpoint: 'mobile', width: 300, height: 250 }],
    placement: { kind: 'top' },
    creative: { kind: 'house' },
  };
}

async function attempt(t: TestPayload, fixture: Fixture, op: Operation, user: TestUser | undefined): Promise<boolean> {
  const as = { overrideAccess: false, user: user as never } as const;
  const { payload } = t;
  try {
    if (op === 'create') {
      await payload.create({
        collection: fixture.collection,
        data: fixture.createData() as never,
        ...(fixture.draft ? { draft: true } : {}),
        ...(fixture.file ? { file: await png() } : {}),
        ...as,
      });
      return true;
    }
    const id = await fixture.make(payload, user ?? undefined);
    if (op === 'read') {
      const doc = await payload.findByID({ collection: fixture.collection, id, draft: fixture.draft, depth: 0, ...as });
      return doc?.id === id;
    }
    if (op === 'update') {
      await payload.update({ collection: fixture.collection, id, data: fixture.updateData() as never, draft: fixture.draft, ...as });
      return true;
    }
    if (op === 'delete') {
      await payload.delete({ collection: fixture.collection, id, ...as });
      return true;
    }
    await payload.update({ collection: fixture.collection, id, data: { _status: 'published' } as never, ...as });
    const after = await payload.findByID({ collection: fixture.collection, id, overrideAccess: true, depth: 0 });
    return (after as { _status?: string })._status === 'published';
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 404 || status === 401) return false;
    throw error;
  }
}

describe.each(DIALECTS)('role matrix on %s', (dialect) => {
  let t: TestPayload;
  const users: Partial<Record<Who, TestUser>> = {};
  beforeAll(async () => {
    t = await openTestPayload(dialect);
    users.contributor = await makeUser(t.payload, 'contributor');
    users.editor = await makeUser(t.payload, 'editor');
    users.admin = await makeUser(t.payload, 'admin');
  });
  afterAll(async () => t?.close());

  for (const [name, row] of Object.entries(EXPECTED)) {
    for (const [op, allowed] of Object.entries(row) as [Operation, Row][]) {
      WHO.forEach((who, index) => {
        const expected = allowed[index]!;
        it(`${who} ${expected ? 'may' : 'may not'} ${op} ${name}`, async () => {
          // "own-articles" are made by the acting contributor; for the other roles, by the contributor too.
          const owner = name === 'own-articles' ? users.contributor : users[who];
          const fixture = name === 'own-articles' ? { ...FIXTURES[name]!, make: (p: Payload) => FIXTURES[name]!.make(p, owner) } : FIXTURES[name]!;
          expect(await attempt(t, fixture, op, users[who])).toBe(expected);
        });
      });
    }
  }
});
