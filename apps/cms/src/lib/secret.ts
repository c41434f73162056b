import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { dataDir } from './paths';

/** Files in the data folder that hold secrets: only the account running the CMS reads them. */
export const SECRET_FILES = ['payload-secret', 'revalidate-secret'] as const;

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/** Makes `dir` (if need be) and leaves it readable by its owner only. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  fs.chmodSync(dir, PRIVATE_DIR);
}

/** `chmod 600` when the file exists; false when it does not. */
export function makePrivate(file: string): boolean {
  try {
    fs.chmodSync(file, PRIVATE_FILE);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** The data folder 0700 and the secret files in it 0600, whoever made them and with whatever umask. */
export function protectDataDir(dir: string = dataDir): void {
  ensurePrivateDir(dir);
  for (const name of SECRET_FILES) makePrivate(path.join(dir, name));
}

/**
 * A SQLite database and its companions (`-wal`, `-shm`, `-journal`) 0600. A missing database file
 * is made empty with that mode first, so it is never readable by others, not even briefly; SQLite
 * gives the companions it creates later the database file's mode.
 */
export function protectSqliteFiles(file: string): void {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE));
  }
  for (const suffix of ['', '-wal', '-shm', '-journal']) makePrivate(`${file}${suffix}`);
}

/**
 * `PAYLOAD_SECRET` when set (production); otherwise a random secret kept in
 * `apps/cms/data/payload-secret` (0600, in a 0700 folder), made once, so a fresh clone needs no
 * configuration and sessions survive restarts.
 */
export function resolvePayloadSecret(dir: string = dataDir): string {
  const fromEnv = process.env.PAYLOAD_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = path.join(dir, 'payload-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    ensurePrivateDir(dir);
    const secret = randomBytes(32).toString('hex');
    try {
      fs.writeFileSync(file, secret, { flag: 'wx', mode: PRIVATE_FILE });
      makePrivate(file);
      return secret;
    } catch {
      // Another process made it first: use theirs.
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}
