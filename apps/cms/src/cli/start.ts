/**
 * `npm start` for the CMS: migrate the database, seed the demo accounts and stories (unless
 * SEED_DEMO=false), print the logins, then serve the admin and the API with `next start`.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

import { closePayload, openPayload } from '../lib/open-payload';
import { redact } from '../lib/database-url';
import { cmsRoot } from '../lib/paths';
import { databaseTargetFromEnv } from '../payload.config';
import { DEMO_ACCOUNTS, seedDemo } from '../seed/seed-demo';

const port = Number(process.env.CMS_PORT ?? 3001);
const database = databaseTargetFromEnv();
// The server process gets an absolute database location, whatever its working directory.
process.env.DATABASE_URL = database.url;

const payload = await openPayload({ database, logToStderr: true });
console.log(`CMS database: ${database.dialect === 'sqlite' ? database.file : redact(database.url)} (migrated)`);

if (process.env.SEED_DEMO !== 'false') {
  const report = await seedDemo(payload, { password: process.env.DEMO_PASSWORD });
  const added = Object.entries(report.created)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`);
  console.log(added.length ? `Demo content added: ${added.join(', ')}` : 'Demo content already present: nothing added');
  console.log('\nDemo logins (CMS admin):');
  for (const account of DEMO_ACCOUNTS) {
    const isNew = report.createdAccounts.includes(account.email);
    const password = isNew ? report.password : process.env.DEMO_PASSWORD;
    console.log(
      `  ${account.role.padEnd(12)} ${account.email.padEnd(26)} ${password ? `password: ${password}` : '(password as printed when it was created)'}`,
    );
  }
  if (report.createdAccounts.length > 0 && !process.env.DEMO_PASSWORD) {
    console.log('  This random password is printed once. Set DEMO_PASSWORD to choose one.');
  }
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
