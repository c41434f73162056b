/**
 * The role matrix: anonymous / contributor / editor / admin × create / read / update / delete /
 * publish on every collection — plus photos by owner and use, lifting a sign-in lock, scheduled
 * publishing, the newsroom workflow (status moves, assignee, deadline, embargo, corrections), the
 * audit log, and killing and restoring a story — each cell run through the Local API with
 * `overrideAccess: false` (the same access functions REST and GraphQL use), through the admin's own
 * server function for schedules, or over REST for the kill and restore endpoints.
 */
import sharp from 'sharp';
import { createLocalReq, type CollectionSlug, type Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { newsroomServerFunctions } from '../../src/access/scheduleServerFunction';
import type { Role } from '../../src/access/roles';
import { paragraphsToLexical } from '../../src/lib/lexical';
import { DIALECTS, openTestPayload, type TestPayload } from '../support/databases';
import { anHourAgo, inOneHour, makeUser, TEST_PASSWORD, type TestUser } from '../support/fixtures';
import { rest } from '../support/rest';

type Who = 'anonymous' | Role;
type Operation =
  | 'create'
  | 'read'
  | 'update'
  | 'delete'
  | 'publish'
  | 'unlock'
  // The newsroom workflow: a move to a status, and the desk's fields.
  | 'to-pitch'
  | 'to-assigned'
  | 'to-in-progress'
  | 'to-in-review'
  | 'to-ready'
  | 'assign'
  | 'set-deadline'
  | 'embargo'
  | 'correct'
  // POST /api/articles/:id/kill and /restore.
  | 'kill'
  | 'restore';
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
  // Someone else's photo (here: uploaded by the system), used by no story.
  media: { create: [false, true, true, true], read: [true, true, true, true], update: [false, false, true, true], delete: [false, false, true, true] },
  // A photo the contributor uploaded, used by no story.
  'own-media': { read: [true, true, true, true], update: [false, true, true, true], delete: [false, false, true, true] },
  // The contributor's own photo, the hero of a published story: the desk's now.
  'live-media': { read: [true, true, true, true], update: [false, false, true, true], delete: [false, false, true, true] },
  // The contributor's own photo, used only by a draft: not public yet.
  'draft-media': { read: [false, true, true, true], update: [false, true, true, true] },
  authors: { create: [false, false, true, true], read: [true, true, true, true], update: [false, false, true, true], delete: [false, false, true, true] },
  sections: { create: [false, false, true, true], read: [true, true, true, true], update: [false, false, true, true], delete: [false, false, true, true] },
  'ad-slots': { create: [false, false, true, true], read: [true, true, true, true], update: [false, false, true, true], delete: [false, false, true, true] },
  headlines: { create: [false, false, true, true], read: [true, true, true, true], update: [false, false, true, true], delete: [false, false, true, true] },
  // Another person's account.
  users: {
    create: [false, false, false, true],
    read: [false, false, false, true],
    update: [false, false, false, true],
    delete: [false, false, false, true],
    // Lift the sign-in lock another client earned on this account ("Force unlock").
    unlock: [false, false, false, true],
  },
  // A scheduled publish of the contributor's draft, through the admin's "Schedule publish" drawer:
  // create = schedule one, delete = delete an upcoming one.
  schedules: { create: [false, false, true, true], delete: [false, false, true, true] },
  // The contributor's own draft, in progress: moved to each status, assigned, given a deadline, an
  // embargo, a correction. Contributors move their stories among pitch, in progress and in review.
  'own-workflow': {
    'to-pitch': [false, true, true, true],
    'to-assigned': [false, false, true, true],
    'to-in-review': [false, true, true, true],
    'to-ready': [false, false, true, true],
    assign: [false, false, true, true],
    'set-deadline': [false, false, true, true],
    embargo: [false, false, true, true],
    correct: [false, false, true, true],
  },
  // The contributor's own draft once an editor has marked it ready: only the desk moves it back.
  'ready-articles': { 'to-in-progress': [false, false, true, true], 'to-in-review': [false, false, true, true] },
  // The contributor's own story, published: corrections and embargoes are the desk's; so are kills,
  // and only an admin restores a killed story.
  'live-articles': {
    correct: [false, false, true, true],
    embargo: [false, false, true, true],
    kill: [false, false, true, true],
    restore: [false, false, false, true],
  },
  // The audit trail: editors and admins read it; nobody writes, changes or deletes it.
  'audit-log': { create: [false, false, false, false], read: [false, false, true, true], update: [false, false, false, false], delete: [false, false, false, false] },
};

/** Fixtures made by the contributor whichever role acts on them. */
const OWNED_BY_CONTRIBUTOR = new Set(['own-articles', 'own-media', 'live-media', 'draft-media', 'own-workflow', 'ready-articles', 'live-articles']);

/** The instance the current dialect's cells run on (the kill and restore cells go over REST). */
let active: TestPayload;
const tokens = new Map<string, string>();

async function tokenOf(payload: Payload, user: TestUser | undefined): Promise<string | undefined> {
  if (!user) return undefined;
  const key = `${active.key}|${user.email}`;
  if (!tokens.has(key)) {
    // Signed in, the account's stored role counts — and the first account made is always an admin.
    await payload.update({ collection: 'users', id: user.id, overrideAccess: true, data: { role: user.role } });
    tokens.set(key, (await payload.login({ collection: 'users', data: { email: user.email, password: TEST_PASSWORD } })).token!);
  }
  return tokens.get(key);
}

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}`;

async function png() {
  const data = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer();
  return { data, mimetype: 'image/png', name: `p${++counter}.png`, size: data.length };
}

type Fixture = {
  collection: CollectionSlug;
  /** Operations that are not a plain Local API call on the collection. */
  custom?: Partial<Record<Operation, (payload: Payload, user: TestUser | undefined) => Promise<boolean>>>;
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
  'own-media': {
    collection: 'media',
    file: true,
    make: async (payload, owner) => ownPhoto(payload, owner!),
    createData: () => ({ alt: unique('Alt') }),
    updateData: () => ({ caption: unique('Caption') }),
  },
  'live-media': {
    collection: 'media',
    file: true,
    make: async (payload, owner) => {
      const id = await ownPhoto(payload, owner!);
      await payload.create({ collection: 'articles', overrideAccess: true, data: { ...article(unique('Live')), _status: 'published', publishedAt: anHourAgo(), hero: { image: id, alt: 'A square', credit: 'Test' } } as never });
      return id;
    },
    createData: () => ({ alt: unique('Alt') }),
    updateData: () => ({ caption: unique('Caption') }),
  },
  'draft-media': {
    collection: 'media',
    file: true,
    make: async (payload, owner) => {
      const id = await ownPhoto(payload, owner!);
      await payload.create({ collection: 'articles', draft: true, overrideAccess: true, data: { ...article(unique('Draft')), hero: { image: id, alt: 'A square', credit: 'Test' } } as never });
      return id;
    },
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
    custom: {
      unlock: async (payload, user) => {
        const email = `${unique('locked').replace(' ', '')}@example.test`;
        await payload.create({ collection: 'users', overrideAccess: true, data: { email, password: 'a long password 3', role: 'editor' } });
        const from = { req: { headers: new Headers({ 'x-forwarded-for': '198.51.100.77' }) } };
        const signIn = (password: string) => payload.login({ collection: 'users', data: { email, password }, ...from });
        for (let i = 0; i < 5; i++) await expect(signIn('wrong password')).rejects.toThrow();
        await expect(signIn('a long password 3')).rejects.toThrow(/locked/i);
        const allowed = await allowedOrRefused(() => payload.unlock({ collection: 'users', data: { email } as never, overrideAccess: false, req: { user: (user ?? null) as never } }));
        // What the caller was told and what happened agree: unlocked exactly when allowed.
        const unlocked = await signIn('a long password 3').then(() => true, () => false);
        expect(unlocked).toBe(allowed);
        return allowed;
      },
    },
  },
  'own-workflow': workflowFixture('in-progress', {
    'to-pitch': moveTo('pitch'),
    'to-assigned': moveTo('assigned'),
    'to-in-review': moveTo('in-review'),
    'to-ready': moveTo('ready'),
    assign: deskField('assignee', () => cast.editor!.id, (doc) => idOf(doc.assignee)),
    'set-deadline': deskField('deadline', () => inOneHour(), (doc) => (doc.deadline ? Date.parse(String(doc.deadline)) : undefined), (v) => Date.parse(String(v))),
    embargo: deskField('embargoedUntil', () => inOneHour(), (doc) => (doc.embargoedUntil ? Date.parse(String(doc.embargoedUntil)) : undefined), (v) => Date.parse(String(v))),
    correct: deskField('corrections', () => [{ kind: 'correction', text: unique('An earlier version misspelled a name.') }], (doc) => (doc.corrections as unknown[] | undefined)?.length ?? 0, () => 1),
  }),
  'ready-articles': workflowFixture('ready', { 'to-in-progress': moveTo('in-progress'), 'to-in-review': moveTo('in-review') }),
  'live-articles': {
    collection: 'articles',
    make: async (payload, owner) => {
      const id = (await payload.create({ collection: 'articles', draft: true, overrideAccess: false, user: owner as never, data: article(unique('Mine, live')) as never })).id;
      await payload.update({ collection: 'articles', id, overrideAccess: true, data: { _status: 'published', publishedAt: anHourAgo() } as never });
      return id;
    },
    createData: () => ({}),
    updateData: () => ({}),
    custom: {
      correct: async (payload, user) => {
        const id = await FIXTURES['live-articles']!.make(payload, cast.contributor);
        const allowed = await allowedOrRefused(() =>
          payload.update({ collection: 'articles', id, data: { corrections: [{ kind: 'update', text: unique('New figures.') }] } as never, overrideAccess: false, user: user as never }),
        );
        const after = await payload.findByID({ collection: 'articles', id, overrideAccess: true, depth: 0 });
        expect(after.corrections?.length ?? 0).toBe(allowed ? 1 : 0);
        expect(after._status).toBe('published');
        return allowed;
      },
      embargo: async (payload, user) => {
        const id = await FIXTURES['live-articles']!.make(payload, cast.contributor);
        const until = inOneHour();
        const allowed = await allowedOrRefused(() => payload.update({ collection: 'articles', id, data: { embargoedUntil: until } as never, overrideAccess: false, user: user as never }));
        const after = await payload.findByID({ collection: 'articles', id, overrideAccess: true, depth: 0 });
        expect(after.embargoedUntil ? Date.parse(after.embargoedUntil) : undefined).toBe(allowed ? Date.parse(until) : undefined);
        return allowed;
      },
      kill: async (payload, user) => {
        const id = await FIXTURES['live-articles']!.make(payload, cast.contributor);
        const { status } = await rest(active, `/articles/${id}/kill`, { json: { reason: 'Legal asked us to take it down.' }, token: await tokenOf(payload, user) });
        expect([200, user ? 403 : 401]).toContain(status);
        const after = await payload.findByID({ collection: 'articles', id, overrideAccess: true, depth: 0 });
        expect(Boolean(after.killedAt)).toBe(status === 200);
        return status === 200;
      },
      restore: async (payload, user) => {
        const id = await FIXTURES['live-articles']!.make(payload, cast.contributor);
        const admin = cast.admin;
        expect((await rest(active, `/articles/${id}/kill`, { json: { reason: 'Pulled pending review.' }, token: await tokenOf(payload, admin) })).status).toBe(200);
        const { status } = await rest(active, `/articles/${id}/restore`, { method: 'POST', token: await tokenOf(payload, user) });
        expect([200, user ? 403 : 401]).toContain(status);
        const after = await payload.findByID({ collection: 'articles', id, overrideAccess: true, depth: 0 });
        expect(Boolean(after.killedAt)).toBe(status !== 200);
        return status === 200;
      },
    },
  },
  'audit-log': {
    collection: 'audit-log',
    make: async (payload) =>
      (await payload.create({ collection: 'audit-log', overrideAccess: true, data: { action: 'published', at: new Date().toISOString(), articleSlug: unique('story').replace(' ', '-') } })).id,
    createData: () => ({ action: 'killed', at: new Date().toISOString(), articleSlug: 'forged' }),
    updateData: () => ({ summary: 'Rewritten history' }),
  },
  schedules: {
    collection: 'payload-jobs',
    make: async () => 0,
    createData: () => ({}),
    updateData: () => ({}),
    custom: {
      create: async (payload, user) => {
        const draft = await payload.create({ collection: 'articles', draft: true, overrideAccess: true, data: article(unique('To schedule')) as never });
        const before = (await schedulesOf(payload, draft.id)).length;
        const allowed = await allowedOrRefused(() => drawer(payload, user, { type: 'publish', doc: { relationTo: 'articles', value: draft.id }, date: new Date(inOneHour()) }));
        expect((await schedulesOf(payload, draft.id)).length).toBe(allowed ? before + 1 : before);
        return allowed;
      },
      delete: async (payload, user) => {
        const draft = await payload.create({ collection: 'articles', draft: true, overrideAccess: true, data: article(unique('Scheduled')) as never });
        const job = await payload.jobs.queue({ task: 'schedulePublish', input: { type: 'publish', doc: { relationTo: 'articles', value: draft.id } }, waitUntil: new Date(inOneHour()) });
        const allowed = await allowedOrRefused(() => drawer(payload, user, { deleteID: job.id }));
        expect((await schedulesOf(payload, draft.id)).length).toBe(allowed ? 0 : 1);
        return allowed;
      },
    },
  },
};

const idOf = (value: unknown) => (value && typeof value === 'object' ? String((value as { id: unknown }).id) : value == null ? undefined : String(value));

/** The cells' users, by role (made in `beforeAll`). */
const cast: Partial<Record<Role, TestUser>> = {};

type WorkflowCell = (cell: { payload: Payload; user: TestUser | undefined; from: string; id: number | string }) => Promise<boolean>;

/** The contributor's own draft, put in workflow status `from` by the system, for the cells in `cells`. */
function workflowFixture(from: string, cells: Partial<Record<Operation, WorkflowCell>>): Fixture {
  const make = async (payload: Payload, owner?: TestUser) => {
    const id = (await payload.create({ collection: 'articles', draft: true, overrideAccess: false, user: (owner ?? cast.contributor) as never, data: article(unique('Budgeted')) as never })).id;
    if (from !== 'in-progress') await payload.update({ collection: 'articles', id, draft: true, overrideAccess: true, data: { workflowStatus: from } as never });
    return id;
  };
  const custom: Fixture['custom'] = {};
  for (const [op, cell] of Object.entries(cells) as [Operation, WorkflowCell][]) {
    custom[op] = async (payload, user) => cell({ payload, user, from, id: await make(payload, cast.contributor) });
  }
  return { collection: 'articles', draft: true, make, createData: () => ({}), updateData: () => ({}), custom };
}

const latest = async (payload: Payload, id: number | string) =>
  (await payload.findByID({ collection: 'articles', id, draft: true, overrideAccess: true, depth: 0 })) as unknown as Record<string, unknown>;

/** A cell that moves the story to `to`: allowed exactly when the stored status is then `to` (else it is unchanged). */
function moveTo(to: string): WorkflowCell {
  return async ({ payload, user, from, id }) => {
    const allowed = await allowedOrRefused(() => payload.update({ collection: 'articles', id, draft: true, data: { workflowStatus: to } as never, overrideAccess: false, user: user as never }));
    expect((await latest(payload, id)).workflowStatus).toBe(allowed ? to : from);
    return allowed;
  };
}

/** A cell that sets one of the desk's fields: allowed exactly when the stored value then is the one sent (else unchanged). */
function deskField(
  field: string,
  value: (payload: Payload) => unknown,
  read: (doc: Record<string, unknown>) => unknown,
  expected: (sent: unknown) => unknown = (sent) => idOf(sent),
): WorkflowCell {
  return async ({ payload, user, id }) => {
    const before = read(await latest(payload, id));
    const sent = await value(payload);
    const allowed = await allowedOrRefused(() => payload.update({ collection: 'articles', id, draft: true, data: { [field]: sent } as never, overrideAccess: false, user: user as never }));
    const after = read(await latest(payload, id));
    expect(after).toEqual(allowed ? expected(sent) : before);
    if (allowed) expect(after).not.toEqual(before);
    return allowed;
  };
}

/** True when the call went through, false when it was refused (401/403/404); any other error fails the test. */
async function allowedOrRefused(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    if ([401, 403, 404].includes((error as { status?: number }).status ?? 0)) return false;
    throw error;
  }
}

async function ownPhoto(payload: Payload, owner: TestUser): Promise<number | string> {
  return (await payload.create({ collection: 'media', overrideAccess: false, user: owner as never, file: await png(), data: { alt: 'A square' } })).id;
}

/** The admin's "Schedule publish" drawer, as `user` (the server function the admin layout installs). */
async function drawer(payload: Payload, user: TestUser | undefined, args: Record<string, unknown>) {
  const req = await createLocalReq({ user: user as never }, payload);
  return newsroomServerFunctions['schedule-publish']({ ...args, req, importMap: {}, cookies: new Map(), permissions: {} as never, user: req.user } as never);
}

async function schedulesOf(payload: Payload, articleId: number | string) {
  const { docs } = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, overrideAccess: true, pagination: false });
  return docs.filter((job) => {
    const doc = (job.input as { doc?: { value?: unknown } } | undefined)?.doc;
    return doc && String(doc.value) === String(articleId) && !job.completedAt && !job.hasError;
  });
}

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
    const custom = fixture.custom?.[op];
    if (custom) return await custom(payload, user);
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
    active = t;
    users.contributor = await makeUser(t.payload, 'contributor');
    users.editor = await makeUser(t.payload, 'editor');
    users.admin = await makeUser(t.payload, 'admin');
    Object.assign(cast, { contributor: users.contributor, editor: users.editor, admin: users.admin });
  });
  afterAll(async () => t?.close());

  for (const [name, row] of Object.entries(EXPECTED)) {
    for (const [op, allowed] of Object.entries(row) as [Operation, Row][]) {
      WHO.forEach((who, index) => {
        const expected = allowed[index]!;
        it(`${who} ${expected ? 'may' : 'may not'} ${op} ${name}`, async () => {
          // "own-…" fixtures are made by the contributor, whichever role then acts on them.
          const owned = OWNED_BY_CONTRIBUTOR.has(name);
          const fixture = owned ? { ...FIXTURES[name]!, make: (p: Payload) => FIXTURES[name]!.make(p, users.contributor) } : FIXTURES[name]!;
          expect(await attempt(t, fixture, op, users[who])).toBe(expected);
        });
      });
    }
  }
});
