import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { minifyLiterals } from './scripts/minify-literals.mjs';

/** Debian's Chromium; Playwright never downloads a browser here. */
const chromium = {
  executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  plugins: [
    {
      // Every build minifies the html`` and css`` literals (scripts/build.mjs); tests run the same templates.
      name: 'minify-literals',
      enforce: 'pre',
      transform(code, id) {
        return /[\\/]src[\\/](?!test[\\/]).*(?<!\.test)\.ts$/.test(id) ? { code: minifyLiterals(code, id), map: null } : undefined;
      },
    },
  ],
  // Pre-bundled up front, so Vite never reloads the page to optimise a dependency halfway through a run.
  optimizeDeps: {
    include: ['lit', '@lit-labs/ssr-client/lit-element-hydrate-support.js', 'axe-core'],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['src/**/*.test.ts', 'demo/**/*.test.ts'],
          exclude: ['src/**/*.node.test.ts'],
          // Renders the server-side fixtures in Node and hands them to the hydration tests.
          globalSetup: ['src/test/ssr-fixtures.global.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromium }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.node.test.ts', 'scripts/**/*.test.mjs'],
          environment: 'node',
        },
      },
    ],
  },
});
