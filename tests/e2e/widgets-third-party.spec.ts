// The embed on someone else's site: a page on one origin loads only news-widgets.js from another origin (the widget
// host, which also serves the headline JSON), embeds all three elements, themes them, loads the bundle twice, and
// everything still works without a console error. It tests the built file: turbo builds it before tests run.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';

const components = new URL('../../packages/components/', import.meta.url);
const bundlePath = fileURLToPath(new URL('dist/news-widgets.js', components));
const fixture = readFileSync(new URL('fixtures/third-party/index.html', import.meta.url), 'utf8');
const image = readFileSync(new URL('demo/liaison-office.svg', components));
const version: string = JSON.parse(readFileSync(new URL('package.json', components), 'utf8')).version;
const OTHER_VERSION = '99.0.0-clash-test';

const headlines = [
  { title: 'Typhoon Mangkhut leaves dozens dead in the Philippines', url: 'https://news.example/news/typhoon-mangkhut', publishedAt: '2018-09-17T12:40:00Z', section: 'World News' },
  { title: 'Hurricane Florence floods the Carolinas', url: 'https://news.example/news/hurricane-florence', publishedAt: '2018-09-16T18:05:00Z', section: 'U.S. News' },
  { title: "NASA's ICESat-2 sends back first measurements", url: 'https://news.example/news/icesat-2', publishedAt: '2018-09-16T09:30:00Z' },
  { title: 'Not shown: over the limit', url: 'https://news.example/news/four' },
];

let bundle: string;
let widgets: Server;
let site: Server;
let widgetsOrigin: string;
let siteOrigin: string;
const bundleRequests: string[] = [];

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The widget host: the embed script (as the site serves it at /embed/v1/), a second release of it, the headline JSON. */
function serveWidgets(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url!, widgetsOrigin);
  const send = (status: number, type: string, body: string | Buffer) => {
    response.writeHead(status, { 'content-type': type, 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
    response.end(body);
  };
  if (url.pathname === '/embed/v1/news-widgets.js') {
    bundleRequests.push(url.search);
    send(200, 'text/javascript; charset=utf-8', bundle);
  } else if (url.pathname === '/embed/v2/news-widgets.js') {
    // The same bundle as another release would be: only its version differs.
    const occurrences = bundle.split(`"${version}"`).length - 1;
    if (occurrences !== 1) return send(500, 'text/plain', `expected the version "${version}" once in the bundle, found it ${occurrences} times`);
    send(200, 'text/javascript; charset=utf-8', bundle.replace(`"${version}"`, `"${OTHER_VERSION}"`));
  } else if (url.pathname === '/api/widgets/headlines') {
    send(200, 'application/json', JSON.stringify(headlines.slice(0, Number(url.searchParams.get('limit') ?? 10))));
  } else if (url.pathname === '/media/liaison-office.svg') {
    send(200, 'image/svg+xml', image);
  } else {
    send(404, 'text/plain', 'not found');
  }
}

/** The third-party site: one HTML page, whose only scripts are the embed's, by absolute URL to the widget host. */
function serveSite(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url!, siteOrigin);
  if (url.pathname !== '/') {
    response.writeHead(404).end();
    return;
  }
  const extra = url.searchParams.has('clash') ? `<script type="module" src="${widgetsOrigin}/embed/v2/news-widgets.js"></script>` : '';
  const html = fixture.replaceAll('%WIDGETS_ORIGIN%', widgetsOrigin).replaceAll('%SITE_ORIGIN%', siteOrigin).replace('%EXTRA_SCRIPTS%', extra);
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
}

test.beforeAll(async () => {
  if (!existsSync(bundlePath)) {
    throw new Error(`${bundlePath} is missing. Build it first: npm run build -w @newsroom/components (turbo does this before tests).`);
  }
  bundle = readFileSync(bundlePath, 'utf8');
  widgets = createServer(serveWidgets);
  site = createServer(serveSite);
  widgetsOrigin = await listen(widgets);
  siteOrigin = await listen(site);
  expect(new URL(widgetsOrigin).origin).not.toBe(new URL(siteOrigin).origin);
});

test.afterAll(async () => {
  await Promise.all([widgets, site].map((server) => server && new Promise((resolve) => server.close(resolve))));
});

/** Opens the page, collecting console messages, uncaught errors and the scripts it loads. */
async function open(page: Page, path = '/') {
  const consoleMessages: ConsoleMessage[] = [];
  const pageErrors: Error[] = [];
  const scripts: string[] = [];
  page.on('console', (message) => consoleMessages.push(message));
  page.on('pageerror', (error) => pageErrors.push(error));
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  bundleRequests.length = 0;
  await page.goto(`${siteOrigin}${path}`);
  await page.waitForFunction(() => ['news-article-card', 'news-photo-caption', 'news-related-headlines'].every((tag) => customElements.get(tag)));
  const messages = (type: string) => consoleMessages.filter((message) => message.type() === type).map((message) => message.text());
  return { pageErrors, scripts, errors: () => messages('error'), warnings: () => messages('warning') };
}

test('a page on another origin embeds all three widgets from news-widgets.js alone, loaded twice, without errors', async ({ page }) => {
  const { pageErrors, scripts, errors, warnings } = await open(page);

  // Only the embed was loaded, from the widget origin, and it really ran twice (two distinct module URLs).
  expect(scripts.length).toBe(2);
  for (const script of scripts) expect(script.startsWith(`${widgetsOrigin}/embed/v1/news-widgets.js`)).toBe(true);
  expect(bundleRequests.sort()).toEqual(['', '?from=second-embed']);

  const card = page.locator('#themed-card');
  await expect(card.locator('[part="link"]')).toHaveText('Beijing: Inter-Korea liaison office a sign of progress');
  await expect(card.locator('[part="link"]')).toHaveAttribute('href', `${siteOrigin}/news/beijing-inter-korea-liaison-office-a-sign-of-progress`);
  await expect(card.locator('[part="time"]')).toHaveText('Sep 17, 2018');
  await expect(card.locator('[part="byline"]')).toHaveText('By Elizabeth Shim');
  await expect(card.locator('[part="image"]')).toHaveAttribute('alt', 'The new inter-Korean liaison office in Kaesong');

  const caption = page.locator('#caption');
  await expect(caption.locator('[part="credit"]')).toHaveText('File Photo by Stephen Shaver/UPI');
  await expect(caption.locator('[part="license"]')).toHaveAttribute('rel', 'license');
  await expect(caption.locator('[part="license"]')).toHaveText('License Photo');

  // Inline JSON, with limit; and a cross-origin fetch from the widget host's JSON endpoint.
  await expect(page.locator('#inline-headlines [part="item"]')).toHaveCount(2);
  await expect(page.locator('#fetched-headlines [part="item"]')).toHaveCount(3);
  await expect(page.locator('#fetched-headlines [part="link"]').first()).toHaveText(headlines[0]!.title);

  // The page's theming reaches inside: custom properties and ::part().
  const style = (selector: string, property: string) =>
    page.locator(selector).evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);
  expect(await style('#themed-card >> [part="section"]', 'color')).toBe('rgb(179, 38, 30)');
  expect(await style('#themed-card >> [part="base"]', 'background-color')).toBe('rgb(255, 250, 240)');
  expect(await style('#themed-card >> [part="dek"]', 'font-family')).toBe('Georgia, serif');
  expect(await style('#themed-card >> [part="headline"]', 'text-transform')).toBe('uppercase');
  const darkBackground = await style('#fetched-headlines >> [part="base"]', 'background-color');
  const lightBackground = await style('#inline-headlines >> [part="base"]', 'background-color');
  expect(darkBackground).not.toBe(lightBackground);

  // A javascript: URL is not a link, and markup stays text.
  await expect(page.locator('#hostile-card [part="link"]')).not.toHaveAttribute('href', /.*/);
  await expect(page.locator('#hostile-card [part="link"]')).toHaveText('<img src=x onerror=alert(1)> stays text');

  // Clicking a headline tells the page which one; the page may take over navigation.
  await page.evaluate(() => {
    document.addEventListener('news-headline-select', (event) => {
      (window as unknown as { selected: unknown[] }).selected = [...((window as unknown as { selected?: unknown[] }).selected ?? []), (event as CustomEvent).detail];
      event.preventDefault();
    });
  });
  await page.locator('#fetched-headlines [part="link"]').nth(1).click();
  expect(await page.evaluate(() => (window as unknown as { selected: unknown[] }).selected)).toEqual([{ headline: headlines[1], index: 1 }]);
  expect(page.url()).toBe(`${siteOrigin}/`);

  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`)).toEqual([]);

  expect(pageErrors).toEqual([]);
  expect(errors()).toEqual([]);
  expect(warnings()).toEqual([]);
});

test('another release of the embed on the same page keeps the first, warns once and breaks nothing', async ({ page }) => {
  const { pageErrors, errors, warnings } = await open(page, '/?clash');
  await expect(page.locator('#fetched-headlines [part="item"]')).toHaveCount(3);
  await expect.poll(() => warnings().length).toBe(1);
  expect(warnings()[0]).toContain(OTHER_VERSION);
  expect(warnings()[0]).toContain(version);
  const versions = await page.evaluate(() =>
    ['news-article-card', 'news-photo-caption', 'news-related-headlines'].map((tag) => (customElements.get(tag) as unknown as { newsVersion: string }).newsVersion),
  );
  expect(versions).toEqual([version, version, version]);
  await expect(page.locator('#themed-card [part="link"]')).toHaveText('Beijing: Inter-Korea liaison office a sign of progress');
  expect(pageErrors).toEqual([]);
  expect(errors()).toEqual([]);
});
