import { s3Storage } from '@payloadcms/storage-s3';
import type { Plugin } from 'payload';

/**
 * Where photos are kept. By default in `MEDIA_DIR` (one folder; the local cluster shares it between its CMS
 * instances). With `S3_BUCKET` set, in that S3 bucket (or any S3-compatible store at `S3_ENDPOINT`) through Payload's
 * own storage adapter, `@payloadcms/storage-s3`: every CMS instance on every machine reads and writes the same files.
 * The reader site still serves photos from its own origin (`/media/<file>`, long-cached), asking the CMS, which
 * answers from the bucket.
 *
 *   S3_BUCKET, S3_REGION (default us-east-1), S3_ENDPOINT (S3-compatible stores), S3_FORCE_PATH_STYLE=true (MinIO and
 *   the like), S3_ACCESS_KEY_ID + S3_SECRET_ACCESS_KEY (else the SDK's own credential chain: instance roles, …),
 *   S3_PREFIX (a folder inside the bucket)
 *
 * The adapter adds a column of its own to `media` (`_objectKey`); the committed migrations always include it, so one
 * schema serves both settings: the scripts that write migrations, types and the admin's import map run with
 * S3_BUCKET set (apps/cms/package.json).
 */
export function mediaStoragePlugins(env: NodeJS.ProcessEnv = process.env): Plugin[] {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) return [];
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim();
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither (to use the SDK\'s credential chain)');
  }
  return [
    s3Storage({
      collections: { media: env.S3_PREFIX?.trim() ? { prefix: env.S3_PREFIX.trim() } : true },
      bucket,
      config: {
        region: env.S3_REGION?.trim() || 'us-east-1',
        ...(env.S3_ENDPOINT?.trim() ? { endpoint: env.S3_ENDPOINT.trim() } : {}),
        ...(env.S3_FORCE_PATH_STYLE === 'true' ? { forcePathStyle: true } : {}),
        ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
      },
    }),
  ];
}
