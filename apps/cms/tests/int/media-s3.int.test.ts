// With S3_BUCKET set, photos go to the bucket through @payloadcms/storage-s3, not to MEDIA_DIR. No S3 service runs
// here, so the endpoint (S3_ENDPOINT, path-style as for MinIO) is a small HTTP server that answers the S3 requests
// the AWS SDK makes and keeps what it is sent: this checks the CMS's wiring — which bucket, which keys, the bytes —
// not S3 itself.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { mediaStoragePlugins } from '../../src/lib/media-storage';
import { closePayload, openPayload } from '../../src/lib/open-payload';
import { freshDatabase, type TestDatabase } from '../support/databases';
import { pngUpload } from '../support/fixtures';

describe('media on S3 (S3_BUCKET)', () => {
  const objects = new Map<string, Buffer>();
  const requests: string[] = [];
  let server: Server;
  let db: TestDatabase;
  const saved = { ...process.env };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const key = decodeURIComponent((req.url ?? '').split('?')[0]!);
        requests.push(`${req.method} ${key}`);
        if (req.method === 'PUT') {
          objects.set(key, Buffer.concat(chunks));
          res.writeHead(200, { ETag: '"0"' }).end();
        } else if ((req.method === 'GET' || req.method === 'HEAD') && objects.has(key)) {
          const body = objects.get(key)!;
          res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': body.length, ETag: '"0"' }).end(req.method === 'GET' ? body : undefined);
        } else if (req.method === 'DELETE') {
          objects.delete(key);
          res.writeHead(204).end();
        } else {
          res.writeHead(404, { 'Content-Type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code></Error>');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    Object.assign(process.env, {
      S3_BUCKET: 'newsroom-photos',
      S3_ENDPOINT: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      S3_FORCE_PATH_STYLE: 'true',
      S3_REGION: 'eu-north-1',
      S3_ACCESS_KEY_ID: 'test-key',
      S3_SECRET_ACCESS_KEY: 'test-secret',
    });
    db = await freshDatabase('sqlite');
  });
  afterAll(async () => {
    process.env = saved;
    server?.close();
    await db?.drop();
  });

  it('is off without S3_BUCKET, and refuses half a set of credentials', () => {
    expect(mediaStoragePlugins({} as NodeJS.ProcessEnv)).toEqual([]);
    expect(() => mediaStoragePlugins({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'only-the-id' } as unknown as NodeJS.ProcessEnv)).toThrow(/go together/);
  });

  it('stores an uploaded photo and its renditions in the bucket', async () => {
    const payload = await openPayload({ database: db.target, key: `s3:${db.target.url}`, logToStderr: true });
    try {
      const upload = await pngUpload(1600, 900, 'harbour-at-dawn.png');
      const media = await payload.create({
        collection: 'media',
        data: { alt: 'The harbour at dawn', credit: 'Photo by Ana Ruiz/Newsroom' },
        file: upload,
        overrideAccess: true,
      });
      // Stored under its content-addressed name, with the rights written in (so not byte for byte as sent).
      expect(media.filename).toMatch(/^harbour-at-dawn-[0-9a-f]{12}\.png$/);
      const keys = [...objects.keys()];
      expect(keys).toContain(`/newsroom-photos/${media.filename}`);
      // The renditions the Media collection makes (thumbnail, card, hero, …) go to the bucket too.
      const stem = media.filename!.replace(/\.png$/, '');
      expect(keys.filter((key) => key.startsWith(`/newsroom-photos/${stem}-`)).length).toBeGreaterThanOrEqual(3);
      const stored = objects.get(`/newsroom-photos/${media.filename}`)!;
      expect(stored.length).toBe(media.filesize);
      expect((await sharp(stored).metadata()).width).toBe(1600);
    } finally {
      await closePayload(payload);
    }
  });
});
