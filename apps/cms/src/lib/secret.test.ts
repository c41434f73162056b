import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { protectDataDir, protectSqliteFiles, resolvePayloadSecret } from './secret';

const mode = (file: string) => statSync(file).mode & 0o777;

describe('private data files', () => {
  let root: string;
  const savedUmask = process.umask(0o022);
  const savedSecret = process.env.PAYLOAD_SECRET;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'newsroom-secret-'));
    delete process.env.PAYLOAD_SECRET;
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    process.umask(savedUmask);
    if (savedSecret !== undefined) process.env.PAYLOAD_SECRET = savedSecret;
  });

  it('makes the Payload secret 0600 in a 0700 data folder', () => {
    const dir = path.join(root, 'data');
    const secret = resolvePayloadSecret(dir);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'payload-secret'))).toBe(0o600);
    expect(resolvePayloadSecret(dir)).toBe(secret);
  });

  it('tightens a data folder and secret files made world-readable earlier', () => {
    const dir = path.join(root, 'data');
    mkdirSync(dir, { mode: 0o755 });
    for (const name of ['payload-secret', 'revalidate-secret']) writeFileSync(path.join(dir, name), 'x', { mode: 0o644 });
    protectDataDir(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'payload-secret'))).toBe(0o600);
    expect(mode(path.join(dir, 'revalidate-secret'))).toBe(0o600);
  });

  it('creates a missing SQLite database 0600 and tightens an existing one with its -wal and -shm files', () => {
    const fresh = path.join(root, 'nested', 'new.db');
    protectSqliteFiles(fresh);
    expect(mode(fresh)).toBe(0o600);

    const db = path.join(root, 'newsroom.db');
    for (const suffix of ['', '-wal', '-shm']) writeFileSync(`${db}${suffix}`, '', { mode: 0o644 });
    protectSqliteFiles(db);
    for (const suffix of ['', '-wal', '-shm']) expect(mode(`${db}${suffix}`)).toBe(0o600);
  });
});
