import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { dataDir } from './paths';

/**
 * `PAYLOAD_SECRET` when set (production); otherwise a random secret kept in
 * `apps/cms/data/payload-secret`, made once, so a fresh clone needs no configuration
 * and sessions survive restarts.
 */
export function resolvePayloadSecret(): string {
  const fromEnv = process.env.PAYLOAD_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, 'payload-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    try {
      fs.writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
      return secret;
    } catch {
      // Another process made it first: use theirs.
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}
