import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The CMS package folder, found from this file rather than the working directory, so the
 * database and media land in the same place whether the CMS is started from the repo root,
 * from apps/cms, or by the import CLI.
 */
export const cmsRoot: string =
  process.env.NEWSROOM_CMS_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const dataDir: string = path.join(cmsRoot, 'data');

export const defaultSqliteFile: string = path.join(dataDir, 'newsroom.db');

export const mediaDir: string = process.env.MEDIA_DIR ?? path.join(cmsRoot, 'media');
