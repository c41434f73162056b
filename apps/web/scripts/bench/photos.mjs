// `npm run bench:photos`: photos on a fresh stack (`npm start`'s demo content: each story's photo a 2400 × 1600 JPEG
// the seed draws, with its rights in the file), side by side in one run:
//
//   1. Lighthouse 12.2.3 mobile (simulated slow 4G, 4× CPU, a 412 × 823 screen at 1.75×), 3 runs, the median by
//      performance, on the demo article with the 2400 × 1600 hero                      budget 100, LCP ≤ 1.2 s, CLS 0
//   2. the hero's bytes as that phone fetched them (from Lighthouse's network log), beside the original's and the
//      1280-px JPEG every reader got before the renditions existed
//   3. upload-to-renditions time of a 24-megapixel (6000 × 4000) JPEG through the CMS's REST API, as the admin sends
//      it: rights read from its XMP, the file rewritten, 20 renditions in JPEG, WebP and AVIF; median of 3
//
//   npm run bench:photos          # prints a Markdown table (for BENCHMARKS.md) and the raw figures as JSON
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { lighthouseRuns } from './lighthouse.mjs';
import { logger } from './lib/log.mjs';
import { clearSiteCache, newsroomEnv, root, scratchDir, startCms, startSite } from './lib/newsroom.mjs';
import { stopAll } from './lib/processes.mjs';

const HERO_SLUG = 'harbor-town-votes-to-rebuild-its-seawall-with-oyster-reefs';
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 3);
const { log, fail } = logger('bench photos');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A 24-megapixel JPEG with the texture of a photo (a gradient under fine noise) and rights in XMP. */
async function bigJpeg(sharp, width = 6000, height = 4000) {
  const noise = await sharp({ create: { width, height, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 24 } } })
    .raw()
    .toBuffer();
  const scene = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2a5d8f"/><stop offset="1" stop-color="#f2c14e"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  const xmp = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"><dc:creator><rdf:Seq><rdf:li>Bench Photographer</rdf:li></rdf:Seq></dc:creator><photoshop:Credit>Photo by Bench Photographer/Newsroom</photoshop:Credit></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  return sharp(Buffer.from(scene))
    .composite([{ input: noise, raw: { width, height, channels: 3 }, blend: 'soft-light' }])
    .withXmp(xmp)
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function uploadTimes(cms, password, data) {
  const login = await fetch(`${cms}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'editor@example.com', password }),
  }).then((r) => r.json());
  if (!login.token) throw new Error('the demo editor could not sign in');
  const times = [];
  let renditions = 0;
  for (let run = 0; run < UPLOADS; run++) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type: 'image/jpeg' }), `big-${run}.jpg`);
    form.append('_payload', JSON.stringify({ alt: 'A benchmark photo' }));
    const started = performance.now();
    const response = await fetch(`${cms}/api/media`, { method: 'POST', headers: { Authorization: `JWT ${login.token}` }, body: form });
    const body = await response.json();
    if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
    times.push(Math.round(performance.now() - started));
    renditions = Object.values(body.doc.sizes).filter((size) => size.filename).length;
  }
  return { times, medianMs: median(times), renditions };
}

async function main() {
  const sharp = (await import(createRequire(path.join(root, 'apps', 'cms', 'package.json')).resolve('sharp'))).default;
  const dir = scratchDir('newsroom-bench-photos-');
  const { env, cms, web, password } = await newsroomEnv({ dir });
  log('starting the CMS (it seeds the demo stories and their photos) …');
  await startCms(env);
  clearSiteCache();
  log('starting the site …');
  await startSite(env);
  const url = `${web}/news/${HERO_SLUG}`;
  for (let i = 0; i < 3; i++) await fetch(url).then((r) => r.text());

  log(`Lighthouse, ${RUNS} runs …`);
  const lighthouse = await lighthouseRuns(url, RUNS);
  const heroRequests = lighthouse.runs.map((run) => run.images.find((image) => /\/media\/harbor-[0-9a-f]{12}/.test(image.url)));
  const hero = heroRequests[0];

  // What every reader got before: the 1280-px JPEG; and the original as uploaded.
  const html = await fetch(url).then((r) => r.text());
  const jpeg1280 = /src="(\/media\/harbor-[0-9a-f]{12}-1280x853\.jpg)"/.exec(html)?.[1];
  const bytesOf = async (file) => (file ? (await fetch(`${web}${file}`).then((r) => r.arrayBuffer())).byteLength : undefined);
  const original = jpeg1280?.replace(/-1280x853\.jpg$/, '.jpg');
  const before = { jpeg1280Bytes: await bytesOf(jpeg1280), originalBytes: await bytesOf(original) };

  log('uploading a 24-megapixel JPEG …');
  const big = await bigJpeg(sharp);
  const upload = await uploadTimes(cms, password, big);

  await stopAll();
  const result = {
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    lighthouse: lighthouse.median,
    runs: lighthouse.runs.map(({ performance, lcpMs, cls, tbtMs }) => ({ performance, lcpMs, cls, tbtMs })),
    hero: hero && { url: hero.url.replace(web, ''), transferBytes: hero.transferSize, resourceBytes: hero.resourceSize, mimeType: hero.mimeType },
    before,
    upload: { megapixels: 24, fileBytes: big.length, ...upload },
  };
  return result;
}

function markdown(result) {
  const m = result.lighthouse;
  const kb = (bytes) => (bytes === undefined ? '—' : `${(bytes / 1024).toFixed(1)} KB`);
  return [
    '| measure | budget | result | within |',
    '|---|---|---|---|',
    `| Lighthouse mobile performance (median of ${result.runs.length}) | 100 | ${m.performance} | ${m.performance >= 100 ? 'yes' : 'no'} |`,
    `| LCP | ≤ 1.2 s | ${(m.lcpMs / 1000).toFixed(2)} s | ${m.lcpMs <= 1200 ? 'yes' : 'no'} |`,
    `| CLS | 0 | ${m.cls} | ${m.cls === 0 ? 'yes' : 'no'} |`,
    `| hero bytes to a 412-px phone at 1.75× | — | ${kb(result.hero?.transferBytes)} (${result.hero?.url ?? 'not found'}) | — |`,
    `| the same hero as the 1280-px JPEG every reader got before | — | ${kb(result.before.jpeg1280Bytes)} | — |`,
    `| the 2400 × 1600 original as stored | — | ${kb(result.before.originalBytes)} | — |`,
    `| upload to ${result.upload.renditions} renditions, 24-MP JPEG (${kb(result.upload.fileBytes)}), median of ${result.upload.times.length} | — | ${(result.upload.medianMs / 1000).toFixed(1)} s (${result.upload.times.map((t) => (t / 1000).toFixed(1)).join(', ')}) | — |`,
    '',
    `Lighthouse runs (performance · LCP · CLS · TBT): ${result.runs.map((r) => `${r.performance} · ${(r.lcpMs / 1000).toFixed(2)} s · ${r.cls} · ${r.tbtMs} ms`).join('; ')}.`,
    `Machine: ${result.machine.cpus} × ${result.machine.model}, Node ${result.machine.node}.`,
  ].join('\n');
}

try {
  const result = await main();
  console.log(markdown(result));
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
} catch (error) {
  await stopAll();
  fail(error.message);
}
