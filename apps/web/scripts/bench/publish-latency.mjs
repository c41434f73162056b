// Publish → visible: `count` drafts published one after another through the REST API as an editor; the clock runs
// from the PATCH until the article URL and the front page (each already cached, as a 404 and the old list) show the
// story on every site given — the CMS's hook has to reach `/api/revalidate` and the site has to re-render both.
//
//   node scripts/bench/publish-latency.mjs      # alone, on a fresh stack; prints the figures as JSON
import { randomBytes } from 'node:crypto';

import { lexical, signIn } from './lib/newsroom.mjs';
import { sleep } from './lib/processes.mjs';
import { runStandalone } from './lib/seeded-site.mjs';
import { ascending, percentile } from './lib/stats.mjs';

/**
 * `sites`: the site origins to check (default `[web]`; a cluster names its edge and every instance). `draft`: more
 * fields for each story (a section, authors). `timeoutMs`: how long a story may take to show before the run fails.
 */
export async function publishLatency({ cms, web, sites = [web], password, count, draft = {}, timeoutMs = 15_000 }) {
  const auth = await signIn(cms, password);
  const samples = [];
  for (let i = 1; i <= count; i++) {
    const headline = `Bench story ${i} ${randomBytes(3).toString('hex')}`;
    const response = await fetch(`${cms}/api/articles?depth=0&draft=true`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ headline, _status: 'draft', body: lexical([`${headline} first paragraph.`, 'Second paragraph.']), ...draft }),
    });
    if (!response.ok) throw new Error(`creating a draft failed: ${response.status} ${await response.text()}`);
    const { id, slug } = (await response.json()).doc;
    // Cache what the publish must replace: the story's 404 and the front page.
    for (const site of sites) {
      await fetch(`${site}/news/${slug}`).then((r) => r.text());
      await fetch(`${site}/`).then((r) => r.text());
    }
    const started = performance.now();
    const patched = await fetch(`${cms}/api/articles/${id}?depth=0`, { method: 'PATCH', headers: auth, body: JSON.stringify({ _status: 'published' }) });
    if (!patched.ok) throw new Error(`publishing failed: ${patched.status} ${await patched.text()}`);
    const saved = performance.now() - started;
    const seen = sites.map(() => ({ article: 0, front: 0 }));
    const done = () => seen.every((s) => s.article && s.front);
    while (performance.now() - started < timeoutMs && !done()) {
      await Promise.all(
        sites.map(async (site, k) => {
          if (seen[k].article && seen[k].front) return;
          const [a, f] = await Promise.all([fetch(`${site}/news/${slug}`).then((r) => r.text()), fetch(`${site}/`).then((r) => r.text())]);
          const now = performance.now() - started;
          if (!seen[k].article && a.includes(`<h1>${headline}</h1>`)) seen[k].article = now;
          if (!seen[k].front && f.includes(`headline="${headline}"`)) seen[k].front = now;
        }),
      );
      if (!done()) await sleep(10);
    }
    if (!done()) {
      const missing = sites.flatMap((site, k) => [...(seen[k].article ? [] : [`${site}/news/${slug}`]), ...(seen[k].front ? [] : [`${site}/`])]);
      throw new Error(`story ${i} was not visible after ${timeoutMs / 1000} s${sites.length > 1 ? ` (not on ${missing.join(', ')})` : ''}`);
    }
    const article = Math.max(...seen.map((s) => s.article));
    const front = Math.max(...seen.map((s) => s.front));
    samples.push({ saveMs: Math.round(saved), articleMs: Math.round(article), frontMs: Math.round(front), visibleMs: Math.round(Math.max(article, front)) });
  }
  const visible = ascending(samples.map((s) => s.visibleMs));
  return { samples, p50: percentile(visible, 0.5), p95: percentile(visible, 0.95), max: visible.at(-1), saveP50: percentile(ascending(samples.map((s) => s.saveMs)), 0.5) };
}

await runStandalone(import.meta.url, 'publish-latency', ({ cms, web, password }) => publishLatency({ cms, web, password, count: Number(process.env.BENCH_PUBLISHES ?? 20) }));
