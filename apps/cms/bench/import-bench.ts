/**
 * npm run bench:import — stories per second for 1,000 generated wire stories imported through
 * Payload's Local API (its validation, hooks, slug uniqueness, versions) into SQLite and PostgreSQL.
 * Measures the CLI's path: parse every file, then one transaction for the whole run; and the
 * admin's path: one transaction per story.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';

import { importWireStories, parseWireFiles } from '../src/import/wire-import';
import type { DatabaseTarget } from '../src/lib/database-url';
import { closePayload, openPayload } from '../src/lib/open-payload';
import { startTemporaryPostgres } from '../../../scripts/postgres-server.mjs';
import { generatedStory } from './generated-stories';

const COUNT = Number(process.env.BENCH_STORIES ?? 1000);

type Result = { dialect: string; mode: string; stories: number; seconds: number };

async function measure(target: DatabaseTarget, mode: 'one transaction' | 'transaction per story'): Promise<Result> {
  const payload = await openPayload({ database: target, key: `bench:${target.url}:${mode}`, logToStderr: true });
  try {
    const parsed = parseWireFiles(Array.from({ length: COUNT }, (_, i) => generatedStory(i)));
    const started = performance.now();
    if (mode === 'one transaction') {
      await importWireStories(payload, parsed, { publish: true });
    } else {
      for (const story of parsed) await importWireStories(payload, [story], { publish: true });
    }
    const seconds = (performance.now() - started) / 1000;
    const { totalDocs } = await payload.count({ collection: 'articles', overrideAccess: true });
    if (totalDocs !== COUNT) throw new Error(`expected ${COUNT} articles, found ${totalDocs}`);
    return { dialect: target.dialect, mode, stories: COUNT, seconds };
  } finally {
    await closePayload(payload);
  }
}

const parseStarted = performance.now();
parseWireFiles(Array.from({ length: COUNT }, (_, i) => generatedStory(i)));
const parseSeconds = (performance.now() - parseStarted) / 1000;

const results: Result[] = [];
const sqliteDir = mkdtempSync(path.join(tmpdir(), 'newsroom-bench-'));
const postgres = await startTemporaryPostgres();
try {
  for (const mode of ['one transaction', 'transaction per story'] as const) {
    const file = path.join(sqliteDir, `${mode.replaceAll(' ', '-')}.db`);
    results.push(await measure({ dialect: 'sqlite', url: `file:${file}`, file }, mode));
    const pg = await import('pg');
    const dbName = `bench_${mode.replaceAll(' ', '_')}`;
    const admin = new pg.default.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(postgres.url);
    url.pathname = `/${dbName}`;
    results.push(await measure({ dialect: 'postgres', url: url.toString() }, mode));
  }
} finally {
  postgres.stop();
  rmSync(sqliteDir, { recursive: true, force: true });
}

console.log(`\nWire import benchmark — ${COUNT} generated stories, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim()})`);
console.log(`parse only: ${(COUNT / parseSeconds).toFixed(0)} stories/s\n`);
console.log('| database | transactions | stories | seconds | stories/s |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const r of results) {
  console.log(`| ${r.dialect} | ${r.mode} | ${r.stories} | ${r.seconds.toFixed(2)} | ${(r.stories / r.seconds).toFixed(0)} |`);
}
process.exit(0);
