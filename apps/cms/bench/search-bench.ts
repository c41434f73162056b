/**
 * npm run bench:search — reader search latency (GET /api/search, through Payload's own REST handler in-process) on
 * SQLite and PostgreSQL holding N generated published stories, at N = 1,000, 10,000 and 100,000.
 *
 *   npm run bench:search -w @newsroom/cms -- [--sizes 1000,10000,100000] [--dialects sqlite,postgres]
 *                                           [--queries 300] [--dir PATH] [--fresh]
 *
 * Stories are written through the Local API (validation, hooks — the search index among them — and versions), 500
 * per transaction, so the index is the one a real newsroom would have. Filling is the slow part: at the wire import's
 * 90–160 stories/s on two quiet cores, 100,000 stories take roughly 10–20 minutes per database. So the databases are
 * kept in `--dir` (default: newsroom-search-bench in the temp folder) and a later run carries on from the stories
 * already there: sizes grow one into the next, and an interrupted fill resumes. `--fresh` starts over.
 *
 * Text comes from a generated vocabulary of 20,000 words with Zipf-distributed frequencies, like real copy: a few
 * words are in almost every story, most are rare. Queries are drawn from it in four kinds — a rare word, a mid-
 * frequency word, a common word (in a large share of all stories: the worst case for ranking), and two words — and
 * timed after a warm-up; p50/p95/max are per kind and overall.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import path from 'node:path';

import pg from 'pg';
import { commitTransaction, createLocalReq, handleEndpoints, initTransaction, killTransaction, type Payload } from 'payload';

import type { DatabaseTarget } from '../src/lib/database-url';
import { paragraphsToLexical } from '../src/lib/lexical';
import { writeArchiveArticle } from './archive-writer';
import { closePayload, openPayload } from '../src/lib/open-payload';
import { startTemporaryPostgres, withDatabase } from '../../../scripts/postgres-server.mjs';

type Dialect = DatabaseTarget['dialect'];

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const SIZES = (option('sizes') ?? '1000,10000,100000').split(',').map((size) => Number(size.replaceAll('_', '')));
const DIALECTS = (option('dialects') ?? 'sqlite,postgres').split(',') as Dialect[];
const QUERIES = Number(option('queries') ?? 300);
const DIR = path.resolve(option('dir') ?? path.join(tmpdir(), 'newsroom-search-bench'));
const FRESH = process.argv.includes('--fresh');
const VIA = option('via') ?? 'fast';
const BATCH = 500;
const WARM_UP = 30;

if (SIZES.some((size) => !Number.isInteger(size) || size < 1) || DIALECTS.some((d) => d !== 'sqlite' && d !== 'postgres') || (VIA !== 'fast' && VIA !== 'create')) {
  console.error('usage: search-bench [--sizes 1000,10000,100000] [--dialects sqlite,postgres] [--queries 300] [--dir PATH] [--fresh] [--via fast|create]');
  process.exit(2);
}

/** A small deterministic PRNG (mulberry32): the same stories and queries on every run and both databases. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY_SIZE = 20_000;
const SYLLABLES = ['ba', 'ko', 'ri', 'ten', 'mar', 'lo', 'vi', 'sen', 'da', 'qu', 'el', 'tor', 'an', 'mi', 'ro', 'zu', 'pel', 'ka', 'nor', 'is', 'ut', 'gra', 'fe', 'lin'];

/** Pronounceable made-up words, none an English stop word, each different. */
const VOCABULARY: string[] = (() => {
  const next = random(17);
  const words = new Set<string>();
  while (words.size < VOCABULARY_SIZE) {
    const length = 2 + Math.floor(next() * 3);
    let word = '';
    for (let s = 0; s < length; s++) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
})();

/** Zipf (s = 1) over the vocabulary: word rank r has weight 1/r. */
const CUMULATIVE: Float64Array = (() => {
  const weights = new Float64Array(VOCABULARY_SIZE);
  let total = 0;
  for (let r = 0; r < VOCABULARY_SIZE; r++) weights[r] = total += 1 / (r + 1);
  for (let r = 0; r < VOCABULARY_SIZE; r++) weights[r]! /= total;
  return weights;
})();

function zipfWord(next: () => number): string {
  const u = next();
  let low = 0;
  let high = VOCABULARY_SIZE - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (CUMULATIVE[mid]! < u) low = mid + 1;
    else high = mid;
  }
  return VOCABULARY[low]!;
}

const FILLER = ['the', 'and', 'of', 'in', 'said', 'on', 'for', 'with', 'after', 'a'];

function sentence(next: () => number, words: number): string {
  const parts: string[] = [];
  for (let w = 0; w < words; w++) parts.push(next() < 0.3 ? FILLER[Math.floor(next() * FILLER.length)]! : zipfWord(next));
  const text = parts.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Story `i`: a headline of 8 words, a dek of 20, a body of 8 paragraphs of about 45 words (a short news story). */
function story(i: number) {
  const next = random(1_000_003 + i);
  return {
    headline: `${sentence(next, 8).slice(0, -1)} ${i}`,
    dek: sentence(next, 20),
    paragraphs: Array.from({ length: 8 }, () => `${sentence(next, 22)} ${sentence(next, 23)}`),
    tags: [VOCABULARY[Math.floor(next() * 500)]!, VOCABULARY[Math.floor(next() * 500)]!],
  };
}

type QueryKind = 'rare word' | 'mid word' | 'common word' | 'two words';

/** Queries by kind, by vocabulary rank: rare 2,000–20,000, mid 200–2,000, common 5–50; two words one mid and one rare. */
function queries(count: number): { kind: QueryKind; q: string }[] {
  const next = random(99);
  const pick = (from: number, to: number) => VOCABULARY[from + Math.floor(next() * (to - from))]!;
  const kinds: QueryKind[] = ['rare word', 'mid word', 'common word', 'two words'];
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    const q = kind === 'rare word' ? pick(2000, 20000) : kind === 'mid word' ? pick(200, 2000) : kind === 'common word' ? pick(5, 50) : `${pick(200, 2000)} ${pick(2000, 20000)}`;
    return { kind, q };
  });
}

async function countStories(payload: Payload): Promise<number> {
  return (await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs;
}

/** Adds stories until there are `size`, `BATCH` per transaction; returns the stories per second it wrote at. */
async function fillTo(payload: Payload, size: number): Promise<number | undefined> {
  let have = await countStories(payload);
  if (have >= size) return undefined;
  const sections = await ensureSections(payload);
  const started = performance.now();
  const from = have;
  const base = Date.UTC(2026, 0, 1);
  while (have < size) {
    const req = await createLocalReq({ context: { skipRevalidation: true } }, payload);
    await initTransaction(req);
    try {
      const end = Math.min(size, have + BATCH);
      for (let i = have; i < end; i++) {
        const s = story(i);
        const data = {
          headline: s.headline,
          dek: s.dek,
          body: paragraphsToLexical(s.paragraphs),
          tags: s.tags,
          section: sections[i % sections.length],
          dateline: { month: 1, day: 1 + (i % 28), agency: 'Bench' },
          // One story every five minutes up to the start of 2026, the same times whatever the size: the newest is the
          // last written.
          publishedAt: new Date(base - (1_000_000 - i) * 5 * 60_000).toISOString(),
          _status: 'published',
        };
        if (VIA === 'fast') await writeArchiveArticle(payload, req, data);
        else await payload.create({ collection: 'articles', overrideAccess: true, req, depth: 0, select: { slug: true }, data: data as never });
      }
      await commitTransaction(req);
      have = end;
      // libsql frees a statement's native memory in a finalizer that runs only when the event loop turns, and SQLite
      // answers synchronously behind its promises: without this turn a fill never yields and holds ~5 KB a statement.
      await nextTurn();
    } catch (error) {
      await killTransaction(req);
      throw error;
    }
    const { heapUsed, rss } = process.memoryUsage();
    const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
    process.stderr.write(`\r  ${payload.db.name}: ${have.toLocaleString('en-US')} / ${size.toLocaleString('en-US')} stories (heap ${mb(heapUsed)}, resident ${mb(rss)})`);
  }
  process.stderr.write('\n');
  return (have - from) / ((performance.now() - started) / 1000);
}

async function ensureSections(payload: Payload): Promise<number[]> {
  const found = await payload.find({ collection: 'sections', overrideAccess: true, limit: 10, depth: 0, sort: 'id' });
  if (found.docs.length > 0) return found.docs.map((doc) => Number(doc.id));
  const ids: number[] = [];
  for (const name of ['World', 'City', 'Science', 'Business', 'Sport']) ids.push(Number((await payload.create({ collection: 'sections', data: { name }, overrideAccess: true })).id));
  return ids;
}

/** `total`: the stories found, or with `capped` the most the search counts (more match). */
async function searchOnce(payload: Payload, key: string, q: string): Promise<{ ms: number; total: number; capped: boolean }> {
  const request = new Request(`http://localhost:3001/api/search?q=${encodeURIComponent(q)}&limit=10`);
  const started = performance.now();
  const response = await handleEndpoints({ config: payload.config, payloadInstanceCacheKey: key, request });
  const body = (await response.json()) as { totalDocs?: number; totalDocsCapped?: boolean; errors?: unknown };
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`search for ${JSON.stringify(q)} answered ${response.status}: ${JSON.stringify(body)}`);
  return { ms, total: body.totalDocs ?? 0, capped: body.totalDocsCapped === true };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** `matches`: the median of the stories found, with a `+` when the search stopped counting there. */
type Row = { dialect: Dialect; size: number; kind: QueryKind | 'all'; n: number; matches: string; p50: number; p95: number; max: number };

async function measure(payload: Payload, key: string, dialect: Dialect, size: number): Promise<Row[]> {
  const all = queries(QUERIES);
  for (const { q } of all.slice(0, WARM_UP)) await searchOnce(payload, key, q);
  const timings = new Map<QueryKind | 'all', { ms: number[]; matches: number[] }>();
  for (const { kind, q } of all) {
    const { ms, total: found, capped } = await searchOnce(payload, key, q);
    // A capped count sorts above the same exact one.
    const total = capped ? found + 0.5 : found;
    for (const bucket of [kind, 'all'] as const) {
      const entry = timings.get(bucket) ?? { ms: [], matches: [] };
      entry.ms.push(ms);
      entry.matches.push(total);
      timings.set(bucket, entry);
    }
  }
  return [...timings.entries()].map(([kind, { ms, matches }]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    const median = [...matches].sort((a, b) => a - b)[Math.floor(matches.length / 2)] ?? 0;
    const shown = `${Math.floor(median).toLocaleString('en-US')}${Number.isInteger(median) ? '' : '+'}`;
    return { dialect, size, kind, n: ms.length, matches: shown, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 };
  });
}

async function databaseFor(dialect: Dialect, postgresUrl: string | undefined): Promise<DatabaseTarget> {
  if (dialect === 'sqlite') {
    const file = path.join(DIR, 'search-bench.db');
    return { dialect, url: `file:${file}`, file };
  }
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'search_bench'`);
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE search_bench');
  } finally {
    await admin.end();
  }
  return { dialect, url: withDatabase(postgresUrl!, 'search_bench') };
}

const loadAtStart = loadavg()[0]!;
if (FRESH) rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
const postgres = DIALECTS.includes('postgres') ? await startTemporaryPostgres({ dir: path.join(DIR, 'postgres'), sharedBuffers: '1GB' }) : undefined;
const rows: Row[] = [];
const fills: { dialect: Dialect; size: number; perSecond: number }[] = [];
try {
  for (const dialect of DIALECTS) {
    const target = await databaseFor(dialect, postgres?.url);
    const key = `bench:search:${target.url}`;
    const payload = await openPayload({ database: target, key, logToStderr: true });
    try {
      for (const size of [...SIZES].sort((a, b) => a - b)) {
        const have = await countStories(payload);
        if (have > size) {
          console.error(`  ${dialect}: the database already holds ${have} stories, more than ${size}: skipped (use --fresh)`);
          continue;
        }
        const perSecond = await fillTo(payload, size);
        if (perSecond !== undefined) fills.push({ dialect, size, perSecond });
        rows.push(...(await measure(payload, key, dialect, size)));
      }
    } finally {
      await closePayload(payload);
    }
  }
} finally {
  postgres?.stop();
}

console.log(`\nSearch benchmark — GET /api/search?q=…&limit=10 in-process, ${QUERIES} queries per size after ${WARM_UP} to warm up`);
console.log(`Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim()}); databases in ${DIR}${existsSync(DIR) ? '' : ' (gone)'}`);
// Other work on the machine skews every figure: say how busy it was.
console.log(`load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end\n`);
console.log('| database | stories | queries | kind | median matches | p50 ms | p95 ms | max ms |');
console.log('| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.dialect} | ${r.size.toLocaleString('en-US')} | ${r.n} | ${r.kind} | ${r.matches} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} |`);
}
if (fills.length > 0) {
  console.log(`\nFilling (${VIA === 'fast' ? "Payload's field pipeline and database adapter (bench/archive-writer.ts)" : 'Local API'}, 500 stories a transaction, search index included):`);
  for (const f of fills) console.log(`- ${f.dialect} up to ${f.size.toLocaleString('en-US')}: ${f.perSecond.toFixed(0)} stories/s`);
}
process.exit(0);
