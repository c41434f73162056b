// `npm run bench:scale`: how the newsroom holds up as the archive grows. The built CMS and site (wired as `npm start`
// wires them, on free ports with fresh secrets) on a temp SQLite file and on a throwaway PostgreSQL, the archive filled
// size by size with generated published stories (Payload's field validation and database adapter: scripts/bench/lib/archive.mjs),
// and at each size:
//
//   - CMS read latency over REST: an article by slug, the latest 10 of a section, and a request that reads nothing
//     (the floor every request pays), p99 of --reads at --read-connections (1) once the stack has fallen quiet
//   - the sitemaps: /sitemap.xml, the busy month's file (50,000 URLs at 100,000), a regular month's (~8,200), the News
//     sitemap — time to generate on a fresh site, time once its data is cached, bytes
//   - publish → visible on the article URL and the front page, p95 of --publishes
//   - CPU-seconds the whole stack spends per publish with --cached article pages in the site's cache (SQLite by
//     default: --cpu-dialects), and their ratio
//   - resident memory of every process
//
// and, per database, the wire import of --import stories into an empty archive and into the full one while an editor
// saves another story every second. Prints one Markdown table, sizes side by side (paste it into BENCHMARKS.md).
//
//   npm run bench:scale -- --sizes 1000,10000 [--dialects sqlite,postgres] [--cached 1000,10000] [--import-into empty,full] [--json FILE]
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { logger } from '../../apps/web/scripts/bench/lib/log.mjs';
import { clearSiteCache, newsroomEnv, scratchDir, signIn, startCms, startSite } from '../../apps/web/scripts/bench/lib/newsroom.mjs';
import { stopAll, stopProcess } from '../../apps/web/scripts/bench/lib/processes.mjs';
import { machine } from '../../apps/web/scripts/bench/lib/tools.mjs';
import { publishLatency } from '../../apps/web/scripts/bench/publish-latency.mjs';
import { startTemporaryPostgres, withDatabase } from '../postgres-server.mjs';
import { postgresProcesses, residentMemory, untilQuiet } from './lib/accounting.mjs';
import { articleBySlug, floorRequest, latestOfSection, readLatency } from './lib/cms-reads.mjs';
import { importWhileEditing } from './lib/import-editing.mjs';
import { archiveSlugs, publishCpu, warmPages } from './lib/publish-cpu.mjs';
import { monthBefore, sitemapCosts } from './lib/sitemaps.mjs';
import { runArchiveWorker } from './lib/worker.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { log, fail } = logger('bench:scale');
const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    dialects: { type: 'string', default: 'sqlite,postgres' },
    cached: { type: 'string', default: '1000,10000' },
    'cpu-dialects': { type: 'string', default: 'sqlite' },
    'cpu-publishes': { type: 'string', default: '5' },
    'settle-minutes': { type: 'string', default: '20' },
    publishes: { type: 'string', default: '20' },
    reads: { type: 'string', default: '2000' },
    'read-connections': { type: 'string', default: '1' },
    import: { type: 'string', default: '10000' },
    'import-into': { type: 'string', default: 'empty,full' },
    json: { type: 'string' },
  },
});
const list = (value) => value.split(',').map((v) => v.trim()).filter(Boolean);
const numbers = (value, name) => {
  const parsed = list(value).map(Number);
  if (parsed.length === 0 || parsed.some((n) => !Number.isInteger(n) || n < 0)) fail(`--${name} must be a list of whole numbers, got "${value}"`);
  return parsed;
};
const config = {
  sizes: numbers(opts.sizes, 'sizes').sort((a, b) => a - b),
  dialects: list(opts.dialects),
  cached: numbers(opts.cached, 'cached').sort((a, b) => a - b),
  cpuDialects: list(opts['cpu-dialects']),
  cpuPublishes: numbers(opts['cpu-publishes'], 'cpu-publishes')[0],
  settleMinutes: numbers(opts['settle-minutes'], 'settle-minutes')[0],
  publishes: numbers(opts.publishes, 'publishes')[0],
  reads: numbers(opts.reads, 'reads')[0],
  readConnections: numbers(opts['read-connections'], 'read-connections')[0],
  importCount: numbers(opts.import, 'import')[0],
  importInto: list(opts['import-into']),
};
if (config.importInto.some((a) => a !== 'empty' && a !== 'full')) fail(`--import-into: empty and/or full, got "${opts['import-into']}"`);
if (config.dialects.some((d) => d !== 'sqlite' && d !== 'postgres')) fail(`--dialects: sqlite and/or postgres, got "${opts.dialects}"`);
for (const app of ['web', 'cms']) {
  if (!existsSync(path.join(root, 'apps', app, '.next', 'BUILD_ID'))) fail(`apps/${app} is not built: run \`npx turbo run build\` first.`);
}

const NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const SECTION_SLUGS = ['world', 'science', 'city'];
const REPORTER_SLUGS = ['aiko-tanaka', 'bruno-silva', 'chiara-russo', 'dev-patel', 'emeka-obi', 'freya-holm'];
const dir = scratchDir('newsroom-scale-');
const began = Date.now();
const results = { date: new Date().toISOString(), machine: machine(), config, dialects: {} };
let postgres;

try {
  if (config.dialects.includes('postgres')) {
    log('starting a throwaway PostgreSQL …');
    postgres = await startTemporaryPostgres({ sharedBuffers: '1GB' });
    process.on('exit', () => postgres.stop());
  }
  for (const dialect of config.dialects) results.dialects[dialect] = await benchDialect(dialect);
} catch (error) {
  await stopAll();
  postgres?.stop();
  tailLogs();
  // What was measured before the failure is kept: printed, and written to --json.
  if (opts.json) writeFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), opts.json), `${JSON.stringify(results, null, 2)}\n`);
  if (Object.keys(results.dialects).length > 0) console.log(report(results));
  fail(error.stack ?? error.message);
}
await stopAll();
postgres?.stop();
clearSiteCache();
if (opts.json) writeFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), opts.json), `${JSON.stringify(results, null, 2)}\n`);
console.log(report(results));
process.exit(0);

async function benchDialect(dialect) {
  const name = NAMES[dialect];
  const out = { sizes: {} };
  results.dialects[dialect] = out;
  const step = (message) => log(`[${elapsed()}] ${name}: ${message}`);

  if (config.importCount > 0 && config.importInto.includes('empty')) {
    step(`importing ${config.importCount} stories into an empty archive while an editor saves every second …`);
    const stack = await startStack(dialect, 'empty');
    await stack.restartSite();
    out.importEmpty = await attempt(async () => importWhileEditing({ ...(await stack.importArgs()), offset: 5_000_000, log: step }));
    if (!out.importEmpty.error) step(`  ${out.importEmpty.storiesPerSecond} stories/s, worst save ${out.importEmpty.worstSaveMs} ms`);
    await stack.stop();
  }

  const stack = await startStack(dialect, 'archive');
  let warmed = 0;
  for (const size of config.sizes) {
    step(`filling the archive to ${size} stories …`);
    let shown = 0;
    const fill = await runArchiveWorker(['fill', '--to', String(size)], stack.env, {
      logFile: path.join(stack.dir, 'fill.log'),
      onEvent: (event) => {
        if (event.event === 'progress' && event.written - shown >= Math.max(1000, size / 10)) {
          shown = event.written;
          step(`  ${event.written} of ${size}`);
        }
      },
    });
    const m = { fill: { stories: fill.stories, seconds: round(fill.seconds), cpuSeconds: round(fill.cpuSeconds) } };
    out.sizes[size] = m;
    // The article pages warmed at the size before stay cached (the stories in them did not change); Next's data
    // cache goes, so the sitemaps are generated afresh.
    step(warmed ? `restarting the site, ${warmed} article pages still cached, its data cache empty …` : 'starting the site on an empty cache …');
    await stack.restartSite({ pages: warmed === 0 });
    const auth = await signIn(stack.cms, stack.password);
    const ids = await profileIds(stack.cms);

    // The reads time the CMS, not the site's first renders or PostgreSQL's autovacuum after the fill: the stack is let
    // fall quiet first (at most two minutes; whether it did is recorded).
    step('waiting for the stack to fall quiet …');
    const quiet = await untilQuiet(stack.groups(), { windowMs: 2000, maxTicks: 10, timeoutMs: 120_000 });
    step(`CMS reads, ${config.reads} of each with ${config.readConnections} connection(s)${quiet.quiet ? '' : ' (the stack was still busy after two minutes)'} …`);
    const sample = await sampleSlugs(stack.cms, size);
    const readOptions = { requests: config.reads, connections: config.readConnections };
    m.reads = {
      quiet: quiet.quiet,
      floor: await attempt(() => readLatency(stack.cms, [floorRequest], readOptions)),
      bySlug: await attempt(() => readLatency(stack.cms, sample.map(articleBySlug), readOptions)),
      latest: await attempt(() => readLatency(stack.cms, ids.sections.map(latestOfSection), readOptions)),
    };

    step('sitemaps …');
    m.sitemaps = await attempt(() => sitemapCosts(stack.web, { busyMonth: monthBefore(Date.now(), 3), regularMonth: monthBefore(Date.now(), 4) }));

    step(`publish → visible, ${config.publishes} publishes …`);
    m.publish = await attempt(async () =>
      summarizePublish(
        await publishLatency({ cms: stack.cms, web: stack.web, password: stack.password, count: config.publishes, draft: { section: ids.sections[0], authors: [ids.authors[0]] } }),
      ),
    );

    if (config.cpuDialects.includes(dialect)) {
      m.cpu = {};
      const listings = ['/', ...SECTION_SLUGS.map((s) => `/section/${s}`), ...REPORTER_SLUGS.map((s) => `/author/${s}`)];
      await warmPages(stack.web, listings);
      for (const cached of config.cached.filter((n) => n <= size)) {
        step(`caching ${cached} article pages …`);
        const slugs = await archiveSlugs(stack.cms, cached);
        await warmPages(stack.web, slugs.slice(warmed).map((slug) => `/news/${slug}`), { onProgress: (done, all) => step(`  ${warmed + done} of ${warmed + all}`) });
        warmed = slugs.length;
        step(`CPU per publish with ${cached} cached article pages, ${config.cpuPublishes} publishes …`);
        m.cpu[cached] = await attempt(() =>
          publishCpu({
            cms: stack.cms,
            web: stack.web,
            auth,
            groups: stack.groups(),
            count: config.cpuPublishes,
            draft: { section: ids.sections[1], authors: [ids.authors[1]] },
            settleMs: config.settleMinutes * 60_000,
          }),
        );
        if (!m.cpu[cached].error) step(`  median ${m.cpu[cached].median} CPU-s`);
      }
    }
    m.memory = residentMemory(stack.groups());
  }

  if (config.importCount > 0 && config.importInto.includes('full')) {
    step(`importing ${config.importCount} stories into the full archive while an editor saves every second …`);
    out.importFull = { archive: config.sizes.at(-1), ...(await attempt(async () => importWhileEditing({ ...(await stack.importArgs()), offset: 6_000_000, log: step }))) };
    if (!out.importFull.error) step(`  ${out.importFull.storiesPerSecond} stories/s, worst save ${out.importFull.worstSaveMs} ms`);
  }
  await stack.stop();
  return out;
}

/** A CMS (and, once asked, a site) on a database of its own: a SQLite file, or a database on the PostgreSQL server. */
async function startStack(dialect, name) {
  const stackDir = path.join(dir, `${dialect}-${name}`);
  mkdirSync(stackDir, { recursive: true });
  let databaseUrl = `file:${path.join(stackDir, 'newsroom.db')}`;
  if (dialect === 'postgres') {
    const pg = createRequire(path.join(root, 'apps', 'cms', 'package.json'))('pg');
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    await client.query(`CREATE DATABASE bench_${name}`);
    await client.end();
    databaseUrl = withDatabase(postgres.url, `bench_${name}`);
  }
  const { env, cms, web, password } = await newsroomEnv({ dir: stackDir, databaseUrl });
  const cmsChild = await startCms(env, { logFile: path.join(stackDir, 'cms.log') });
  let site;
  const groups = () => ({
    cms: cmsChild.pid,
    ...(site ? { site: site.pid } : {}),
    ...(dialect === 'postgres' ? { postgres: postgresProcesses(path.join(postgres.dir, 'data')) } : {}),
  });
  return {
    dir: stackDir,
    env,
    cms,
    web,
    password,
    groups,
    async restartSite({ pages = true } = {}) {
      if (site) await stopProcess(site);
      clearSiteCache({ pages });
      site = await startSite(env, { logFile: path.join(stackDir, 'site.log') });
    },
    async importArgs() {
      return { env, cms, count: config.importCount, logFile: path.join(stackDir, 'import.log'), auth: await signIn(cms, password) };
    },
    async stop() {
      if (site) await stopProcess(site);
      await stopProcess(cmsChild);
    },
  };
}

async function profileIds(cms) {
  const idsOf = async (collection, slugs) => {
    const response = await fetch(`${cms}/api/${collection}?where[slug][in]=${slugs.join(',')}&limit=100&depth=0`);
    const { docs } = await response.json();
    const ids = slugs.map((slug) => docs.find((doc) => doc.slug === slug)?.id);
    if (ids.some((id) => id === undefined)) throw new Error(`missing ${collection}: ${slugs.filter((_, i) => ids[i] === undefined).join(', ')}`);
    return ids;
  };
  return { sections: await idsOf('sections', SECTION_SLUGS), authors: await idsOf('authors', REPORTER_SLUGS) };
}

/** About 200 slugs from all over the archive: four 50-story pages picked at random. */
async function sampleSlugs(cms, size) {
  const pages = Math.max(1, Math.floor(size / 50));
  const slugs = [];
  for (let k = 0; k < 4; k++) {
    const page = 1 + Math.floor(Math.random() * pages);
    const response = await fetch(`${cms}/api/articles?where[tags][equals]=generated-archive&sort=id&limit=50&page=${page}&depth=0&select[slug]=true`);
    slugs.push(...(await response.json()).docs.map((doc) => doc.slug));
  }
  if (slugs.length === 0) throw new Error('the archive has no stories to read');
  return slugs.sort(() => Math.random() - 0.5);
}

/** One measurement: its figures, or `{ error }` — reported in its cell, and the run goes on with the others. */
async function attempt(measure) {
  try {
    return await measure();
  } catch (error) {
    log(`  failed: ${error.message}`);
    return { error: error.message };
  }
}

function summarizePublish(p) {
  return { count: p.samples.length, p50: p.p50, p95: p.p95, max: p.max, saveP50: p.saveP50 };
}

// ---------------------------------------------------------------------------------------------------------------

function report(r) {
  const sizes = r.config.sizes;
  const failures = [];
  /** A cell: undefined (not measured: —), the failure (numbered, listed under the table), or `format(x)`. */
  const cell = (x, format) => {
    if (!x) return undefined;
    if (x.error) {
      failures.push(x.error);
      return `failed (${failures.length})`;
    }
    return format(x);
  };
  const lines = [
    `### Scale — ${r.date.slice(0, 10)} (${r.machine.cpus} cores, ${r.machine.cpuModel}, Node ${r.machine.node}, load ${r.machine.load} at start; one run)`,
    '',
    `| measure | goal | ${sizes.map((s) => s.toLocaleString('en-US')).join(' | ')} |`,
    `| --- | --- | ${sizes.map(() => '---:').join(' | ')} |`,
  ];
  const row = (label, goal, value) => lines.push(`| ${label} | ${goal} | ${sizes.map((size) => value(size) ?? '—').join(' | ')} |`);
  for (const [dialect, d] of Object.entries(r.dialects)) {
    const name = NAMES[dialect];
    const at = (size) => d.sizes[size];
    row(`${name}: stories added to reach this size (stories/s)`, '', (s) => cell(at(s)?.fill, (x) => `${x.stories.toLocaleString('en-US')} (${Math.round(x.stories / x.seconds)}/s)`));
    const connections = `${r.config.readConnections} connection${r.config.readConnections === 1 ? '' : 's'}`;
    const read = (key, label, goal = '≤ 10 ms at 100,000') =>
      row(`${name}: CMS read, ${label} — p99 (p50), ${connections}`, goal, (s) => cell(at(s)?.reads?.[key], (x) => `${x.p99} ms (${x.p50})`));
    read('floor', 'no query (`/api/database-identity`, the floor of any REST request)', '');
    read('bySlug', 'article by slug');
    read('latest', 'latest 10 of a section');
    row(`${name}: publish → visible, article URL and front page — p95 (p50, max) of ${r.config.publishes}`, 'p95 ≤ 1 s', (s) => cell(at(s)?.publish, (x) => `${x.p95} ms (${x.p50}, ${x.max})`));
    const sitemap = (key, label) =>
      row(`${name}: ${label} — first / cached, size`, '', (s) => {
        const all = at(s)?.sitemaps;
        return cell(all?.error ? all : all?.[key], (x) => (x.status ? `HTTP ${x.status}` : `${x.coldMs} / ${x.warmMs} ms, ${bytes(x.bytes)}, ${x.entries.toLocaleString('en-US')} ${x.kind === 'index' ? 'files' : 'URLs'}`));
      });
    sitemap('index', '`/sitemap.xml`');
    sitemap('busy', 'busy month’s file (half the archive; 50,000 at 100,000)');
    sitemap('regular', 'a regular month’s file (1/12 of the archive)');
    sitemap('news', '`/news-sitemap.xml` (1 story in 100 is from the last 36 h)');
    const cachedCounts = [...new Set(Object.values(d.sizes).flatMap((m) => Object.keys(m.cpu ?? {}).map(Number)))].sort((a, b) => a - b);
    for (const cached of cachedCounts) {
      row(`${name}: CPU per publish, ${cached.toLocaleString('en-US')} article pages cached — median of ${r.config.cpuPublishes}`, '', (s) =>
        cell(at(s)?.cpu?.[cached], (x) => `${x.median.toFixed(2)} CPU-s${x.settled ? '' : ` (still busy after ${r.config.settleMinutes} min: at least)`}`),
      );
    }
    if (cachedCounts.length >= 2) {
      const [low, high] = [cachedCounts[0], cachedCounts.at(-1)];
      row(`${name}: CPU per publish, ${high.toLocaleString('en-US')} ÷ ${low.toLocaleString('en-US')} cached`, '≤ 1.5', (s) => {
        const c = at(s)?.cpu;
        return c?.[low]?.median && c?.[high]?.median !== undefined ? (c[high].median / c[low].median).toFixed(2) : undefined;
      });
    }
    const processes = [...new Set(Object.values(d.sizes).flatMap((m) => (m.memory ?? []).map((p) => `${p.group}: ${p.process}`)))];
    for (const proc of processes) {
      row(`${name}: resident memory, ${proc}`, '', (s) => {
        const found = (at(s)?.memory ?? []).filter((p) => `${p.group}: ${p.process}` === proc);
        return found.length ? found.map((p) => bytes(p.bytes)).join(' + ') : undefined;
      });
    }
  }
  const imports = Object.entries(r.dialects).flatMap(([dialect, d]) => [
    ...(d.importEmpty ? [[dialect, 'empty (the demo stories)', d.importEmpty]] : []),
    ...(d.importFull ? [[dialect, `${d.importFull.archive.toLocaleString('en-US')} generated stories`, d.importFull]] : []),
  ]);
  if (imports.length) {
    lines.push(
      '',
      '| wire import while an editor saves every second | archive before | stories | seconds | stories/s | saves (failed) | worst save (in the batches / going live) | p95 save | median save |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...imports.map(([dialect, archive, x]) =>
        x.error
          ? `| ${NAMES[dialect]} | ${archive} | ${cell(x)} | | | | | | |`
          : `| ${NAMES[dialect]} | ${archive} | ${x.stories.toLocaleString('en-US')} | ${x.seconds} | ${x.storiesPerSecond} | ${x.saves} (${x.failedSaves}) | ${x.worstSaveMs} ms (${x.worstSaveByPhase?.batches ?? '—'} / ${x.worstSaveByPhase?.['going live'] ?? '—'}) | ${x.p95SaveMs ?? '—'} ms | ${x.medianSaveMs} ms |`,
      ),
    );
  }
  if (failures.length) lines.push('', ...failures.map((message, i) => `(${i + 1}) ${message.split('\n')[0]}`));
  lines.push('', `Whole run: ${elapsed()}.`);
  return lines.join('\n');
}

function bytes(n) {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024).toFixed(1)} KB`;
}

function round(n) {
  return Math.round(n * 100) / 100;
}

function elapsed() {
  const s = Math.round((Date.now() - began) / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** On failure: the end of every log the run wrote, before the scratch folder goes. */
function tailLogs() {
  const walk = (folder) =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return walk(full);
      return entry.name.endsWith('.log') ? [full] : [];
    });
  for (const file of walk(dir)) {
    const text = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-25).join('\n');
    if (text) console.error(`\n--- ${path.relative(dir, file)} (last lines) ---\n${text}`);
  }
}
