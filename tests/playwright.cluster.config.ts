import { defineConfig } from '@playwright/test';

import { chromiumLaunch } from './playwright.config';

/** The multi-instance and fault suite: whole topologies started by the project's own commands, one at a time. */
export default defineConfig({
  testDir: './cluster',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: { browserName: 'chromium', launchOptions: chromiumLaunch, trace: 'off' },
});
