import type { Payload } from 'payload';

import type { Role } from '../../src/access/roles';
import { paragraphsToLexical } from '../../src/lib/lexical';

/** The password `makeUser` gives every test account. */
export const TEST_PASSWORD = 'correct horse battery staple';

export type TestUser = { id: number | string; role: Role; email: string; collection: 'users' };

export async function makeUser(payload: Payload, role: Role, email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.test`): Promise<TestUser> {
  const doc = await payload.create({
    collection: 'users',
    data: { email, password: TEST_PASSWORD, role },
    overrideAccess: true,
  });
  return { id: doc.id, role, email, collection: 'users' };
}

type ArticleInput = {
  headline: string;
  status?: 'draft' | 'published';
  publishedAt?: string;
  paragraphs?: string[];
  user?: TestUser;
};

/** An article through the Local API, as the system unless a user is given. */
export async function makeArticle(payload: Payload, input: ArticleInput) {
  const status = input.status ?? 'published';
  return payload.create({
    collection: 'articles',
    draft: status === 'draft',
    overrideAccess: input.user === undefined,
    user: input.user as never,
    data: {
      headline: input.headline,
      body: paragraphsToLexical(input.paragraphs ?? ['A paragraph of test copy.']) as never,
      dateline: { month: 1, day: 5, agency: 'Test' },
      _status: status,
      ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
    },
  });
}

export const inOneHour = () => new Date(Date.now() + 3_600_000).toISOString();
export const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

/** The field errors of a rejected write, as an editor would see them beside each field. */
export async function fieldErrors(write: Promise<unknown>): Promise<{ path: string; message: string }[]> {
  try {
    await write;
  } catch (error) {
    const errors = (error as { data?: { errors?: { path: string; message: string }[] } }).data?.errors;
    if (errors) return errors.map(({ path, message }) => ({ path, message }));
    throw error;
  }
  throw new Error('expected the write to be refused');
}

/** A real PNG of the given size (solid colour), as an upload for the Local API. */
export async function pngUpload(width = 8, height = 8, name = `photo-${Math.random().toString(36).slice(2, 8)}.png`) {
  const { default: sharp } = await import('sharp');
  const data = await sharp({ create: { width, height, channels: 3, background: '#336699' } }).png().toBuffer();
  return { data, mimetype: 'image/png', name, size: data.length };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a complete, valid black-and-white PNG of `width` × `height` pixels that is
 * only kilobytes on disk (all-zero rows compress to almost nothing) but megapixels to decode.
 */
export async function pngBomb(width: number, height: number, name = `bomb-${Math.random().toString(36).slice(2, 8)}.png`) {
  const { deflateSync } = await import('node:zlib');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
  const rows = Buffer.alloc(height * (1 + Math.ceil(width / 8)));
  const data = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  return { data, mimetype: 'image/png', name, size: data.length };
}
