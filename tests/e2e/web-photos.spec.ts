// Photos and their rights, end to end, on the demo content `npm start` seeds (photos the seed draws, rights in their
// files) and on a photo an editor uploads with GPS and camera data in it: the responsive hero, the rights in the
// served files (read with exiftool), JSON-LD, the caption's credit and license link, the licensing page and its
// request form in Chromium, CLS 0 with photos on every page type, and axe.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';

import { layoutShift, recordLayoutShifts } from '../support/layout-shifts';
import { apiToken, CmsApi, lexicalBody, type Newsroom, SEED_SLUG, startNewsroom } from '../support/newsroom';

const HARBOR = 'harbor-town-votes-to-rebuild-its-seawall-with-oyster-reefs';
const scratch = mkdtempSync(path.join(tmpdir(), 'web-photos-'));

/** Every tag exiftool reads in the bytes, as `Group:Tag`. */
function exiftool(bytes: Buffer): Record<string, unknown> {
  const file = path.join(scratch, `read-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, bytes);
  return (JSON.parse(execFileSync('exiftool', ['-j', '-G1', '-a', file]).toString()) as Record<string, unknown>[])[0]!;
}

/** A photographer's JPEG: rights in XMP, and GPS, a serial number and a camera make that must never be served. */
async function cameraJpeg(): Promise<Buffer> {
  const file = path.join(scratch, 'camera.jpg');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1600"><rect width="2400" height="1600" fill="#355c7d"/><rect x="300" y="500" width="1800" height="600" fill="#f8b195"/></svg>`;
  writeFileSync(file, await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer());
  execFileSync('exiftool', [
    '-q',
    '-overwrite_original',
    '-XMP-dc:Creator=Rui Costa',
    '-XMP-photoshop:Credit=Photo by Rui Costa/Harbor Wire',
    '-XMP-dc:Rights=© 2026 Harbor Wire',
    '-XMP-dc:Description=Ferries at the north quay',
    '-XMP-xmpRights:WebStatement=https://harborwire.example/license/311',
    '-XMP-xmpRights:UsageTerms=Editorial use only',
    '-GPSLatitude=38.7223',
    '-GPSLatitudeRef=N',
    '-GPSLongitude=9.1393',
    '-GPSLongitudeRef=W',
    '-EXIF:SerialNumber=CAM-99812',
    '-EXIF:Make=TestCam',
    file,
  ]);
  return readFileSync(file);
}


test.describe.serial('photos and their rights', () => {
  let newsroom: Newsroom;
  let cameraMediaId: number;
  const cameraSlug = 'ferries-return-to-the-north-quay';

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    newsroom = await startNewsroom();
    // An editor uploads a camera's JPEG, as the admin's upload form sends it, and publishes a story with it.
    const token = await apiToken(newsroom.cmsBase);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await cameraJpeg())], { type: 'image/jpeg' }), 'North Quay.jpg');
    form.append('_payload', JSON.stringify({ alt: 'Two ferries moored at a quay' }));
    const upload = await fetch(`${newsroom.cmsBase}/api/media`, { method: 'POST', headers: { Authorization: `JWT ${token}` }, body: form });
    expect(upload.status).toBe(201);
    cameraMediaId = ((await upload.json()) as { doc: { id: number } }).doc.id;
    const api = await CmsApi.as(newsroom.cmsBase);
    await api.createArticle({
      headline: 'Ferries return to the north quay',
      slug: cameraSlug,
      body: lexicalBody(['The ferries are back.']),
      dateline: { month: 3, day: 2, agency: 'Newsroom' },
      hero: { image: cameraMediaId },
    });
  });
  test.afterAll(async () => {
    await newsroom?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('the hero is a picture of AVIF, WebP and JPEG at every width, sized for the column and loaded first; a phone gets the 800-px AVIF', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
    const page = await context.newPage();
    await page.goto(`${newsroom.webBase}/news/${HARBOR}`);
    const picture = page.locator('.lead-photo news-photo-caption > picture');
    await expect(picture).toHaveCount(1);
    const sources = await picture.locator('source').evaluateAll((nodes) => nodes.map((node) => ({ type: node.getAttribute('type'), srcset: node.getAttribute('srcset') })));
    expect(sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp']);
    for (const source of sources) expect(source.srcset!.split(', ').map((c) => c.split(' ')[1])).toEqual(['480w', '800w', '1280w', '1600w']);
    const img = picture.locator('img');
    expect(await img.getAttribute('fetchpriority')).toBe('high');
    expect(await img.getAttribute('loading')).toBe('eager');
    expect(await img.getAttribute('sizes')).toBe('(min-width: 704px) 672px, calc(100vw - 2rem)');
    expect(await img.getAttribute('width')).toBe('1280');
    expect(await img.getAttribute('height')).toBe('853');
    expect((await img.getAttribute('srcset'))!.split(', ')).toHaveLength(4);
    // (naturalWidth is the density-corrected width: the slot's, not the file's.)
    await expect.poll(() => img.evaluate((node: HTMLImageElement) => node.complete && node.naturalWidth > 0)).toBe(true);
    const chosen = await img.evaluate((node: HTMLImageElement) => node.currentSrc);
    expect(chosen).toMatch(/-800x533\.avif$/);
    // The head preloads the same AVIF set, so the photo is fetched before the body is parsed down to it.
    const preload = page.locator('head link[rel="preload"][as="image"]');
    await expect(preload).toHaveAttribute('type', 'image/avif');
    await expect(preload).toHaveAttribute('imagesrcset', sources[0]!.srcset!);
    await expect(preload).toHaveAttribute('imagesizes', '(min-width: 704px) 672px, calc(100vw - 2rem)');

    // The file itself: an immutable URL, the rights in XMP (read by exiftool), nothing else of the camera's.
    const served = await fetch(chosen);
    expect(served.headers.get('content-type')).toBe('image/avif');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const tags = exiftool(Buffer.from(await served.arrayBuffer()));
    expect(tags).toMatchObject({ 'XMP-dc:Creator': 'Ana Ruiz', 'XMP-photoshop:Credit': 'Photo by Ana Ruiz/Newsroom' });
    expect(String(tags['XMP-dc:Rights'])).toMatch(/^© \d{4} Newsroom Daily$/);
    await context.close();
  });

  test('an uploaded camera photo is served with its rights and without GPS, serial number or camera make', async ({ page }) => {
    await page.goto(`${newsroom.webBase}/news/${cameraSlug}`);
    const files = await page.locator('.lead-photo picture').evaluate((picture) => {
      const urls = [...picture.querySelectorAll('source, img')].flatMap((node) => (node.getAttribute('srcset') ?? '').split(', ').map((c) => c.split(' ')[0]!));
      return [...new Set(urls.filter(Boolean))];
    });
    expect(files).toHaveLength(12);
    for (const file of files) {
      const response = await fetch(new URL(file, newsroom.webBase));
      expect(response.status, file).toBe(200);
      const tags = exiftool(Buffer.from(await response.arrayBuffer()));
      expect(tags, file).toMatchObject({
        'XMP-dc:Creator': 'Rui Costa',
        'XMP-photoshop:Credit': 'Photo by Rui Costa/Harbor Wire',
        'XMP-dc:Rights': '© 2026 Harbor Wire',
        'XMP-xmpRights:WebStatement': 'https://harborwire.example/license/311',
      });
      expect(Object.keys(tags).filter((key) => /GPS|SerialNumber|:Make$/.test(key)), file).toEqual([]);
    }
    // The rights came from the file: the caption and credit the page shows, and the agency's own licensing page.
    const caption = page.locator('.lead-photo news-photo-caption');
    await expect(caption.locator('[part="text"]')).toHaveText('Ferries at the north quay');
    await expect(caption.locator('[part="credit"]')).toHaveText('Photo by Rui Costa/Harbor Wire');
    await expect(caption.locator('a[rel="license"]')).toHaveAttribute('href', 'https://harborwire.example/license/311');
  });

  test('JSON-LD gives the ImageObject its creator, credit, copyright, license and where to acquire one', async ({ page }) => {
    await page.goto(`${newsroom.webBase}/news/${HARBOR}`);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    const mediaId = await page.locator('.lead-photo a[rel="license"]').evaluate((a) => a.getAttribute('href')!.split('/').pop());
    expect(ld.image).toMatchObject({
      '@type': 'ImageObject',
      url: expect.stringMatching(new RegExp(`^${newsroom.webBase}/media/harbor-[0-9a-f]{12}-1280x853\\.jpg$`)),
      caption: 'Volunteers inspect a test reef cage at low tide in Port Ellen.',
      creditText: 'Photo by Ana Ruiz/Newsroom',
      creator: { '@type': 'Person', name: 'Ana Ruiz' },
      copyrightNotice: expect.stringMatching(/^© \d{4} Newsroom Daily$/),
      license: `${newsroom.webBase}/licensing/${mediaId}`,
      acquireLicensePage: `${newsroom.webBase}/licensing/${mediaId}`,
      width: 1280,
      height: 853,
    });
  });

  test('"License Photo" opens the photo’s page; a request sent from it is stored for editors only', async ({ page }) => {
    await page.goto(`${newsroom.webBase}/news/${HARBOR}`);
    await page.locator('.lead-photo a[rel="license"]').click();
    await expect(page).toHaveURL(/\/licensing\/\d+$/);
    await expect(page.locator('h1')).toHaveText('License this photo');
    const rights = page.locator('dl.rights');
    await expect(rights).toContainText('Volunteers inspect a test reef cage at low tide in Port Ellen.');
    await expect(rights).toContainText('Ana Ruiz');
    await expect(rights).toContainText('Photo by Ana Ruiz/Newsroom');
    await expect(rights).toContainText(/© \d{4} Newsroom Daily/);
    await expect(rights).toContainText('Editorial use with the credit line as printed.');
    await expect(page.locator('.licensing picture img')).toHaveJSProperty('complete', true);

    // A mistake first: the form comes back with every problem named, and what was typed kept.
    await page.getByLabel('Your name').fill('Sam Lee');
    await page.getByLabel('Email address').fill('sam@example.org');
    await page.getByLabel('Intended use').selectOption('editorial');
    await page.getByLabel('Message').fill(' ');
    await page.evaluate(() => document.querySelector('form.license-form')!.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('alert')).toContainText('Message: Tell us where and how the photo would appear.');
    await expect(page.getByLabel('Your name')).toHaveValue('Sam Lee');
    await expect(page.getByLabel('Message')).toHaveAttribute('aria-invalid', 'true');
    const { violations: withErrors } = await new AxeBuilder({ page }).analyze();
    expect(withErrors.map((v) => v.id)).toEqual([]);

    await page.getByLabel('Organisation').fill('Harbor Gazette');
    await page.getByLabel('Message').fill('For the weekend edition, print and web, one use.');
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page).toHaveURL(/\/licensing\/\d+\?sent=1$/);
    await expect(page.getByRole('status')).toContainText('The photo desk has your request');

    const anonymous = await fetch(`${newsroom.cmsBase}/api/license-requests`);
    expect(anonymous.status).toBe(403);
    const editor = await CmsApi.as(newsroom.cmsBase);
    const stored = await editor.request<{ docs: { name: string; email: string; organisation: string; intendedUse: string; message: string; status: string; photo: number }[] }>(
      'GET',
      '/api/license-requests?depth=0',
    );
    expect(stored.docs).toHaveLength(1);
    expect(stored.docs[0]).toMatchObject({ name: 'Sam Lee', email: 'sam@example.org', organisation: 'Harbor Gazette', intendedUse: 'editorial', status: 'new' });
    expect(String(stored.docs[0]!.photo)).toBe(page.url().split('/').pop()!.split('?')[0]);
  });

  test('a wire photo without a file has a licensing page of its story, and a request from it names the story', async ({ page }) => {
    await page.goto(`${newsroom.webBase}/news/${SEED_SLUG}`);
    await page.locator('news-photo-caption a[rel="license"]').click();
    await expect(page).toHaveURL(`${newsroom.webBase}/licensing/${SEED_SLUG}`);
    await expect(page.locator('dl.rights')).toContainText('File Photo by Stephen Shaver/UPI');
    await page.getByLabel('Your name').fill('Kim Ortiz');
    await page.getByLabel('Email address').fill('kim@example.org');
    await page.getByLabel('Intended use').selectOption('personal');
    await page.getByLabel('Message').fill('For a school project.');
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('status')).toContainText('The photo desk has your request');
    const editor = await CmsApi.as(newsroom.cmsBase);
    const stored = await editor.request<{ docs: { email: string; article: number; photo: number | null }[] }>('GET', '/api/license-requests?depth=0&where[email][equals]=kim@example.org');
    expect(stored.docs).toHaveLength(1);
    expect(stored.docs[0]!.article).toBe(await editor.findArticleId(SEED_SLUG));
    expect(stored.docs[0]!.photo ?? null).toBeNull();
  });

  test('a photo an agency licenses sends "License Photo" to the agency; its page says so and has no form', async ({ page }) => {
    await page.goto(`${newsroom.webBase}/licensing/${cameraMediaId}`);
    await expect(page.locator('form.license-form')).toHaveCount(0);
    await expect(page.locator('.license-elsewhere a[rel="license"]')).toHaveAttribute('href', 'https://harborwire.example/license/311');
    expect((await fetch(`${newsroom.webBase}/licensing/999999`)).status).toBe(404);
    const put = await fetch(`${newsroom.webBase}/licensing/${cameraMediaId}`, { method: 'PUT', body: 'x' });
    expect(put.status).toBe(405);
    expect(put.headers.get('cache-control')).toBe('no-store');
  });

  test('photos on every page type: each image has its size, cards load lazily below the top, and nothing shifts (CLS 0)', async ({ browser }) => {
    test.setTimeout(120_000);
    const licensing = `/licensing/${await (async () => {
      const html = await (await fetch(`${newsroom.webBase}/news/${HARBOR}`)).text();
      return /href="\/licensing\/(\d+)"/.exec(html)![1];
    })()}`;
    const pages = [`/news/${HARBOR}`, '/', '/section/world', '/author/mara-lindqvist', '/tag/climate', licensing];
    for (const viewport of [
      { width: 412, height: 823 },
      { width: 1280, height: 900 },
    ]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await recordLayoutShifts(page);
      for (const route of pages) {
        await page.goto(`${newsroom.webBase}${route}`, { waitUntil: 'networkidle' });
        const images = await page.evaluate(() => {
          const all: { width: string | null; height: string | null; loading: string | null; src: string }[] = [];
          const visit = (root: Document | ShadowRoot) => {
            for (const img of root.querySelectorAll('img')) all.push({ width: img.getAttribute('width'), height: img.getAttribute('height'), loading: img.getAttribute('loading'), src: img.currentSrc });
            for (const host of root.querySelectorAll('*')) if (host.shadowRoot) visit(host.shadowRoot);
          };
          visit(document);
          return all;
        });
        const photos = images.filter((image) => image.src.includes('/media/'));
        expect(photos.length, `${route} shows photos`).toBeGreaterThan(0);
        for (const photo of photos) {
          expect(photo.width, `${route} ${photo.src}`).toMatch(/^\d+$/);
          expect(photo.height, `${route} ${photo.src}`).toMatch(/^\d+$/);
        }
        // One photo at most loads at once (the article's lead, the front page's first top story); the rest lazily.
        expect(photos.filter((photo) => photo.loading !== 'lazy').length, `${route}: eager photos`).toBeLessThanOrEqual(1);
        if (route !== '/' && !route.startsWith('/news/') && !route.startsWith('/licensing/')) {
          expect(photos.every((photo) => photo.loading === 'lazy'), `${route}: cards load lazily`).toBe(true);
        }
        const shift = await layoutShift(page);
        expect(shift, `CLS on ${route} at ${viewport.width}px`).toBe(0);
        await page.evaluate(() => ((window as unknown as { layoutShifts: number[] }).layoutShifts.length = 0));
      }
      await context.close();
    }
  });

  test('axe finds no violations on the licensing page', async ({ page }) => {
    await page.goto(`${newsroom.webBase}/licensing/${cameraMediaId}`, { waitUntil: 'networkidle' });
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    const html = await (await fetch(`${newsroom.webBase}/news/${HARBOR}`)).text();
    const id = /href="\/licensing\/(\d+)"/.exec(html)![1];
    await page.goto(`${newsroom.webBase}/licensing/${id}`, { waitUntil: 'networkidle' });
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    // No framework JavaScript on the page, like every reader page.
    expect(await page.locator('script[src*="/_next/"]').count()).toBe(0);
  });
});
