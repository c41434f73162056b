/**
 * Photos and their rights: an upload's own IPTC/XMP fills the fields the editor left empty, every rendition served
 * carries the rights (read back with exiftool, a reader other than ours) and nothing else of the camera's, and
 * readers' licensing requests are stored for editors only, limited and trapped.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { handleEndpoints } from 'payload';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LICENSE_REQUEST_LIMITS } from '../../src/collections/LicenseRequests';
import { DIALECTS, openTestPayload, type TestPayload } from '../support/databases';
import { makeUser, pngUpload, TEST_PASSWORD } from '../support/fixtures';
import { rest, signIn } from '../support/rest';

const scratch = mkdtempSync(path.join(tmpdir(), 'photo-rights-int-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A 1800 × 1200 JPEG with rights in XMP and IPTC-IIM, and what a camera adds: GPS and a serial number. */
async function agencyJpeg(): Promise<Buffer> {
  const file = path.join(scratch, 'agency.jpg');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1800" height="1200"><rect width="1800" height="1200" fill="#2a5d8f"/><circle cx="900" cy="600" r="400" fill="#f2c14e"/></svg>`;
  writeFileSync(file, await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer());
  execFileSync('exiftool', [
    '-q',
    '-overwrite_original',
    '-charset',
    'iptc=UTF8',
    '-IPTC:CodedCharacterSet=UTF8',
    '-XMP-dc:Creator=Ana Reyes',
    '-IPTC:By-line=Ana Reyes',
    '-XMP-photoshop:Credit=Photo by Ana Reyes/Coast Wire',
    '-XMP-dc:Rights=© 2025 Coast Wire',
    '-XMP-dc:Description=Fishing boats wait out a storm in the harbor',
    '-XMP-xmpRights:WebStatement=https://coastwire.example/license/8841',
    '-XMP-xmpRights:UsageTerms=Editorial use only',
    '-XMP-photoshop:DateCreated=2025-11-02T07:15:00',
    '-GPSLatitude=51.5072',
    '-GPSLatitudeRef=N',
    '-GPSLongitude=0.1276',
    '-GPSLongitudeRef=W',
    '-EXIF:SerialNumber=SN-0042-XYZ',
    '-EXIF:Make=TestCam',
    file,
  ]);
  return readFileSync(file);
}

/** Every tag exiftool finds in a file, as `Group:Tag` → value. */
function exiftool(bytes: Buffer): Record<string, unknown> {
  const file = path.join(scratch, `served-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, bytes);
  return (JSON.parse(execFileSync('exiftool', ['-j', '-G1', '-a', '-n', file]).toString()) as Record<string, unknown>[])[0]!;
}

function multipart(file: { data: Buffer; name: string; mimetype: string }, data: Record<string, unknown>): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name);
  form.append('_payload', JSON.stringify(data));
  return form;
}

describe('a photo’s rights, from the file to every rendition (SQLite)', () => {
  let t: TestPayload;
  let token: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the REST response body
  let doc: any;

  beforeAll(async () => {
    t = await openTestPayload('sqlite');
    const editor = await makeUser(t.payload, 'editor');
    token = await signIn(t, editor.email, TEST_PASSWORD);
    // As the admin's upload form sends it: the file, with what the editor typed (alt text, and their own credit line).
    const response = await rest(t, '/media', {
      token,
      form: multipart({ data: await agencyJpeg(), name: 'Storm Harbor.jpg', mimetype: 'image/jpeg' }, { alt: 'Boats moored in a grey harbor', credit: 'Coast Wire' }),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    doc = response.body.doc;
  });
  afterAll(async () => t?.close());

  it('fills the fields the editor left empty from the file, keeps what the editor typed, and says which came from the file', () => {
    expect(doc).toMatchObject({
      alt: 'Boats moored in a grey harbor',
      credit: 'Coast Wire',
      creator: 'Ana Reyes',
      copyright: '© 2025 Coast Wire',
      caption: 'Fishing boats wait out a storm in the harbor',
      licenseUrl: 'https://coastwire.example/license/8841',
      usageTerms: 'Editorial use only',
    });
    expect(new Date(doc.dateCreated).toISOString()).toBe('2025-11-02T07:15:00.000Z');
    expect(doc.rightsFromFile).toBe('caption, creator, copyright, license URL, usage terms, date created');
    expect(doc.rightsFromFile).not.toContain('credit');
  });

  it('names every file by its content, so its URL can be cached forever', () => {
    // (Payload adds "-1", "-2" … when the same bytes were stored before under that name.)
    expect(doc.filename).toMatch(/^storm-harbor-[0-9a-f]{12}(?:-\d+)?\.jpg$/i);
    for (const size of Object.values(doc.sizes) as { filename: string | null }[]) {
      if (size.filename) expect(size.filename).toMatch(/-[0-9a-f]{12}(?:-\d+)?-\d+x\d+\.(jpg|webp|avif)$/i);
    }
  });

  it('has AVIF and WebP beside JPEG at each layout width, never wider than the original', () => {
    for (const width of [480, 800, 1280, 1600]) {
      const name = width === 1280 ? 'hero' : `w${width}`;
      expect(doc.sizes[name]).toMatchObject({ width, mimeType: 'image/jpeg' });
      expect(doc.sizes[`${name}Webp`]).toMatchObject({ width, mimeType: 'image/webp' });
      expect(doc.sizes[`${name}Avif`]).toMatchObject({ width, mimeType: 'image/avif' });
      expect(doc.sizes[`${name}Avif`].filesize).toBeLessThan(doc.sizes[name].filesize);
    }
    expect(doc.sizes.cardAvif).toMatchObject({ width: 768, height: 432 });
  });

  it('serves the original and every rendition with the rights in XMP, and without GPS or serial numbers', async () => {
    const files = [doc.filename, ...(Object.values(doc.sizes) as { filename: string | null }[]).map((size) => size.filename).filter(Boolean)];
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const file of files) {
      const served = await handleEndpoints({
        config: t.payload.config,
        payloadInstanceCacheKey: t.key,
        request: new Request(`http://localhost:3001/api/media/file/${encodeURIComponent(file)}`),
      });
      expect(served.status, file).toBe(200);
      const tags = exiftool(Buffer.from(await served.arrayBuffer()));
      expect(tags, file).toMatchObject({
        'XMP-dc:Creator': 'Ana Reyes',
        'XMP-photoshop:Credit': 'Coast Wire',
        'XMP-dc:Rights': '© 2025 Coast Wire',
        'XMP-xmpRights:WebStatement': 'https://coastwire.example/license/8841',
        'XMP-xmpRights:UsageTerms': 'Editorial use only',
      });
      const keys = Object.keys(tags);
      expect(keys.filter((key) => /GPS/i.test(key)), file).toEqual([]);
      expect(keys.filter((key) => /SerialNumber|:Make$/.test(key)), file).toEqual([]);
      expect(keys.filter((key) => key.startsWith('IPTC:')), file).toEqual([]);
    }
  });

  it('strips a JPEG by what its bytes are, not by the type the client names', async () => {
    const sneaky = await t.payload.create({
      collection: 'media',
      data: { alt: 'Sent as something else' },
      file: { data: await agencyJpeg(), mimetype: 'application/octet-stream', name: 'upload.bin', size: 0 },
      overrideAccess: true,
    });
    expect(sneaky.mimeType).toBe('image/jpeg');
    expect(sneaky.filename).toMatch(/^upload-[0-9a-f]{12}(?:-\d+)?\.jpg$/);
    const served = await handleEndpoints({
      config: t.payload.config,
      payloadInstanceCacheKey: t.key,
      request: new Request(`http://localhost:3001/api/media/file/${encodeURIComponent(sneaky.sizes!.w800!.filename!)}`),
    });
    const tags = exiftool(Buffer.from(await served.arrayBuffer()));
    expect(tags['XMP-dc:Creator']).toBe('Ana Reyes');
    expect(Object.keys(tags).filter((key) => /GPS|SerialNumber/.test(key))).toEqual([]);
  });

  it('reads nothing into a photo whose file states nothing, and leaves rightsFromFile empty', async () => {
    const bare = await t.payload.create({ collection: 'media', data: { alt: 'Plain' }, file: await pngUpload(640, 480), overrideAccess: true });
    expect(bare.rightsFromFile ?? null).toBeNull();
    expect(bare.creator ?? null).toBeNull();
  });
});

describe.each(DIALECTS)('license requests on %s', (dialect) => {
  let t: TestPayload;
  let photoId: number | string;
  let editorToken: string;
  let contributorToken: string;
  let address = 0;
  const nextAddress = () => `198.51.100.${++address}`;

  const ask = (overrides: Record<string, unknown> = {}, forwardedFor = nextAddress()) =>
    rest(t, '/license-requests', {
      forwardedFor,
      json: { photo: photoId, name: 'Sam Lee', email: 'sam@example.org', organisation: 'Harbor Gazette', intendedUse: 'editorial', message: 'For our weekend edition.', ...overrides },
    });

  beforeAll(async () => {
    t = await openTestPayload(dialect);
    photoId = (await t.payload.create({ collection: 'media', data: { alt: 'A photo' }, file: await pngUpload(64, 48), overrideAccess: true })).id;
    editorToken = await signIn(t, (await makeUser(t.payload, 'editor')).email, TEST_PASSWORD);
    contributorToken = await signIn(t, (await makeUser(t.payload, 'contributor')).email, TEST_PASSWORD);
  });
  afterAll(async () => t?.close());

  const stored = async () => (await t.payload.find({ collection: 'license-requests', overrideAccess: true, limit: 100 })).docs;

  it('anyone may ask; only editors may read the requests', async () => {
    const created = await ask({ status: 'answered', notes: 'set by the reader' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const [request] = await stored();
    expect(request).toMatchObject({ name: 'Sam Lee', email: 'sam@example.org', intendedUse: 'editorial', status: 'new' });
    expect(request!.notes ?? null).toBeNull();

    expect((await rest(t, '/license-requests')).status).toBe(403);
    expect((await rest(t, `/license-requests/${request!.id}`)).status).toBe(403);
    expect((await rest(t, '/license-requests', { token: contributorToken })).status).toBe(403);
    const asEditor = await rest(t, '/license-requests', { token: editorToken });
    expect(asEditor.status).toBe(200);
    expect(asEditor.body.docs.map((doc: { email: string }) => doc.email)).toEqual(['sam@example.org']);
    expect((await rest(t, `/license-requests/${request!.id}`, { method: 'PATCH', json: { status: 'answered' } })).status).toBe(403);
    expect((await rest(t, `/license-requests/${request!.id}`, { method: 'DELETE' })).status).toBe(403);
  });

  it('refuses a request whose trap field is filled, and stores nothing', async () => {
    const before = (await stored()).length;
    const trapped = await ask({ website: 'http://spam.example' });
    expect(trapped.status).toBe(400);
    expect((await stored()).length).toBe(before);
  });

  it('names what is missing or wrong', async () => {
    const bad = await ask({ email: 'not-an-address', message: '', photo: undefined });
    expect(bad.status).toBe(400);
    const paths = (bad.body.errors[0].data.errors as { path: string }[]).map((error) => error.path).sort();
    expect(paths).toEqual(['email', 'message', 'photo']);
  });

  it(`lets one address ask ${LICENSE_REQUEST_LIMITS.perClient} times in ten minutes, then answers 429; another address still may`, async () => {
    const client = '203.0.113.77';
    for (let n = 0; n < LICENSE_REQUEST_LIMITS.perClient; n++) expect((await ask({}, client)).status).toBe(201);
    const over = await ask({}, client);
    expect(over.status).toBe(429);
    expect(over.body.errors[0].message).toMatch(/too many/i);
    expect((await ask({}, '203.0.113.78')).status).toBe(201);
  });
});

describe('who a licensing request is from', () => {
  const secret = 'a shared secret of the site and the CMS';

  it('is the address the site signed, else the nearest proxy’s', async () => {
    const { readerSignature, requester } = await import('../../src/collections/LicenseRequests');
    const signed = new Headers({ 'x-reader-address': '203.0.113.9', 'x-reader-signature': readerSignature('203.0.113.9', secret), 'x-forwarded-for': '10.0.0.2' });
    expect(requester(signed, secret)).toEqual({ address: '203.0.113.9', viaSite: true });
    const forged = new Headers({ 'x-reader-address': '203.0.113.9', 'x-reader-signature': readerSignature('203.0.113.9', 'another secret'), 'x-forwarded-for': '10.0.0.2' });
    expect(requester(forged, secret)).toEqual({ address: '10.0.0.2', viaSite: false });
    expect(requester(new Headers({ 'x-reader-address': '203.0.113.9', 'x-reader-signature': 'zz' }), secret)).toEqual({ address: 'unknown', viaSite: false });
    expect(requester(signed, undefined)).toEqual({ address: '10.0.0.2', viaSite: false });
  });
});
