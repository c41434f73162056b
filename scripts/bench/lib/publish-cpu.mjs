// CPU the whole stack spends on one publish, with a given number of article pages in the site's cache: utime + stime
// of every process in the CMS's and the site's process groups (and PostgreSQL's), read before the PATCH and again
// once the story shows on its URL and the front page and the stack has fallen quiet, less what the stack spends idle
// over the same time. What a publish re-renders should not grow with the pages cached (docs/adr/0014).
import { randomBytes } from 'node:crypto';

import { lexical } from '../../../apps/web/scripts/bench/lib/newsroom.mjs';
import { sleep } from '../../../apps/web/scripts/bench/lib/processes.mjs';
import { median } from '../../../apps/web/scripts/bench/lib/stats.mjs';
import { CLOCK_TICKS, idleRate, spent, ticks, untilQuiet } from './accounting.mjs';

/** Live generated stories' slugs, oldest id first, up to `count`. */
export async function archiveSlugs(cms, count) {
  const slugs = [];
  for (let page = 1; slugs.length < count; page++) {
    const query = `where[tags][equals]=generated-archive&sort=id&limit=1000&page=${page}&depth=0&select[slug]=true`;
    const response = await fetch(`${cms}/api/articles?${query}`);
    if (!response.ok) throw new Error(`listing the archive failed: ${response.status}`);
    const { docs, hasNextPage } = await response.json();
    for (const doc of docs) slugs.push(doc.slug);
    if (!hasNextPage) break;
  }
  return slugs.slice(0, count);
}

/** Fetches each path through the site, `concurrency` at a time, so Next has rendered and cached it. */
export async function warmPages(web, paths, { concurrency = 4, onProgress = () => {} } = {}) {
  let next = 0;
  let done = 0;
  let failed = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++];
      const response = await fetch(`${web}${path}`);
      await response.arrayBuffer();
      if (response.status !== 200) failed++;
      if (++done % 500 === 0) onProgress(done, paths.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (failed > 0) throw new Error(`${failed} of ${paths.length} pages did not answer 200 while warming the cache`);
}

/**
 * `count` publishes, one at a time, each of a fresh draft with `draft` fields (a section, authors) whose 404 and the
 * front page are cached first. Returns each publish's CPU seconds (in all and by group) and the median; `settled` is
 * false when some publish still kept the stack busy after `settleMs` (its figure is then a floor).
 */
export async function publishCpu({ cms, web, auth, groups, count, draft = {}, settleMs = 20 * 60_000 }) {
  // Whatever came before (warming the cache: Next writing pages out, collecting garbage) is over first.
  await untilQuiet(groups, { maxTicks: 3, timeoutMs: 30_000 });
  const idle = await idleRate(groups);
  const quietTicks = Math.max(3, Math.ceil(idle * 2));
  const samples = [];
  for (let i = 1; i <= count; i++) {
    const headline = `CPU bench story ${i} ${randomBytes(3).toString('hex')}`;
    const created = await fetch(`${cms}/api/articles?depth=0&draft=true`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ headline, _status: 'draft', body: lexical([`${headline} first paragraph.`, 'Second paragraph.']), ...draft }),
    });
    if (!created.ok) throw new Error(`creating a draft failed: ${created.status} ${await created.text()}`);
    const { id, slug } = (await created.json()).doc;
    await fetch(`${web}/news/${slug}`).then((r) => r.arrayBuffer());
    await fetch(`${web}/`).then((r) => r.arrayBuffer());
    await untilQuiet(groups, { maxTicks: quietTicks });

    const before = ticks(groups);
    const started = performance.now();
    const patched = await fetch(`${cms}/api/articles/${id}?depth=0`, { method: 'PATCH', headers: auth, body: JSON.stringify({ _status: 'published' }) });
    if (!patched.ok) throw new Error(`publishing failed: ${patched.status} ${await patched.text()}`);
    let visible = false;
    while (!visible && performance.now() - started < 30_000) {
      const [a, f] = await Promise.all([fetch(`${web}/news/${slug}`).then((r) => r.text()), fetch(`${web}/`).then((r) => r.text())]);
      visible = a.includes(`<h1>${headline}</h1>`) && f.includes(`headline="${headline}"`);
      if (!visible) await sleep(50);
    }
    if (!visible) throw new Error(`story ${slug} was not visible after 30 s`);
    const visibleMs = performance.now() - started;
    // Everything the publish set off counts, however long it runs (a re-render of every cached page, at its rate).
    const after = await untilQuiet(groups, { maxTicks: quietTicks, timeoutMs: settleMs });
    const elapsed = (after.at - started) / 1000;
    const used = spent(before, after);
    const byGroup = Object.fromEntries(Object.keys(groups).map((name) => [name, (used.byGroup[name] ?? 0) / CLOCK_TICKS]));
    const cpu = Math.max(0, (used.total - idle * elapsed) / CLOCK_TICKS);
    samples.push({ cpuSeconds: round(cpu), byGroup, elapsedSeconds: round(elapsed), visibleMs: Math.round(visibleMs), quiet: after.quiet });
  }
  return { idleTicksPerSecond: round(idle), samples, median: round(median(samples.map((s) => s.cpuSeconds))), settled: samples.every((s) => s.quiet) };
}

function round(n) {
  return Math.round(n * 1000) / 1000;
}
