/**
 * npm run bench:ingest [-- --files 10000 --dialects sqlite,postgres]
 *
 * Ingest throughput through the watched drop folder (src/import/drop-folder.ts), as agencies feed it: --files
 * generated ninjs 3.1 items of our own, written into the folder (each through a temporary name and a rename, as a
 * well-behaved sender does) while the folder is watched, published as they land. Per database: files/s from the first
 * file written to the last one in done/, the time from a file landing to its JSON line (p50, p95, max), and how many
 * stories exist at the end (every file must have made one). Then the same files once more: all `unchanged`.
 * Prints one Markdown table.
 */
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { watchDropFolder } from '../src/import/drop-folder';
import type { DatabaseTarget } from '../src/lib/database-url';
import { closePayload, openPayload } from '../src/lib/open-payload';
import { startTemporaryPostgres, withDatabase } from '../../../scripts/postgres-server.mjs';

const { values } = parseArgs({
  options: { files: { type: 'string', default: '10000' }, dialects: { type: 'string', default: 'sqlite,postgres' } },
});
const COUNT = Number(values.files);
if (!Number.isInteger(COUNT) || COUNT < 1) throw new Error(`--files must be a whole number, got "${values.files}"`);
const DIALECTS = values.dialects!.split(',').map((d) => d.trim());

const SUBJECTS = ['Shipping', 'Weather', 'Transport', 'Energy', 'Schools', 'Health'];
const PLACES = ['OSLO', 'BERGEN', 'TROMSO', 'GDANSK', 'RIGA', 'TALLINN'];

function item(i: number): string {
  return JSON.stringify({
    uri: `urn:newsroom-bench:ingest:${i}`,
    type: 'text',
    version: '1',
    pubStatus: 'usable',
    firstCreated: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
    language: 'en',
    headlines: [{ role: 'main', value: `Harbour report ${i}: ${SUBJECTS[i % SUBJECTS.length]} on the quay` }],
    by: `Reporter ${String.fromCharCode(65 + (i % 26))} Nordberg`,
    located: PLACES[i % PLACES.length],
    subjects: [{ name: SUBJECTS[i % SUBJECTS.length] }],
    bodies: [
      {
        contentType: 'text/html',
        value: `<p>Report number ${i} from the harbour office, filed on schedule.</p><p>Crews said <em>work went to plan</em> and the quay stays open.</p><p>The next report follows in an hour.</p>`,
      },
    ],
  });
}

type Result = { dialect: string; seconds: number; latencies: number[]; stories: number; again: { seconds: number; unchanged: number } };

async function measure(target: DatabaseTarget): Promise<Result> {
  const payload = await openPayload({ database: target, key: `bench:ingest:${target.url}`, logToStderr: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-ingest-'));
  try {
    const landed = new Map<string, number>();
    const latencies: number[] = [];
    let logged = 0;
    let unchanged = 0;
    const failures: string[] = [];
    const folder = watchDropFolder(payload, {
      dir,
      publish: true,
      settleMs: 200,
      log: (line) => {
        logged++;
        if (line.status === 'failed') failures.push(`${String(line.file)}: ${String(line.error)}`);
        if (line.status === 'unchanged') unchanged++;
        const at = landed.get(String(line.file));
        if (at !== undefined) latencies.push(performance.now() - at);
      },
    });
    await folder.ready;

    const drop = async (round: string) => {
      logged = 0;
      const started = performance.now();
      for (let i = 0; i < COUNT; i++) {
        const name = `${round}-${i}.json`;
        writeFileSync(path.join(dir, `${name}.part`), item(i));
        renameSync(path.join(dir, `${name}.part`), path.join(dir, name));
        landed.set(name, performance.now());
        // Let the watcher see files as they come, as from a feed, rather than all at the end.
        if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
      }
      while (logged < COUNT) await new Promise((resolve) => setTimeout(resolve, 50));
      if (failures.length > 0) throw new Error(`${failures.length} files failed, the first: ${failures[0]}`);
      return (performance.now() - started) / 1000;
    };

    const seconds = await drop('first');
    const { totalDocs } = await payload.count({ collection: 'articles', overrideAccess: true });
    if (totalDocs !== COUNT) throw new Error(`expected ${COUNT} stories, found ${totalDocs}`);
    const firstLatencies = [...latencies];
    const done = readdirSync(path.join(dir, 'done')).length;
    if (done !== COUNT) throw new Error(`expected ${COUNT} files in done/, found ${done}`);
    const againSeconds = await drop('again');
    await folder.close();
    return { dialect: target.dialect, seconds, latencies: firstLatencies, stories: totalDocs, again: { seconds: againSeconds, unchanged } };
  } finally {
    await closePayload(payload);
    rmSync(dir, { recursive: true, force: true });
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

const load = loadavg()[0]!.toFixed(2);
const results: Result[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), 'newsroom-ingest-db-'));
const postgres = DIALECTS.includes('postgres') ? await startTemporaryPostgres() : undefined;
try {
  for (const dialect of DIALECTS) {
    if (dialect === 'sqlite') {
      const file = path.join(scratch, 'ingest.db');
      results.push(await measure({ dialect: 'sqlite', url: `file:${file}`, file }));
    } else if (dialect === 'postgres' && postgres) {
      const pg = await import('pg');
      const admin = new pg.default.Client({ connectionString: postgres.url });
      await admin.connect();
      await admin.query('CREATE DATABASE bench_ingest');
      await admin.end();
      results.push(await measure({ dialect: 'postgres', url: withDatabase(postgres.url, 'bench_ingest') }));
    } else throw new Error(`--dialects: sqlite and/or postgres, got "${dialect}"`);
  }
} finally {
  postgres?.stop();
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`\n### Ingest — ${new Date().toISOString().slice(0, 10)} (${cpus().length} cores, ${cpus()[0]?.model.trim()}, Node ${process.version}, load ${load} at start)\n`);
console.log(`${COUNT} generated ninjs files dropped into a watched folder (\`npm run bench:ingest -- --files ${COUNT}\`), published as they land.\n`);
console.log('| database | files | seconds | files/s | landing → logged p50 | p95 | max | same files again: files/s (all unchanged) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  const ms = (x: number) => `${(x / 1000).toFixed(1)} s`;
  console.log(
    `| ${r.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${r.stories} | ${r.seconds.toFixed(1)} | ${(r.stories / r.seconds).toFixed(0)} | ${ms(quantile(r.latencies, 0.5))} | ${ms(quantile(r.latencies, 0.95))} | ${ms(Math.max(...r.latencies))} | ${(COUNT / r.again.seconds).toFixed(0)} (${r.again.unchanged}) |`,
  );
}
process.exit(0);
