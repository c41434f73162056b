// Builds dist/ from src/ (types come from `tsc --emitDeclarationOnly`, run before this):
//  - the ESM build: one module per source file, `lit` and `@lit-labs/*` left as imports, literals minified;
//  - dist/news-widgets.js: the standalone embed, Lit bundled in, minified;
//  - dist/news-widgets.dev.js: the same unminified with Lit's development build (the `development` export condition).
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minifyLiteralsPlugin } from './minify-literals.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Source modules that ship: every .ts under src/ except tests and test helpers. */
export function shippedSources() {
  return readdirSync(`${root}src`, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('test'))
    .map((file) => `src/${file.replaceAll('\\', '/')}`);
}

/** esbuild options for the standalone embed; the size check reuses them. */
export const standaloneOptions = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  // The notices of bundled packages (Lit's BSD-3-Clause) go to news-widgets.js.LEGAL.txt beside it.
  legalComments: 'external',
  // Module scripts are always decoded as UTF-8, so "…" need not be escaped to \u2026.
  charset: 'utf8',
  plugins: [minifyLiteralsPlugin()],
  logLevel: 'warning',
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build({
    absWorkingDir: root,
    entryPoints: shippedSources(),
    outdir: 'dist',
    outbase: 'src',
    format: 'esm',
    target: 'es2022',
    sourcemap: true,
    tsconfig: 'tsconfig.build.json',
    plugins: [minifyLiteralsPlugin()],
    logLevel: 'warning',
  });
  await build({ ...standaloneOptions, entryPoints: ['src/news-widgets.ts'], outfile: 'dist/news-widgets.js', sourcemap: 'external' });
  await build({
    ...standaloneOptions,
    entryPoints: ['src/news-widgets.ts'],
    outfile: 'dist/news-widgets.dev.js',
    minify: false,
    legalComments: 'inline',
    conditions: ['development'],
    sourcemap: 'linked',
  });
}
