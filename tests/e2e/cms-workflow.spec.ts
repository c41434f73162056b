// The newsroom workflow in the real admin: a contributor pitches a story and sends it to review; an editor assigns it,
// marks it ready and publishes it; the story budget — the first thing on the dashboard — shows it with its status and
// assignee, and passes axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

import { signIn } from '../support/cms';
import { apiToken, type Newsroom, startNewsroom } from '../support/newsroom';

const HEADLINE = 'Night buses return to the river route';

type Story = { id: number; headline: string; workflowStatus?: string; assignee?: number | { id: number } | null; _status?: string };

test.describe.serial('the newsroom workflow in the real admin', () => {
  let newsroom: Newsroom;
  const cms = { base: '' };
  let storyUrl = '';

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    newsroom = await startNewsroom({ importSeed: false });
    cms.base = newsroom.cmsBase;
  });
  test.afterAll(async () => newsroom?.stop());

  /** The story as the CMS has it now (its latest version), read as the editor. */
  async function stored(): Promise<Story | undefined> {
    const token = await apiToken(cms.base, 'editor@example.com');
    const response = await fetch(`${cms.base}/api/articles?where[headline][equals]=${encodeURIComponent(HEADLINE)}&draft=true&depth=0`, {
      headers: { Authorization: `JWT ${token}` },
    });
    return ((await response.json()) as { docs: Story[] }).docs[0];
  }

  /** Picks an option of one of the admin's select fields (react-select) by its label. */
  async function choose(page: Page, field: string, option: string): Promise<void> {
    await page.locator(`#field-${field} .rs__control`).click();
    await page.locator('.rs__option', { hasText: new RegExp(`^${option}$`) }).click();
    await expect(page.locator(`#field-${field} .rs__single-value`)).toHaveText(option);
  }

  test('a contributor pitches a story in the admin, then sends it to review', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, cms.base, 'contributor@example.com');
    // Articles autosave: the new draft exists as soon as the form opens.
    await page.goto(`${cms.base}/admin/collections/articles/create`);
    await page.waitForURL(/\/admin\/collections\/articles\/\d+/, { timeout: 30_000 });
    storyUrl = page.url();
    await page.locator('#field-headline').fill(HEADLINE);
    const body = page.locator('[data-lexical-editor="true"]').first();
    await body.click();
    await page.keyboard.type('Night buses will run along the river every half hour from Monday, the transit authority said.');
    await choose(page, 'workflowStatus', 'Pitch');
    await expect.poll(async () => (await stored())?.workflowStatus, { timeout: 20_000, message: 'the pitch autosaved' }).toBe('pitch');

    // The desk's fields are not the contributor's: the assignee is read-only, and "Ready" is refused.
    await expect(page.getByLabel('Assignee')).toBeDisabled();
    await choose(page, 'workflowStatus', 'In review');
    await expect.poll(async () => (await stored())?.workflowStatus, { timeout: 20_000, message: 'sent to review' }).toBe('in-review');
    const token = await apiToken(cms.base, 'contributor@example.com');
    const refused = await fetch(`${cms.base}/api/articles/${storyUrl.split('/').pop()}?draft=true`, {
      method: 'PATCH',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ workflowStatus: 'ready' }),
    });
    expect(refused.status).toBe(403);
    expect((await stored())?._status).toBe('draft');
  });

  test('an editor assigns it, marks it ready and publishes it', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, cms.base, 'editor@example.com');
    await page.goto(storyUrl);
    await expect(page.locator('#field-headline')).toHaveValue(HEADLINE);
    await expect(page.locator('#field-workflowStatus .rs__single-value')).toHaveText('In review');

    const assignee = page.getByLabel('Assignee');
    await expect(assignee).toBeEnabled({ timeout: 15_000 });
    await assignee.selectOption({ label: 'Demo Contributor (contributor)' });
    await choose(page, 'workflowStatus', 'Assigned');
    await expect
      .poll(async () => {
        const story = await stored();
        const id = typeof story?.assignee === 'object' ? story?.assignee?.id : story?.assignee;
        return [story?.workflowStatus, id !== undefined && id !== null];
      }, { timeout: 20_000, message: 'assigned' })
      .toEqual(['assigned', true]);

    await choose(page, 'workflowStatus', 'Ready');
    await expect.poll(async () => (await stored())?.workflowStatus, { timeout: 20_000, message: 'marked ready' }).toBe('ready');

    await page.getByRole('button', { name: 'Publish changes' }).click();
    await expect(page.getByText('Published', { exact: true }).first()).toBeVisible({ timeout: 20_000 });
    const live = (await (await fetch(`${cms.base}/api/articles?where[headline][equals]=${encodeURIComponent(HEADLINE)}`)).json()) as { docs: Story[] };
    expect(live.docs).toHaveLength(1);
    // Readers never see the desk's fields.
    expect(live.docs[0]).not.toHaveProperty('workflowStatus');
    expect(live.docs[0]).not.toHaveProperty('assignee');
  });

  test('the story budget, first on the dashboard, shows the story with its status and assignee, and passes axe', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, cms.base, 'editor@example.com');
    const budgetLink = page.getByRole('region', { name: 'Story budget' }).getByRole('link', { name: 'Open the story budget' });
    await expect(budgetLink).toBeVisible();
    // First on the dashboard: before the wire import.
    const regions = await page.locator('section[aria-label]').evaluateAll((sections) => sections.map((section) => section.getAttribute('aria-label')));
    expect(regions.indexOf('Story budget')).toBeLessThan(regions.indexOf('Wire copy'));
    await expect(page.locator('#nav-story-budget')).toBeVisible();

    await budgetLink.click();
    await page.waitForURL(/\/admin\/budget/);
    await expect(page.getByRole('heading', { level: 1, name: 'Story budget' })).toBeVisible();
    const table = page.getByRole('table', { name: /Stories by deadline/ });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: HEADLINE }) });
    await expect(row).toHaveCount(1);
    await expect(row.locator('[data-field="status"]')).toHaveText('Ready');
    await expect(row.locator('[data-field="assignee"]')).toHaveText('Demo Contributor');
    await expect(row.locator('[data-field="on-site"]')).toContainText('Live');

    // Filtered by its status through the link in its row, it is still there; filtered by another, it is not.
    await row.locator('[data-field="status"]').getByRole('link').click();
    await page.waitForURL(/status=ready/);
    await expect(page.getByRole('table', { name: /status Ready/ }).getByRole('rowheader', { name: HEADLINE })).toBeVisible();
    await page.getByLabel('Status').selectOption('pitch');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/status=pitch/);
    await expect(page.getByRole('rowheader', { name: HEADLINE })).toHaveCount(0);

    // An overdue story is marked in words, not only in colour.
    const token = await apiToken(cms.base, 'editor@example.com');
    const overdue = await fetch(`${cms.base}/api/articles?draft=true`, {
      method: 'POST',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ headline: 'Ferry fare review', _status: 'draft', deadline: new Date(Date.now() - 3_600_000).toISOString() }),
    });
    expect(overdue.status).toBe(201);
    await page.goto(`${cms.base}/admin/budget`);
    const late = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ferry fare review' }) });
    await expect(late.locator('[data-field="deadline"]')).toContainText('Overdue');
    await expect(page.getByTestId('budget-summary')).toContainText('1 overdue');

    const { violations } = await new AxeBuilder({ page }).include('#story-budget').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
