// The reader-site benchmarks' stack: the built CMS on a fresh SQLite database with the wire seed imported, and the
// site (`serve.mjs`: the front door and `next start`) in front of it, as `npm start` runs them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { logger } from './log.mjs';
import { clearSiteCache, importSeed, newsroomEnv, SEED_SLUG, scratchDir, startCms, startSite, webDir } from './newsroom.mjs';
import { stopAll } from './processes.mjs';

export async function startSeededSite({ dir, log }) {
  const { env, cms, web, webPort, password } = await newsroomEnv({ dir });
  log('starting the CMS on a fresh SQLite database …');
  await startCms(env);
  importSeed(env);
  clearSiteCache();
  log('starting the site …');
  await startSite(env);
  const articleUrl = `${web}/news/${SEED_SLUG}`;
  for (let i = 0; i < 3; i++) await fetch(articleUrl).then((r) => r.text());
  return { env, cms, web, webPort, password, articleUrl, dir };
}

/**
 * When the module at `moduleUrl` is the script node was started with: starts the stack, runs `work(stack)`, prints
 * its result as JSON and stops everything. Otherwise (imported by `bench.mjs`) does nothing.
 */
export async function runStandalone(moduleUrl, name, work) {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  const { log, fail } = logger(`bench ${name}`);
  if (!existsSync(path.join(webDir, '.next', 'BUILD_ID'))) fail('apps/web is not built: run `npx turbo run build` first.');
  try {
    const stack = await startSeededSite({ dir: scratchDir('newsroom-bench-'), log });
    console.log(JSON.stringify(await work(stack), null, 2));
  } catch (error) {
    await stopAll();
    fail(error.message);
  }
  await stopAll();
  process.exit(0);
}
