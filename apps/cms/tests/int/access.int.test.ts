import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DIALECTS, openTestPayload, type TestPayload } from '../support/databases';
import { anHourAgo, inOneHour, makeArticle, makeUser, type TestUser } from '../support/fixtures';

describe.each(DIALECTS)('access on %s', (dialect) => {
  let t: TestPayload;
  let admin: TestUser;
  let editor: TestUser;
  let contributor: TestUser;
  const ids: Record<string, number | string> = {};

  beforeAll(async () => {
    t = await openTestPayload(dialect);
    admin = await makeUser(t.payload, 'admin');
    editor = await makeUser(t.payload, 'editor');
    contributor = await makeUser(t.payload, 'contributor');
    ids.live = (await makeArticle(t.payload, { headline: 'Live story', publishedAt: anHourAgo() })).id;
    ids.draft = (await makeArticle(t.payload, { headline: 'Draft story', status: 'draft' })).id;
    ids.future = (await makeArticle(t.payload, { headline: 'Embargoed story', publishedAt: inOneHour() })).id;
  });
  afterAll(async () => t?.close());

  const anonymousHeadlines = async () =>
    (await t.payload.find({ collection: 'articles', overrideAccess: false, depth: 0 })).docs.map((d) => d.headline);

  it('shows anonymous readers published stories only: no draft, nothing scheduled for later', async () => {
    expect(await anonymousHeadlines()).toEqual(['Live story']);
  });

  it('refuses a draft or a future story by id to anonymous readers', async () => {
    for (const id of [ids.draft, ids.future]) {
      await expect(t.payload.findByID({ collection: 'articles', id: id!, overrideAccess: false })).rejects.toThrow();
    }
    const live = await t.payload.findByID({ collection: 'articles', id: ids.live!, overrideAccess: false });
    expect(live.headline).toBe('Live story');
  });

  it('does not let ?draft=true reveal unpublished copy to anonymous readers', async () => {
    const result = await t.payload.find({ collection: 'articles', overrideAccess: false, draft: true, depth: 0 });
    expect(result.docs.map((d) => d.headline)).toEqual(['Live story']);
  });

  it('keeps serving the published version while a newer draft is being edited', async () => {
    await t.payload.update({
      collection: 'articles',
      id: ids.live!,
      draft: true,
      overrideAccess: true,
      data: { headline: 'Live story (unpublished edit)', _status: 'draft' },
    });
    expect(await anonymousHeadlines()).toEqual(['Live story']);
    const staffView = await t.payload.findByID({ collection: 'articles', id: ids.live!, draft: true, user: editor as never, overrideAccess: false });
    expect(staffView.headline).toBe('Live story (unpublished edit)');
  });

  it('lets staff read drafts and scheduled stories', async () => {
    const result = await t.payload.find({ collection: 'articles', user: contributor as never, overrideAccess: false, depth: 0, limit: 50 });
    expect(result.totalDocs).toBe(3);
  });

  it('keeps users private: anonymous gets nothing, staff see themselves, admins see all', async () => {
    await expect(t.payload.find({ collection: 'users', overrideAccess: false })).rejects.toThrow(/not allowed/i);
    const own = await t.payload.find({ collection: 'users', user: editor as never, overrideAccess: false });
    expect(own.docs.map((u) => u.email)).toEqual([editor.email]);
    const all = await t.payload.find({ collection: 'users', user: admin as never, overrideAccess: false });
    expect(all.totalDocs).toBe(3);
  });

  it('stops a contributor from publishing, but lets them save a draft', async () => {
    await expect(makeArticle(t.payload, { headline: 'Sneaky publish', user: contributor })).rejects.toThrow(/not allowed/i);
    const draft = await makeArticle(t.payload, { headline: 'Contributor draft', status: 'draft', user: contributor });
    expect(draft._status).toBe('draft');
    expect(typeof draft.createdBy === 'object' ? draft.createdBy?.id : draft.createdBy).toBe(contributor.id);
  });

  it('stops a contributor from editing an article they did not create', async () => {
    await expect(
      t.payload.update({ collection: 'articles', id: ids.draft!, data: { headline: 'Hijacked' }, user: contributor as never, overrideAccess: false }),
    ).rejects.toThrow(/not allowed/i);
  });

  it('stops anyone but an admin from giving out roles', async () => {
    await expect(
      t.payload.update({ collection: 'users', id: contributor.id, data: { role: 'admin' }, user: contributor as never, overrideAccess: false }),
    ).resolves.toMatchObject({ role: 'contributor' });
    await expect(
      t.payload.create({ collection: 'users', data: { email: 'x@example.test', password: 'long enough password', role: 'editor' }, user: editor as never, overrideAccess: false }),
    ).rejects.toThrow(/not allowed/i);
  });

  it('hides expired headlines and ad slots outside their window from anonymous readers', async () => {
    const base = { overrideAccess: true } as const;
    await t.payload.create({ collection: 'headlines', data: { title: 'Current', url: 'https://example.com/a' }, ...base });
    await t.payload.create({ collection: 'headlines', data: { title: 'Expired', url: 'https://example.com/b', expiresAt: anHourAgo() }, ...base });
    const slot = {
      label: 'Advertisement',
      sizes: [{ breakpoint: 'mobile' as const, width: 300, height: 250 }],
      placement: { kind: 'top' as const },
      creative: { kind: 'house' as const },
    };
    await t.payload.create({ collection: 'ad-slots', data: { ...slot, name: 'Running' }, ...base });
    await t.payload.create({ collection: 'ad-slots', data: { ...slot, name: 'Ended', activeUntil: anHourAgo() }, ...base });
    await t.payload.create({ collection: 'ad-slots', data: { ...slot, name: 'Not yet', activeFrom: inOneHour() }, ...base });

    const headlines = await t.payload.find({ collection: 'headlines', overrideAccess: false });
    expect(headlines.docs.map((h) => h.title)).toEqual(['Current']);
    const slots = await t.payload.find({ collection: 'ad-slots', overrideAccess: false });
    expect(slots.docs.map((s) => s.name)).toEqual(['Running']);
    const staffSlots = await t.payload.find({ collection: 'ad-slots', user: editor as never, overrideAccess: false });
    expect(staffSlots.totalDocs).toBe(3);
  });

  it('shows anonymous readers a headline only once its time has come and its story is out', async () => {
    const base = { overrideAccess: true } as const;
    const titles = ['Later today', 'Points at a draft', 'Points at an embargoed story', 'Points at a live story', 'Out now'];
    await t.payload.create({ collection: 'headlines', data: { title: titles[0]!, url: 'https://example.com/later', publishedAt: inOneHour() }, ...base });
    await t.payload.create({ collection: 'headlines', data: { title: titles[1]!, article: ids.draft as never }, ...base });
    await t.payload.create({ collection: 'headlines', data: { title: titles[2]!, article: ids.future as never }, ...base });
    await t.payload.create({ collection: 'headlines', data: { title: titles[3]!, article: ids.live as never, publishedAt: anHourAgo() }, ...base });
    await t.payload.create({ collection: 'headlines', data: { title: titles[4]!, url: 'https://example.com/now', publishedAt: anHourAgo() }, ...base });

    const anonymous = (await t.payload.find({ collection: 'headlines', overrideAccess: false, where: { title: { in: titles } }, depth: 0 })).docs.map((h) => h.title);
    expect(anonymous.sort()).toEqual(['Out now', 'Points at a live story']);
    const staff = await t.payload.find({ collection: 'headlines', user: contributor as never, overrideAccess: false, where: { title: { in: titles } } });
    expect(staff.totalDocs).toBe(5);
  });

  it('keeps account ids out of anonymous reads of stories (createdBy), but not out of staff reads', async () => {
    const own = await makeArticle(t.payload, { headline: 'Written by a contributor', status: 'draft', user: contributor });
    await t.payload.update({ collection: 'articles', id: own.id, data: { _status: 'published', publishedAt: anHourAgo() }, overrideAccess: true });
    const anonymous = await t.payload.findByID({ collection: 'articles', id: own.id, overrideAccess: false, depth: 1 });
    expect(anonymous).not.toHaveProperty('createdBy');
    const staff = await t.payload.findByID({ collection: 'articles', id: own.id, user: editor as never, overrideAccess: false, depth: 0 });
    expect(staff.createdBy).toBe(contributor.id);
    await t.payload.delete({ collection: 'articles', id: own.id, overrideAccess: true });
  });

  it('publishes a scheduled story through the jobs queue at its time, not before', async () => {
    const draft = await makeArticle(t.payload, { headline: 'Scheduled story', status: 'draft' });
    const at = Date.now() + 1500;
    await t.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'articles', value: draft.id } },
      waitUntil: new Date(at),
    });
    await t.payload.jobs.run();
    expect(await anonymousHeadlines()).not.toContain('Scheduled story');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now() + 50)));
    await t.payload.jobs.run();
    expect(await anonymousHeadlines()).toContain('Scheduled story');
  });

  it('locks an account after five failed sign-ins, even against the right password', async () => {
    const account = await makeUser(t.payload, 'editor');
    const login = (password: string) => t.payload.login({ collection: 'users', data: { email: account.email, password } });
    await expect(login('correct horse battery staple')).resolves.toMatchObject({ user: { email: account.email } });
    for (let i = 0; i < 5; i++) await expect(login('wrong password')).rejects.toThrow();
    await expect(login('correct horse battery staple')).rejects.toThrow(/locked/i);
  });

  it('refuses writes from anonymous callers on every collection', async () => {
    const attempts = [
      () => t.payload.create({ collection: 'articles', data: { headline: 'x' } as never, overrideAccess: false }),
      () => t.payload.create({ collection: 'authors', data: { name: 'x' }, overrideAccess: false }),
      () => t.payload.create({ collection: 'sections', data: { name: 'x' }, overrideAccess: false }),
      () => t.payload.create({ collection: 'headlines', data: { title: 'x', url: 'https://example.com' }, overrideAccess: false }),
      () => t.payload.create({ collection: 'ad-slots', data: { name: 'x' } as never, overrideAccess: false }),
      () => t.payload.delete({ collection: 'articles', id: ids.live!, overrideAccess: false }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(/not allowed/i);
  });
});
