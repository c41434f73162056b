/**
 * `npm start` for the CMS: migrate the database, seed the demo accounts and stories (SQLite by
 * default; PostgreSQL only with SEED_DEMO=true; never with SEED_DEMO=false), print the logins of
 * accounts it just made, then serve the admin and the API with `next start`.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

import { closePayload, openPayload } from '../lib/open-payload';
import { redact } from '../lib/database-url';
import { cmsRoot } from '../lib/paths';
import { protectDataDir, protectSqliteFiles } from '../lib/secret';
import { databaseTargetFromEnv } from '../payload.config';
import { demoLoginLines, seedDemo, shouldSeedDemo } from '../seed/seed-demo';

const port = Number(process.env.CMS_PORT ?? 3001);
const database = databaseTargetFromEnv();
// The server process gets an absolute database location, whatever its working directory.
process.env.DATABASE_URL = database.url;

// Secrets and the database are the operator's alone: data folder 0700, the files in it 0600.
protectDataDir();
if (database.dialect === 'sqlite') protectSqliteFiles(database.file);
const payload = await openPayload({ database, logToStderr: true });
if (database.dialect === 'sqlite') protectSqliteFiles(database.file);
console.log(`CMS database: ${database.dialect === 'sqlite' ? database.file : redact(database.url)} (migrated)`);

if (shouldSeedDemo(database.dialect)) {
  const report = await seedDemo(payload, { password: process.env.DEMO_PASSWORD });
  const added = Object.entries(report.created)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`);
  console.log(added.length ? `Demo content added: ${added.join(', ')}` : 'Demo content already present: nothing added');
  console.log('\nDemo logins (CMS admin):');
  for (const line of demoLoginLines(report)) console.log(line);
  if (report.createdAccounts.length > 0 && !process.env.DEMO_PASSWORD) {
    console.log('  Each account has its own random password, printed this once. Set DEMO_PASSWORD to choose one for all.');
  }
} else if (database.dialect === 'postgres' && process.env.SEED_DEMO === undefined) {
  console.log('No demo accounts or stories on PostgreSQL unless SEED_DEMO=true.');
}
await closePayload(payload);

const require = createRequire(import.meta.url);
const nextBin = require.resolve('next/dist/bin/next');
console.log(`\nCMS admin: http://localhost:${port}/admin   REST API: http://localhost:${port}/api`);
const server = spawn(process.execPath, [nextBin, 'start', '--port', String(port)], {
  cwd: cmsRoot,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: database.url, NEWSROOM_CMS_ROOT: cmsRoot },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
