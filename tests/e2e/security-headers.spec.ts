// Security headers on the built reader site and CMS: a Content-Security-Policy without inline scripts on every reader
// page, its own sandboxed policy for ad creatives, frame protection, nosniff, a referrer policy and HSTS over HTTPS.
// In Chromium, the article and /embed pages load with no CSP violation and their Lit widgets are styled; another
// site cannot frame the admin or a reader page, while the admin may still frame an editor's draft preview.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { expect, type Frame, type Page, test } from '@playwright/test';

import { apiToken, signIn } from '../support/cms';
import { type Newsroom, SEED_HEADLINE, SEED_SLUG, startNewsroom } from '../support/newsroom';

const HSTS = 'max-age=63072000; includeSubDomains';
const AD_SANDBOX = 'sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation';

/** Directive name → sources, as a browser reads a policy. */
function parse(policy: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (policy ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Collects every CSP violation in every frame (into `window.cspViolations`) and the console's CSP messages. */
async function watchCsp(page: Page): Promise<{ messages: string[]; violations: () => Promise<string[]> }> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener(
      'securitypolicyviolation',
      (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} in ${event.documentURI} at ${event.sourceFile}:${event.lineNumber}`),
      true,
    );
  });
  const messages: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) messages.push(`${message.type()}: ${message.text()}`);
  });
  return {
    messages,
    violations: async () => {
      const all: string[] = [];
      for (const frame of page.frames()) all.push(...(await violationsIn(frame)));
      return all;
    },
  };
}

async function violationsIn(frame: Frame): Promise<string[]> {
  try {
    return await frame.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
  } catch {
    // A frame that went away, or a browser error page: nothing of ours ran there.
    return [];
  }
}

/** Whether the element's shadow root has its styles: the shared sheet gives `[part="base"]` a solid border. */
async function shadowPartStyle(frame: Page | Frame, host: string): Promise<{ display: string; border: string; padding: string }> {
  return frame.locator(host).first().evaluate((element) => {
    const base = element.shadowRoot?.querySelector('[part="base"]');
    if (!base) throw new Error(`${element.localName} has no rendered shadow root`);
    const style = getComputedStyle(base);
    return { display: getComputedStyle(element).display, border: style.borderTopStyle, padding: style.paddingTop };
  });
}

test.describe.serial('security headers', () => {
  let newsroom: Newsroom;
  let article: string;
  // Another site: a page on its own origin that frames whatever `?src=` names, and a page of its own as a control.
  let foreign: Server;
  let foreignBase: string;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    // As behind a TLS terminator: the site's front door believes the X-Forwarded-Proto it is sent only when told to.
    newsroom = await startNewsroom({ cmsEnv: { EDGE_TRUST_PROXY: 'true' } });
    article = `${newsroom.webBase}/news/${SEED_SLUG}`;
    foreign = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://foreign.invalid');
      if (url.pathname === '/hello') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Hello</title><p id="hello">Framed fine</p>');
        return;
      }
      const src = (url.searchParams.get('src') ?? '').replace(/"/g, '&quot;');
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><title>Another site</title><iframe id="control" src="/hello"></iframe><iframe id="target" src="${src}" width="800" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    foreignBase = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
    expect(new URL(foreignBase).origin).not.toBe(new URL(newsroom.webBase).origin);
    expect(new URL(foreignBase).origin).not.toBe(new URL(newsroom.cmsBase).origin);
  });
  test.afterAll(async () => {
    await newsroom?.stop();
    await new Promise((resolve) => (foreign ? foreign.close(resolve) : resolve(undefined)));
  });

  test('reader pages send a policy without inline scripts, frame protection, nosniff and a referrer policy', async () => {
    for (const path of [`/news/${SEED_SLUG}`, '/', '/section/world', '/embed', '/licensing']) {
      const response = await fetch(`${newsroom.webBase}${path}`);
      expect(response.status, path).toBe(200);
      const policy = parse(response.headers.get('content-security-policy'));
      expect(policy.get('script-src'), path).toEqual(["'self'"]);
      expect(policy.get('default-src'), path).toEqual(["'self'"]);
      expect(policy.get('object-src'), path).toEqual(["'none'"]);
      expect(policy.get('base-uri'), path).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      // Served over plain HTTP: no HSTS.
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  test('feeds and widget JSON keep their own headers (CORS for any site) and gain nosniff and a referrer policy', async () => {
    for (const path of ['/feed.xml', '/robots.txt', '/api/widgets/headlines?limit=3', `/api/widgets/articles/${SEED_SLUG}`]) {
      const response = await fetch(`${newsroom.webBase}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
    const widgets = await fetch(`${newsroom.webBase}/api/widgets/headlines?limit=3`, { headers: { origin: foreignBase } });
    expect(widgets.headers.get('access-control-allow-origin')).toBe('*');
    expect(widgets.headers.get('cache-control')).toMatch(/stale-while-revalidate/);
    const embed = await fetch(`${newsroom.webBase}/embed/v1/news-widgets.js`);
    expect(embed.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('HSTS goes to requests that arrived over HTTPS, and only to them', async () => {
    // Distinct URLs, so no cache in front can hand one answer to both.
    const overHttps = await fetch(`${article}?via=https`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(overHttps.status).toBe(200);
    expect(overHttps.headers.get('strict-transport-security')).toBe(HSTS);
    const overHttp = await fetch(`${article}?via=http`, { headers: { 'x-forwarded-proto': 'http' } });
    expect(overHttp.headers.get('strict-transport-security')).toBeNull();

    const cmsOverHttps = await fetch(`${newsroom.cmsBase}/api/articles?limit=1`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(cmsOverHttps.headers.get('strict-transport-security')).toBe(HSTS);
    expect((await fetch(`${newsroom.cmsBase}/api/articles?limit=1`)).headers.get('strict-transport-security')).toBeNull();
  });

  test('an HTML creative’s frame sends its own sandboxed policy, not the page’s', async () => {
    const html = await (await fetch(article)).text();
    const frame = /<iframe class="ad-creative" src="([^"]+)"/.exec(html)?.[1];
    expect(frame).toMatch(/^\/ads\/frame\/\d+\?at=p2$/);
    const response = await fetch(`${newsroom.webBase}${frame!.replace(/&amp;/g, '&')}`);
    expect(response.status).toBe(200);
    const raw = response.headers.get('content-security-policy') ?? '';
    expect(raw.split(';')[0]).toBe(AD_SANDBOX);
    expect(raw).not.toContain('allow-same-origin');
    const policy = parse(raw);
    expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toContain("'unsafe-inline'");
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('the admin and the API: no site may frame them', async () => {
    for (const path of ['/admin/login', '/api/articles?limit=1', '/api/users/me']) {
      const response = await fetch(`${newsroom.cmsBase}${path}`);
      expect(response.status, path).toBeLessThan(500);
      expect(parse(response.headers.get('content-security-policy')).get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });

  test('an editor’s draft preview may be framed by the CMS admin, and by no one else', async () => {
    const cms = new URL(newsroom.cmsBase);
    const alias = new URL(newsroom.cmsBase);
    alias.hostname = cms.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const ancestors = ["'self'", cms.origin, alias.origin];
    const token = await apiToken(newsroom.cmsBase, 'editor@example.com');
    // Refusals from the draft endpoint show inside the admin's preview frame too.
    const refused = await fetch(`${newsroom.webBase}/api/draft?path=${encodeURIComponent(`/news/${SEED_SLUG}`)}`, { redirect: 'manual' });
    expect(refused.status).toBe(401);
    expect(parse(refused.headers.get('content-security-policy')).get('frame-ancestors')).toEqual(ancestors);
    const draft = await fetch(`${newsroom.webBase}/api/draft?path=${encodeURIComponent(`/news/${SEED_SLUG}`)}`, {
      headers: { cookie: `payload-token=${token}` },
      redirect: 'manual',
    });
    expect(draft.status).toBe(307);
    const cookies = draft.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; ');
    expect(cookies).toContain('__prerender_bypass=');
    const preview = await fetch(article, { headers: { cookie: `payload-token=${token}; ${cookies}` } });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('cache-control')).toMatch(/no-store|private/);
    const policy = parse(preview.headers.get('content-security-policy'));
    expect(policy.get('frame-ancestors')).toEqual(ancestors);
    // Everything else about the policy is the readers'.
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(preview.headers.get('x-frame-options')).toBeNull();
    // Readers' copy of the same page is untouched.
    expect(parse((await fetch(article)).headers.get('content-security-policy')).get('frame-ancestors')).toEqual(["'none'"]);
  });

  test('an article page loads in Chromium with no CSP violation, and its Lit widgets are styled', async ({ page }) => {
    const csp = await watchCsp(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(article, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveText(SEED_HEADLINE);
    // The widget module ran (a script from this origin) and hydrated every element.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('news-photo-caption, news-related-headlines')].every((element) => (element as HTMLElement & { hasUpdated?: boolean }).hasUpdated),
      undefined,
      { timeout: 15_000 },
    );
    // The declarative shadow roots' <style> applied: without it, :host is inline and the section has no border.
    expect(await shadowPartStyle(page, 'aside news-related-headlines')).toEqual({ display: 'block', border: 'solid', padding: expect.not.stringMatching(/^0px$/) });
    expect((await shadowPartStyle(page, 'news-photo-caption')).display).toBe('block');
    // The HTML creative rendered in its sandboxed frame, under its own policy.
    const creative = page.frameLocator('.body .ad iframe').first();
    await expect(creative.locator('body')).toContainText('Your message here', { timeout: 15_000 });

    await page.waitForTimeout(500);
    expect(await csp.violations()).toEqual([]);
    expect(csp.messages).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('the /embed page’s live examples load the embed script and their JSON with no CSP violation, styled', async ({ page }) => {
    const csp = await watchCsp(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    expect((await page.goto(`${newsroom.webBase}/embed`, { waitUntil: 'networkidle' }))?.status()).toBe(200);
    // The examples are srcdoc frames: they inherit the page's policy, and fetch the script and JSON from this origin.
    const live = page.frameLocator('iframe[title="A live headline list: live example"]');
    await expect(live.locator('news-related-headlines a[part="link"]').first()).toBeVisible({ timeout: 15_000 });
    const card = page.frameLocator('iframe[title="One story as a card: live example"]');
    await expect(card.locator('news-article-card a[part="link"]')).toHaveText(SEED_HEADLINE, { timeout: 15_000 });
    // Rendered in the browser, these elements style their shadow roots with adopted style sheets.
    const styled = await live.locator('news-related-headlines').evaluate((element) => {
      const base = element.shadowRoot?.querySelector('[part="base"]');
      return base ? { display: getComputedStyle(element).display, border: getComputedStyle(base).borderTopStyle } : null;
    });
    expect(styled).toEqual({ display: 'block', border: 'solid' });

    await page.waitForTimeout(500);
    expect(await csp.violations()).toEqual([]);
    expect(csp.messages).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('another site cannot frame the admin or a reader page', async ({ page }) => {
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/Refused to (?:frame|display)/i.test(message.text())) refusals.push(message.text());
    });
    const targets = [
      { name: 'admin', url: `${newsroom.cmsBase}/admin/login`, content: '#field-email, input[name="email"]' },
      // Not `h1`: Chromium's own error page, shown in a refused frame, has one.
      { name: 'article', url: article, content: 'news-photo-caption' },
    ];
    for (const { name, url, content } of targets) {
      refusals.length = 0;
      await page.goto(`${foreignBase}/?src=${encodeURIComponent(url)}`);
      // The other site can frame pages in general (its own), so the refusal below is the target's doing.
      await expect(page.frameLocator('#control').locator('#hello')).toHaveText('Framed fine');
      // Chromium refuses the frame: it says so on the console, or shows its own error page in the frame instead.
      await expect
        .poll(() => /frame-ancestors 'none'/.test(refusals.join('\n')) || page.frames().some((frame) => frame.url().startsWith('chrome-error://')), {
          message: name,
          timeout: 15_000,
        })
        .toBe(true);
      // Nothing of the target rendered in the frame.
      await page.waitForTimeout(500);
      expect(await page.frameLocator('#target').locator(content).count(), name).toBe(0);
    }
  });

  test('the admin still works under its policy: sign-in and the dashboard, with no CSP violation', async ({ page }) => {
    test.setTimeout(120_000);
    const csp = await watchCsp(page);
    await signIn(page, newsroom.cmsBase, 'editor@example.com');
    await expect(page.getByRole('navigation').first()).toBeVisible({ timeout: 30_000 });
    await page.goto(`${newsroom.cmsBase}/admin/collections/articles`, { waitUntil: 'networkidle' });
    await expect(page.getByText(SEED_HEADLINE).first()).toBeVisible({ timeout: 30_000 });
    expect(await csp.violations()).toEqual([]);
    expect(csp.messages).toEqual([]);
  });

  test('a 404 page reads under the policy: its HTML is the page, whatever the framework’s inline scripts try', async ({ page }) => {
    const response = await page.goto(`${newsroom.webBase}/news/no-such-story`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(404);
    expect(parse(response?.headers()['content-security-policy'] ?? null).get('script-src')).toEqual(["'self'"]);
    await page.waitForTimeout(500);
    await expect(page.locator('h1')).toHaveText('Page not found');
    await expect(page.getByRole('link', { name: 'Go to the front page' })).toBeVisible();
  });
});
