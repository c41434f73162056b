import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { CollectionBeforeOperationHook } from 'payload';
import sharp from 'sharp';

import { MAX_UPLOAD_PIXELS } from '../lib/upload-limits';
import { asciiOnly, type PhotoRights, readPhotoRights, RIGHTS_FIELD_LABELS, RIGHTS_FIELDS, type RightsField, rightsXmp } from './photo-rights';

type UploadedFile = { data?: Buffer; size?: number; tempFilePath?: string; name?: string; mimetype?: string };

type Rewritten = 'jpeg' | 'png' | 'webp' | 'avif';

/**
 * Formats whose metadata this step rewrites, by what the bytes are (sharp reads the header), never by the type the
 * client claims: a JPEG sent as `application/octet-stream` is still stripped. GIFs (often animated, and without EXIF)
 * and SVGs are stored as sent.
 */
const REWRITTEN: Record<string, { format: Rewritten; mimeType: string; ext: string }> = {
  jpeg: { format: 'jpeg', mimeType: 'image/jpeg', ext: '.jpg' },
  png: { format: 'png', mimeType: 'image/png', ext: '.png' },
  webp: { format: 'webp', mimeType: 'image/webp', ext: '.webp' },
  heif: { format: 'avif', mimeType: 'image/avif', ext: '.avif' },
};

async function formatOf(input: Buffer): Promise<(typeof REWRITTEN)[string] | undefined> {
  try {
    const { format } = await sharp(input, { limitInputPixels: false }).metadata();
    return format && Object.hasOwn(REWRITTEN, format) ? REWRITTEN[format] : undefined;
  } catch {
    // Not an image sharp reads: Payload's own checks answer it.
    return undefined;
  }
}

/**
 * Which camera metadata survives into what is served, beside the rights (`MEDIA_KEEP_METADATA`): `none` (default)
 * strips GPS, serial numbers and every other EXIF/IPTC/XMP field; `all` keeps the file's own, rights merged in.
 */
export function keepCameraMetadata(): boolean {
  return process.env.MEDIA_KEEP_METADATA === 'all';
}

const isBlank = (value: unknown) => value == null || (typeof value === 'string' && value.trim() === '');

/** `Storm Harbor.JPG` → `storm-harbor-3f9a0c1b2d4e.jpg`: a name per content, so a URL never shows other bytes (cacheable forever). */
export function contentAddressedName(name: string, bytes: Buffer, ext = path.extname(name).toLowerCase()): string {
  const base =
    path
      .basename(name, path.extname(name))
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .replace(/-[0-9a-f]{12}$/, '')
      .slice(0, 80) || 'photo';
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  return `${base}-${hash}${ext}`;
}

/**
 * Before Payload stores or resizes an uploaded photo:
 * 1. reads the rights the file states (XMP, IPTC, EXIF) into the fields the editor left empty — what the editor typed
 *    wins — and notes in `rightsFromFile` which came from the file;
 * 2. rewrites the file upright, with only those rights as metadata (XMP, plus EXIF Artist/Copyright when ASCII) and
 *    nothing else — no GPS, no serial numbers — unless `MEDIA_KEEP_METADATA=all`; Payload's resizing keeps that
 *    metadata (`withMetadata`), so every rendition carries the rights;
 * 3. names the file by its content, so every rendition's URL is immutable.
 */
export const preparePhotoUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args;
  const file = req.file as UploadedFile | undefined;
  if (!file) return args;
  const input = file.data && file.data.length > 0 ? file.data : file.tempFilePath ? await readFile(file.tempFilePath) : undefined;
  if (!input) return args;
  const kind = await formatOf(input);
  if (!kind) return args;
  const { format } = kind;

  const withData = args as { data?: Record<string, unknown>; id?: number | string };
  const data = (withData.data ??= {});
  // An update that sends a new file but not every field keeps the stored values: read them first.
  const stored =
    operation === 'update' && withData.id !== undefined
      ? ((await req.payload.findByID({ collection: 'media', id: withData.id, req, overrideAccess: true, depth: 0, disableErrors: true })) as Record<string, unknown> | null)
      : null;
  const fromFile = await readPhotoRights(input);
  const filled: RightsField[] = [];
  const rights: PhotoRights = {};
  for (const field of RIGHTS_FIELDS) {
    const given = field in data ? data[field] : stored?.[field];
    if (isBlank(given) && fromFile[field] !== undefined) {
      data[field] = fromFile[field];
      filled.push(field);
    }
    // What this request sends wins, a cleared field included; otherwise what is stored.
    const value = field in data ? data[field] : stored?.[field];
    if (typeof value === 'string' && value.trim() !== '') rights[field] = value.trim();
  }
  data.rightsFromFile = filled.length > 0 ? filled.map((field) => RIGHTS_FIELD_LABELS[field]).join(', ') : null;

  let image = sharp(input, { limitInputPixels: MAX_UPLOAD_PIXELS, failOn: 'none' }).autoOrient();
  if (keepCameraMetadata()) image = image.keepMetadata();
  image = image.withXmp(rightsXmp(rights));
  const artist = asciiOnly(rights.creator);
  const copyright = asciiOnly(rights.copyright);
  const exif = { IFD0: { ...(artist ? { Artist: artist } : {}), ...(copyright ? { Copyright: copyright } : {}) } };
  if (artist || copyright) image = keepCameraMetadata() ? image.withExifMerge(exif) : image.withExif(exif);
  const rewritten = await image.toFormat(format, format === 'jpeg' ? { quality: 90, mozjpeg: false } : format === 'avif' ? { quality: 60 } : { quality: 90 }).toBuffer();

  file.data = rewritten;
  file.size = rewritten.length;
  file.mimetype = kind.mimeType;
  // Payload reads the bytes from `data` when there is no temp file; drop the stale one.
  delete file.tempFilePath;
  // The extension the bytes call for, whatever the upload was named.
  file.name = contentAddressedName(file.name ?? 'photo', rewritten, kind.ext);
  return args;
};
