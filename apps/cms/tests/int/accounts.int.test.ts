/**
 * Accounts: password length, sign-in limits per account and client, who may lift a lock, the
 * demo accounts' passwords and the session cookie. Sign-ins go through Payload's REST handler,
 * with the client address a proxy would pass on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { generatePayloadCookie } from 'payload/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createConfig } from '../../src/payload.config';
import { DEMO_ACCOUNTS, demoLoginLines, seedDemo } from '../../src/seed/seed-demo';
import { DIALECTS, openTestPayload, type TestPayload } from '../support/databases';
import { fieldErrors, makeUser, TEST_PASSWORD, type TestUser } from '../support/fixtures';
import { rest, signIn } from '../support/rest';

const TOO_SHORT = /at least 12 characters/;

describe.each(DIALECTS)('accounts on %s', (dialect) => {
  let t: TestPayload;
  let admin: TestUser;
  let editor: TestUser;
  let contributor: TestUser;

  beforeAll(async () => {
    t = await openTestPayload(dialect);
    admin = await makeUser(t.payload, 'admin');
    editor = await makeUser(t.payload, 'editor');
    contributor = await makeUser(t.payload, 'contributor');
  });
  afterAll(async () => t?.close());

  const login = (email: string, password: string, from: string) => rest(t, '/users/login', { json: { email, password }, forwardedFor: from });

  describe('passwords', () => {
    it('refuses a new account with a password under 12 characters, naming the rule beside the field', async () => {
      const errors = await fieldErrors(
        t.payload.create({ collection: 'users', data: { email: 'short@example.test', password: 'elevenchars', role: 'editor' }, user: admin as never, overrideAccess: false }),
      );
      expect(errors).toEqual([{ path: 'password', message: expect.stringMatching(TOO_SHORT) }]);
      const exactly12 = await t.payload.create({ collection: 'users', data: { email: 'twelve@example.test', password: 'twelve-chars', role: 'editor' }, user: admin as never, overrideAccess: false });
      expect(exactly12.email).toBe('twelve@example.test');
    });

    it('refuses a short password on the admin first-run screen too (the very first account)', async () => {
      const fresh = await openTestPayload(dialect);
      try {
        const response = await rest(fresh, '/users/first-register', { json: { email: 'first@example.test', password: 'abc', 'confirm-password': 'abc' } });
        expect(response.status).toBe(400);
        expect(JSON.stringify(response.body)).toMatch(TOO_SHORT);
        expect((await fresh.payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(0);
      } finally {
        await fresh.close();
      }
    });

    it('refuses changing a password to one under 12 characters, over REST with a clear message', async () => {
      const token = await signIn(t, editor.email, TEST_PASSWORD, '10.0.0.9');
      const response = await rest(t, `/users/${editor.id}`, { method: 'PATCH', token, json: { password: 'tiny' } });
      expect(response.status).toBe(400);
      expect(response.body.errors[0].data.errors).toEqual([{ path: 'password', message: expect.stringMatching(TOO_SHORT) }]);
      // The old password still works; a long one is accepted.
      await signIn(t, editor.email, TEST_PASSWORD, '10.0.0.9');
      const ok = await rest(t, `/users/${editor.id}`, { method: 'PATCH', token, json: { password: 'a much longer passphrase' } });
      expect(ok.status).toBe(200);
      await signIn(t, editor.email, 'a much longer passphrase', '10.0.0.9');
      await t.payload.update({ collection: 'users', id: editor.id, data: { password: TEST_PASSWORD }, overrideAccess: true });
    });

    it('refuses a short password when resetting a forgotten one', async () => {
      const account = await makeUser(t.payload, 'contributor');
      const token = await t.payload.forgotPassword({ collection: 'users', data: { email: account.email }, disableEmail: true });
      const errors = await fieldErrors(t.payload.resetPassword({ collection: 'users', data: { token: token as string, password: 'short1' }, overrideAccess: true }));
      expect(errors).toEqual([{ path: 'password', message: expect.stringMatching(TOO_SHORT) }]);
    });
  });

  describe('sign-in limits', () => {
    it('locks a client out of an account after five failed sign-ins, while the owner signs in from elsewhere', async () => {
      const account = await makeUser(t.payload, 'editor');
      for (let i = 0; i < 5; i++) expect((await login(account.email, 'not the password', '198.51.100.7')).status).toBe(401);
      const fromAttacker = await login(account.email, TEST_PASSWORD, '198.51.100.7');
      expect(fromAttacker.status).toBe(401);
      expect(JSON.stringify(fromAttacker.body)).toMatch(/locked/i);

      const fromOwner = await login(account.email, TEST_PASSWORD, '203.0.113.20');
      expect(fromOwner.status).toBe(200);
      expect(fromOwner.body.token).toEqual(expect.any(String));
      // The owner's sign-in does not lift the lock on the other client.
      expect((await login(account.email, TEST_PASSWORD, '198.51.100.7')).status).toBe(401);
    });

    it('takes the client address from the last X-Forwarded-For entry, the one the proxy added', async () => {
      const account = await makeUser(t.payload, 'editor');
      for (let i = 0; i < 5; i++) await login(account.email, 'wrong', `10.9.9.${i}, 198.51.100.8`);
      expect((await login(account.email, TEST_PASSWORD, '10.1.1.1, 198.51.100.8')).status).toBe(401);
      expect((await login(account.email, TEST_PASSWORD, '198.51.100.8, 203.0.113.21')).status).toBe(200);
    });

    it('never locks an account for everyone: failures spread over many clients lock none of them out of the right password', async () => {
      const account = await makeUser(t.payload, 'admin');
      for (let i = 0; i < 12; i++) expect((await login(account.email, 'guess', `192.0.2.${i}`)).status).toBe(401);
      expect((await login(account.email, TEST_PASSWORD, '192.0.2.200')).status).toBe(200);
      expect((await login(account.email, TEST_PASSWORD, '192.0.2.3')).status).toBe(200);
    });

    it('lets only an admin lift a lock: not a contributor, an editor, the account itself or an anonymous caller', async () => {
      const account = await makeUser(t.payload, 'contributor');
      for (let i = 0; i < 5; i++) await login(account.email, 'wrong', '198.51.100.9');
      const stillLocked = async () => (await login(account.email, TEST_PASSWORD, '198.51.100.9')).status === 401;
      expect(await stillLocked()).toBe(true);

      const ownToken = await signIn(t, account.email, TEST_PASSWORD, '203.0.113.22');
      const tokens = {
        anonymous: undefined,
        contributor: await signIn(t, contributor.email, TEST_PASSWORD, '203.0.113.23'),
        editor: await signIn(t, editor.email, TEST_PASSWORD, '203.0.113.24'),
        self: ownToken,
      };
      for (const [who, token] of Object.entries(tokens)) {
        const response = await rest(t, '/users/unlock', { json: { email: account.email }, token });
        expect({ who, status: response.status }).toEqual({ who, status: 403 });
        expect(await stillLocked()).toBe(true);
      }

      const asAdmin = await rest(t, '/users/unlock', { json: { email: account.email }, token: await signIn(t, admin.email, TEST_PASSWORD, '203.0.113.25') });
      expect(asAdmin.status).toBe(200);
      expect(await stillLocked()).toBe(false);
    });
  });
});

describe.each(DIALECTS)('demo accounts on %s', (dialect) => {
  let t: TestPayload;
  beforeAll(async () => {
    t = await openTestPayload(dialect);
  });
  afterAll(async () => t?.close());

  it('gives each demo account its own random password of at least 12 characters, printed one line per account', async () => {
    const report = await seedDemo(t.payload);
    const emails = DEMO_ACCOUNTS.map((a) => a.email);
    expect(report.createdAccounts).toEqual(emails);
    const passwords = emails.map((email) => report.passwords[email]!);
    expect(new Set(passwords).size).toBe(3);
    for (const password of passwords) expect(password.length).toBeGreaterThanOrEqual(12);

    const lines = demoLoginLines(report);
    expect(lines).toHaveLength(3);
    lines.forEach((line, i) => {
      const match = /^\s+(\w+)\s+(\S+@example\.com)\s+password: (\S+)$/.exec(line);
      expect(match?.slice(1)).toEqual([DEMO_ACCOUNTS[i]!.role, emails[i], passwords[i]]);
    });

    for (const [i, email] of emails.entries()) {
      const login = await t.payload.login({ collection: 'users', data: { email, password: passwords[i]! } });
      expect(login.user?.email).toBe(email);
      // Another account's password does not open this one.
      await expect(t.payload.login({ collection: 'users', data: { email, password: passwords[(i + 1) % 3]! } })).rejects.toThrow();
    }
  });

  it('prints no password on a later start: the accounts already exist', async () => {
    const again = await seedDemo(t.payload);
    expect(again.createdAccounts).toEqual([]);
    for (const line of demoLoginLines(again)) {
      expect(line).not.toMatch(/password:/);
      expect(line).toMatch(/\(password as printed when it was created\)$/);
    }
  });

  it('uses DEMO_PASSWORD for all three when it is given, and refuses one under 12 characters', async () => {
    await t.payload.delete({ collection: 'users', where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } }, overrideAccess: true });
    await expect(seedDemo(t.payload, { password: 'short-demo' })).rejects.toThrow(/DEMO_PASSWORD needs at least 12 characters/);
    expect((await t.payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(0);

    const report = await seedDemo(t.payload, { password: 'a chosen demo password' });
    expect(Object.values(report.passwords)).toEqual(['a chosen demo password', 'a chosen demo password', 'a chosen demo password']);
    for (const { email } of DEMO_ACCOUNTS) {
      const login = await t.payload.login({ collection: 'users', data: { email, password: 'a chosen demo password' } });
      expect(login.user?.email).toBe(email);
    }
  });
});

describe('the session cookie', () => {
  let dir: string;
  const saved = process.env.CMS_PUBLIC_URL;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'newsroom-cookie-'));
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.CMS_PUBLIC_URL;
    else process.env.CMS_PUBLIC_URL = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  async function cookieFor(publicUrl: string | undefined): Promise<string> {
    if (publicUrl === undefined) delete process.env.CMS_PUBLIC_URL;
    else process.env.CMS_PUBLIC_URL = publicUrl;
    const file = path.join(dir, 'cookie.db');
    const config = await createConfig({ database: { dialect: 'sqlite', url: `file:${file}`, file } });
    const users = config.collections.find((c) => c.slug === 'users')!;
    return generatePayloadCookie({ collectionAuthConfig: users.auth, cookiePrefix: config.cookiePrefix, token: 'session' }) as string;
  }

  it('is Secure and SameSite=Lax when the admin is served over HTTPS', async () => {
    const cookie = await cookieFor('https://cms.example.com');
    expect(cookie).toMatch(/;\s*Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/HttpOnly/);
  });

  it('is not Secure on plain HTTP (a local install), where browsers would drop it', async () => {
    expect(await cookieFor('http://127.0.0.1:3001')).not.toMatch(/Secure/);
    expect(await cookieFor(undefined)).not.toMatch(/Secure/);
    expect(await cookieFor(undefined)).toMatch(/SameSite=Lax/);
  });
});
