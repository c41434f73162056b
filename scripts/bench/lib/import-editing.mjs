// Wire-import throughput beside a running CMS while an editor keeps working: the import (as `npm run import` runs it,
// in its own process, on the CMS's database) of `count` new stories, and meanwhile a save every second — a PATCH of
// another article through the CMS's REST API. Stories/s over the import itself, and how long the editor's saves took.
import { sleep } from '../../../apps/web/scripts/bench/lib/processes.mjs';
import { ascending, percentile } from '../../../apps/web/scripts/bench/lib/stats.mjs';
import { runArchiveWorker } from './worker.mjs';

export async function importWhileEditing({ env, cms, auth, count, offset, logFile, log }) {
  const target = await (await fetch(`${cms}/api/articles?limit=1&sort=-publishedAt&depth=0`)).json();
  const articleId = target.docs[0]?.id;
  if (articleId === undefined) throw new Error('no article for the editor to edit');

  let importing = false;
  let finished = false;
  // Which part of the import a save began in: its batches, or — once every story is written — the last transaction,
  // which makes the whole run live at once.
  let phase = 'batches';
  const saves = [];
  const editor = (async () => {
    while (!importing && !finished) await sleep(20);
    for (let n = 1; !finished; n++) {
      const started = performance.now();
      const during = phase;
      // A save that gets no answer (the connection reset, the CMS gone) is a failed save, not the end of the run.
      const save = await fetch(`${cms}/api/articles/${articleId}?depth=0`, { method: 'PATCH', headers: auth, body: JSON.stringify({ dek: `Edited during the import, save ${n}.` }) })
        .then(async (response) => ({ status: response.status, ok: response.ok, text: await response.text() }))
        .catch((error) => ({ status: 0, ok: false, text: `no answer: ${error.cause?.code ?? error.message}` }));
      const ms = performance.now() - started;
      if (!finished) saves.push({ at: new Date(Date.now() - ms).toISOString(), ms, status: save.status, phase: during, ...(save.ok ? {} : { body: save.text.slice(0, 300) }) });
      await sleep(Math.max(0, 1000 - ms));
    }
  })();

  let reported = 0;
  try {
    const done = await runArchiveWorker(['import', '--count', String(count), '--offset', String(offset)], env, {
      logFile,
      onEvent: (event) => {
        if (event.event === 'started') importing = true;
        if (event.event === 'progress' && event.written >= event.total) phase = 'going live';
        if (event.event === 'progress' && event.written - reported >= count / 5) {
          reported = event.written;
          log?.(`  imported ${event.written} of ${event.total}`);
        }
      },
    });
    finished = true;
    await editor;
    const times = ascending(saves.map((s) => s.ms));
    return {
      stories: done.stories,
      seconds: round(done.seconds),
      storiesPerSecond: Math.round(done.stories / done.seconds),
      workerCpuSeconds: round(done.cpuSeconds),
      saves: saves.length,
      failedSaves: saves.filter((s) => s.status !== 200).length,
      failures: [...new Set(saves.filter((s) => s.status !== 200).map((s) => `${s.status} ${s.body}`))].slice(0, 3),
      worstSaveMs: Math.round(times.at(-1) ?? 0),
      p95SaveMs: Math.round(percentile(times, 0.95) ?? 0),
      medianSaveMs: Math.round(percentile(times, 0.5) ?? 0),
      // Every save over a second, when it began and in which phase: to set beside the CMS's and the database's logs.
      slowSaves: saves.filter((s) => s.ms > 1000).map(({ at, ms, phase, status }) => ({ at, ms: Math.round(ms), phase, status })),
      worstSaveByPhase: Object.fromEntries(
        ['batches', 'going live'].map((p) => {
          const during = saves.filter((s) => s.phase === p).map((s) => s.ms);
          return [p, during.length ? Math.round(Math.max(...during)) : undefined];
        }),
      ),
    };
  } finally {
    finished = true;
  }
}

function round(n) {
  return Math.round(n * 100) / 100;
}
