// Builds what the browser loads, before `next build`: the widget hydration module and the live-preview helper
// (content-hashed, cached for a year), and the standalone embed bundle copied from @newsroom/components to
// /embed/v1/news-widgets.js. Writes public/_assets/manifest.json, which the pages read to name the files.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'public', '_assets');
rmSync(outdir, { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: { widgets: 'src/client/widgets.ts', 'live-preview': 'src/client/live-preview.ts' },
  bundle: true,
  // Each element is its own chunk, loaded only by pages that show it (src/client/widgets.ts).
  splitting: true,
  chunkNames: 'chunk-[hash]',
  format: 'esm',
  target: 'es2022',
  supported: { 'top-level-await': true },
  minify: true,
  legalComments: 'none',
  entryNames: '[name]-[hash]',
  outdir,
  metafile: true,
  logLevel: 'warning',
});

const manifest = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (!output.entryPoint?.startsWith('src/client/')) continue;
  const name = path.basename(output.entryPoint, '.ts');
  manifest[name] = `/_assets/${path.basename(file)}`;
}
writeFileSync(path.join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const require = createRequire(import.meta.url);
const embed = require.resolve('@newsroom/components/news-widgets.js');
const embedDir = path.join(root, 'public', 'embed', 'v1');
mkdirSync(embedDir, { recursive: true });
copyFileSync(embed, path.join(embedDir, 'news-widgets.js'));

console.log(`client assets: ${Object.values(manifest).join(', ')}, /embed/v1/news-widgets.js`);
