import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { freePort, startCommand, type Started, waitForHttp } from './processes';

export const DEMO_PASSWORD = 'e2e-demo-password';

export type RunningCms = { base: string; env: NodeJS.ProcessEnv; server: Started; stop(): Promise<void> };

/** The built CMS on a fresh SQLite file and a free port, seeded with the demo accounts and stories. */
export async function startCms(extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningCms> {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-cms-'));
  const port = await freePort();
  const env = {
    DATABASE_URL: `file:${path.join(dir, 'newsroom.db')}`,
    CMS_PORT: String(port),
    DEMO_PASSWORD,
    MEDIA_DIR: path.join(dir, 'media'),
    ...extraEnv,
  };
  const server = startCommand('npm', ['run', 'start', '-w', '@newsroom/cms'], env);
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/api/articles?limit=1`, server, 120_000);
  return {
    base,
    env,
    server,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/admin/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /login/i }).click();
  await page.waitForURL(/\/admin\/?$/);
}

/** A REST token for an account, for checks outside the browser. */
export async function apiToken(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const json = (await response.json()) as { token?: string };
  if (!json.token) throw new Error(`login failed for ${email}: ${response.status}`);
  return json.token;
}
