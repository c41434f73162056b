import type { Page } from '@playwright/test';

import { DEMO_PASSWORD } from './newsroom';

export { apiToken, DEMO_PASSWORD } from './newsroom';

/** Signs in to the CMS admin with a demo account. */
export async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/admin/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /login/i }).click();
  await page.waitForURL(/\/admin\/?$/);
}
