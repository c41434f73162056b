import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

import type { Payload, PayloadRequest } from 'payload';

import { MAX_UPLOAD_BYTES } from '../lib/upload-limits';
import type { ParsedWireFile } from './wire-files';

/**
 * The photo files a ninjs item links to (its picture association's renditions), fetched when configuration allows:
 * `WIRE_PHOTO_HOSTS` lists the host names the import may fetch from (comma-separated; `*` for any public address —
 * loopback, private and link-local addresses only when their host is named). Nothing is fetched without it — a wire item is never a way to make the CMS call an address of the sender's choosing — and a
 * photo that cannot be fetched never stops the story: it is imported with the photo's caption and rights, and no file.
 *
 * Fetching happens before any transaction opens; a fetched photo becomes a `media` document, with the rights of the
 * association, in the same transaction as its story (wire-import.ts).
 */

export type FetchedPhoto = { data: Buffer; mimetype: string; name: string; size: number };

const TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/avif': 'avif', 'image/gif': 'gif' };
const TIMEOUT_MS = 10_000;

export function allowedPhotoHosts(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.WIRE_PHOTO_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
}

/** Addresses `*` never reaches: loopback, private, link-local, carrier-grade NAT, unspecified, multicast. */
const PRIVATE = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['::ffff:0:0', 96]] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}

async function allowed(href: string, hosts: readonly string[]): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (hosts.includes(host)) return true;
  if (!hosts.includes('*')) return false;
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true }).catch(() => []);
  return addresses.length > 0 && addresses.every(({ address, family }) => !PRIVATE.check(address, family === 6 ? 'ipv6' : 'ipv4'));
}

/** The first rendition (largest first) of each file's photo that can be fetched, by file index. */
export async function fetchWirePhotos(
  payload: Payload,
  files: readonly ParsedWireFile[],
  hosts: readonly string[] = allowedPhotoHosts(),
): Promise<Map<number, FetchedPhoto>> {
  const fetched = new Map<number, FetchedPhoto>();
  if (hosts.length === 0) return fetched;
  for (const [index, file] of files.entries()) {
    const rights = file.story.photo;
    // A live story's photo needs a credit (Articles/hooks/requireHeroRights.ts): without one, the file is left out.
    if (!rights || !(rights.credit || rights.creator)) continue;
    for (const rendition of file.item?.photoRenditions ?? []) {
      if (!(await allowed(rendition.href, hosts))) continue;
      const photo = await fetchOne(rendition.href).catch((error: unknown) => {
        payload.logger.warn(`wire photo ${rendition.href} was not fetched: ${(error as Error).message}`);
        return undefined;
      });
      if (photo) {
        fetched.set(index, photo);
        break;
      }
    }
  }
  return fetched;
}

async function fetchOne(href: string): Promise<FetchedPhoto | undefined> {
  // No redirects: an allowed host must not hand the fetch on to one that is not.
  const response = await fetch(href, { redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok || !response.body) throw new Error(`the server answered ${response.status}`);
  const mimetype = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const ext = TYPES[mimetype];
  if (!ext) throw new Error(`"${mimetype || 'no content type'}" is not a photo type the CMS takes`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_UPLOAD_BYTES) throw new Error(`it is ${declared} bytes; photos may be at most ${MAX_UPLOAD_BYTES}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_UPLOAD_BYTES) throw new Error(`it is over ${MAX_UPLOAD_BYTES} bytes`);
    chunks.push(chunk);
  }
  const base = decodeURIComponent(new URL(href).pathname.split('/').pop() ?? '').replace(/\.[a-z0-9]+$/i, '').replace(/[^\w.-]+/g, '-') || 'wire-photo';
  return { data: Buffer.concat(chunks), mimetype, name: `${base.slice(0, 80)}.${ext}`, size };
}

/** The fetched photo as a media document carrying the association's rights; its id for the story's hero. */
export async function createWireMedia(
  payload: Payload,
  req: PayloadRequest,
  file: ParsedWireFile,
  photo: FetchedPhoto,
  user: PayloadRequest['user'] | undefined,
): Promise<number | string> {
  const rights = file.story.photo ?? {};
  const doc = await payload.create({
    collection: 'media',
    req,
    overrideAccess: user === undefined,
    user: user ?? undefined,
    depth: 0,
    select: { alt: true },
    file: photo,
    data: {
      alt: rights.alt || rights.caption || file.story.headline,
      caption: rights.caption ?? null,
      credit: rights.credit ?? rights.creator ?? null,
      creator: rights.creator ?? null,
      copyright: rights.copyright ?? null,
      licenseUrl: rights.licenseUrl ?? null,
      usageTerms: rights.usageTerms ?? null,
    },
  });
  return doc.id;
}
