// Fails the build when dist/news-widgets.js or any one element (measured as its own bundle minus Lit's) is over budget.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { standaloneOptions } from './build.mjs';
import { measure, overBudget } from './size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const budget = JSON.parse(readFileSync(`${root}size-budget.json`, 'utf8'));

async function bundle(contents) {
  const result = await build({ ...standaloneOptions, stdin: { contents, resolveDir: root, loader: 'ts' }, write: false, legalComments: 'none' });
  return result.outputFiles[0].contents;
}

let standalone;
try {
  standalone = measure(readFileSync(`${root}dist/news-widgets.js`));
} catch {
  console.error('dist/news-widgets.js is missing: run the build first.');
  process.exit(1);
}
const problems = overBudget('news-widgets.js', standalone, budget['news-widgets.js']);

// Lit as our elements use it (LitElement, html, nothing, unsafeCSS), in a trivial element so none of it is shaken out.
const litOnly = measure(
  await bundle(`import { LitElement, html, unsafeCSS, nothing } from 'lit';
    customElements.define('x-lit', class extends LitElement { static styles = unsafeCSS(':host{display:block}'); render() { return html\`\${nothing}\`; } });`),
);
const elements = {};
for (const name of ['article-card', 'photo-caption', 'related-headlines']) {
  const withLit = measure(await bundle(`import './src/${name}/${name}.ts';`));
  elements[name] = { min: withLit.min - litOnly.min, gzip: withLit.gzip - litOnly.gzip, brotli: withLit.brotli - litOnly.brotli };
  problems.push(...overBudget(`<news-${name}> over Lit`, elements[name], budget.perElementOverLit));
}

const rows = [['dist/news-widgets.js', standalone], ['Lit alone', litOnly], ...Object.entries(elements).map(([name, size]) => [`news-${name} over Lit`, size])];
const kb = (bytes) => (bytes / 1024).toFixed(2);
console.log('size in bytes (KB = 1024 B)          min           gzip          brotli');
for (const [label, size] of rows) {
  console.log(`${label.padEnd(32)}${['min', 'gzip', 'brotli'].map((kind) => `${String(size[kind]).padStart(7)} ${`(${kb(size[kind])})`.padStart(7)}`).join('')}`);
}
writeFileSync(`${root}dist/size-report.json`, `${JSON.stringify({ standalone, litOnly, elements, budget }, null, 2)}\n`);

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const { brotli, gzip } = budget['news-widgets.js'];
console.log(`within budget: news-widgets.js ≤ ${brotli} B brotli and ≤ ${gzip} B gzip; each element ≤ ${budget.perElementOverLit.brotli} B brotli over Lit`);
