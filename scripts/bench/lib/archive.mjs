// The archive the scale benchmark measures against, written on DATABASE_URL through Payload (its field validation,
// defaults and hooks, slug uniqueness, versions), under `NODE_OPTIONS=--conditions=production tsx` from apps/cms like
// the CMS's own scripts. Prints one JSON line per event on stdout; Payload's log goes to stderr.
//
//   fill --to N [--batch 250] [--anchor ISO-TIME] [--via fast|create|import]
//       Generated stories until the archive holds N of them (those already there count: a run fills 1,000, is
//       measured, fills on to 10,000 …), in transactions of --batch stories, each published at its place in the
//       archive relative to --anchor (default now; see placement()), in one of the demo sections. `fast` (the
//       default): Payload's field pipeline and database adapter (apps/cms/bench/archive-writer.ts — everything
//       payload.create does but read the document back and run the after-change hooks), about twice the speed of
//       `create`: payload.create itself. `import`: N more through the wire import (importWireStories) in batches of
//       --batch, every story published now, no section — only for comparing the paths' cost.
//   import --count N [--offset K]
//       The wire import of N new generated stories, published, as `npm run import` does it beside a running CMS (the
//       dialect's own batch policy), telling the site named by REVALIDATE_SECRET and WEB_INTERNAL_URL/WEB_URL.
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

import { slugify } from '@newsroom/schema';
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from '../../../apps/cms/bench/payload-api.ts';

import { writeArchiveArticle } from '../../../apps/cms/bench/archive-writer.ts';
import { generatedStory, REPORTERS } from '../../../apps/cms/bench/generated-stories.ts';
import { BATCH_POLICY, importWireStories, parseWireFiles, wireArticleData } from '../../../apps/cms/src/import/wire-import.ts';
import { closePayload, openPayload } from '../../../apps/cms/src/lib/open-payload.ts';
import { seedDemo } from '../../../apps/cms/src/seed/seed-demo.ts';

/** Every generated story carries this tag: how a later fill knows how many are there. */
const ARCHIVE_TAG = 'generated-archive';
const SECTIONS = ['world', 'science', 'city'];
const HOUR = 3_600_000;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    to: { type: 'string' },
    count: { type: 'string' },
    offset: { type: 'string', default: '5000000' },
    batch: { type: 'string', default: '250' },
    via: { type: 'string', default: 'fast' },
    anchor: { type: 'string' },
  },
});
const emit = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);

const payload = await openPayload({ logToStderr: true });
let code = 0;
try {
  if (positionals[0] === 'fill') await fill(Number(values.to), Number(values.batch), values.via, values.anchor ? Date.parse(values.anchor) : Date.now());
  else if (positionals[0] === 'import') await wireImport(Number(values.count), Number(values.offset));
  else throw new Error(`unknown command ${positionals[0] ?? '(none)'}: fill or import`);
} catch (error) {
  emit({ event: 'error', message: error.stack ?? String(error) });
  code = 1;
} finally {
  await closePayload(payload);
}
process.stdout.write('', () => process.exit(code));

async function fill(target, batchSize, via, now) {
  if (!Number.isInteger(target) || target < 0) throw new Error('fill needs --to N');
  if (!['fast', 'create', 'import'].includes(via)) throw new Error(`--via: fast, create or import, got ${via}`);
  // The demo accounts and sections (idempotent; the CMS's own start does the same on SQLite, and with SEED_DEMO).
  await seedDemo(payload, { password: process.env.DEMO_PASSWORD });
  const system = { overrideAccess: true, depth: 0, context: { skipRevalidation: true } };
  const sections = await payload.find({ collection: 'sections', where: { slug: { in: SECTIONS } }, limit: 10, ...system });
  const sectionIds = SECTIONS.map((slug) => sections.docs.find((doc) => doc.slug === slug)?.id);
  if (sectionIds.some((id) => id === undefined)) throw new Error(`the demo sections ${SECTIONS.join(', ')} are missing`);
  const authorIds = new Map();
  for (const name of REPORTERS) {
    const slug = slugify(name);
    const found = await payload.find({ collection: 'authors', where: { slug: { equals: slug } }, limit: 1, ...system });
    authorIds.set(name, found.docs[0]?.id ?? (await payload.create({ collection: 'authors', data: { name, slug }, ...system })).id);
  }

  const have = via === 'import' ? 0 : (await payload.count({ collection: 'articles', where: { tags: { equals: ARCHIVE_TAG } }, overrideAccess: true })).totalDocs;
  emit({ event: 'fill', have, target });
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let next = have; next < target; ) {
    const end = Math.min(target, next + batchSize);
    const parsed = parseWireFiles(Array.from({ length: end - next }, (_, k) => generatedStory(next + k)));
    if (via === 'import') {
      await importWireStories(payload, parsed, { publish: true, batch: { maxStories: batchSize, maxMs: 3_600_000, pauseMs: 0 } });
    } else {
      const req = await createLocalReq({ context: { skipRevalidation: true } }, payload);
      await initTransaction(req);
      try {
        for (const [k, { story }] of parsed.entries()) {
          const i = next + k;
          const data = articleData(story, {
            authors: story.authors.map((name) => authorIds.get(name)).filter(Boolean),
            section: sectionIds[i % SECTIONS.length],
            publishedAt: new Date(placement(i, now)).toISOString(),
          });
          if (via === 'fast') await writeArchiveArticle(payload, req, data);
          else await payload.create({ collection: 'articles', req, ...system, select: { slug: true }, data });
        }
        await commitTransaction(req);
      } catch (error) {
        await killTransaction(req);
        throw error;
      }
    }
    next = end;
    // libsql frees a statement's native memory in a finalizer that runs only when the event loop turns, and SQLite
    // answers synchronously behind its promises: without this, a fill never yields and holds ~5 KB per statement.
    await nextTurn();
    // SQLite has one write lock for every process: a fill that took it again at once would starve the CMS beside it
    // (its writes wait in SQLite's busy handler, which sleeps up to 100 ms between tries, and fail after 5 s). Pause
    // as the wire import does between its batches.
    if (payload.db.name !== 'postgres') await sleep(BATCH_POLICY.sqlite.pauseMs);
    emit({ event: 'progress', written: next, target, rssBytes: process.memoryUsage().rss });
  }
  const seconds = (performance.now() - started) / 1000;
  emit({ event: 'done', stories: target - have, seconds, cpuSeconds: cpuSeconds(cpu), via });
}

async function wireImport(count, offset) {
  if (!Number.isInteger(count) || count <= 0) throw new Error('import needs --count N');
  const parsed = parseWireFiles(Array.from({ length: count }, (_, k) => generatedStory(offset + k)));
  emit({ event: 'started', stories: count });
  const started = performance.now();
  const cpu = process.cpuUsage();
  await importWireStories(payload, parsed, {
    publish: true,
    siteUrl: process.env.WEB_URL,
    onBatch: (written, total) => emit({ event: 'progress', written, total }),
  });
  const seconds = (performance.now() - started) / 1000;
  emit({ event: 'done', stories: count, seconds, cpuSeconds: cpuSeconds(cpu) });
}

/** CPU seconds this process has spent since `since` (a process.cpuUsage()). */
function cpuSeconds(since) {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1e6;
}

/**
 * When story `i` was published, spread so that the sitemap has both of its cases at 100,000 stories: one story in a
 * hundred in the last 36 hours (the front page, the News sitemap: 1,000 at 100,000); the odd ones in one busy month
 * three months back (50,000 at 100,000: one full sitemap file); the rest over the six months before it (~8,200 each).
 */
function placement(i, now) {
  const at = fraction(i);
  if (i % 100 === 0) return now - 36 * HOUR * at;
  const monthsBack = i % 2 === 1 ? 3 : 4 + (Math.floor(i / 2) % 6);
  const current = new Date(now);
  const start = Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - monthsBack, 1);
  const end = Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - monthsBack + 1, 1);
  return start + Math.floor((end - start - 1) * at);
}

/** A fixed pseudo-random number in [0, 1) for `i` (so a fill resumed later places the same story at the same time). */
function fraction(i) {
  let x = (i + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

/** The article the wire import writes for `story` (apps/cms/src/import/wire-import.ts `wireArticleData`), published. */
function articleData(story, { authors, section, publishedAt }) {
  return { ...wireArticleData({ name: 'generated', story }, authors), section, tags: [ARCHIVE_TAG], _status: 'published', publishedAt };
}
