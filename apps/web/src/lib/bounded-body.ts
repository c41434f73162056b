import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * Request bodies read up to a limit, for the site's own endpoints. Next reads a Pages API route's body for it (up to
 * 1 MB, for every method) unless the route says `bodyParser: false`, and never limits an app route's: these read it
 * themselves, holding no more than the limit in memory.
 *
 * A refused body is not simply abandoned: closing a connection the client is still sending on resets it, and the
 * client never reads the 413. So the rest is read and thrown away — up to {@link DISCARD_ALLOWANCE}, never kept —
 * and only a body longer than that has its connection dropped.
 */

/** How much of a refused body is read and thrown away, so the client gets to read the refusal, before giving up on it. */
export const DISCARD_ALLOWANCE = 4 * 1024 * 1024;

/** The body as UTF-8 text, or why it was refused: 413 when it is larger than the limit. */
export type BoundedBody = { ok: true; text: string } | { ok: false; status: 413; error: string };

/** "64 KiB", "1 MiB", or bytes below 1 KiB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(2))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(2))} KiB`;
  return `${bytes} bytes`;
}

function tooLarge(limit: number): BoundedBody {
  return { ok: false, status: 413, error: `the request body is larger than ${formatBytes(limit)}, the most this endpoint accepts` };
}

/** A Content-Length that says the body is over the limit. One that is absent or malformed says nothing. */
function declaresMoreThan(contentLength: string | null | undefined, limit: number): boolean {
  const value = contentLength?.trim();
  return value !== undefined && /^\d+$/.test(value) && Number(value) > limit;
}

/** Reads the rest of a refused body and throws it away, in the background; cancels it past `allowance` bytes. */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, allowance: number): Promise<void> {
  let discarded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      discarded += value.byteLength;
      if (discarded > allowance) break;
    }
    await reader.cancel();
  } catch {
    // The client went away: nothing left to discard.
  }
}

/**
 * Reads a Fetch `Request`'s body (an app route's). A declared Content-Length over the limit is refused before
 * anything is kept; otherwise the body is counted as it streams and refused as soon as it passes the limit. Either
 * way the refusal comes at once, while the rest is discarded in the background.
 */
export async function readRequestText(request: Request, limit: number): Promise<BoundedBody> {
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  if (declaresMoreThan(request.headers.get('content-length'), limit)) {
    void discardRest(reader, DISCARD_ALLOWANCE);
    return tooLarge(limit);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      void discardRest(reader, DISCARD_ALLOWANCE);
      return tooLarge(limit);
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
}

/**
 * Reads and throws away what is left of a Node request's body, up to `allowance` bytes, then drops the connection if
 * more keeps coming. For a refused body, and for endpoints that take none.
 */
export function discardIncomingBody(req: IncomingMessage, allowance = DISCARD_ALLOWANCE): void {
  if (req.readableEnded) return;
  let discarded = 0;
  const onData = (chunk: Buffer | string) => {
    discarded += chunk.length;
    if (discarded > allowance) {
      req.off('data', onData);
      req.destroy();
    }
  };
  req.on('data', onData);
  // A client that goes away mid-body is no error of ours.
  req.on('error', () => undefined);
  req.resume();
}

/**
 * Reads a Node request's body (a Pages API route's, with `bodyParser: false`) the same way as
 * {@link readRequestText}, discarding the rest of a refused one.
 */
export function readIncomingText(req: IncomingMessage, limit: number): Promise<BoundedBody> {
  if (declaresMoreThan(req.headers['content-length'], limit)) {
    discardIncomingBody(req);
    return Promise.resolve(tooLarge(limit));
  }
  if (req.readableEnded) return Promise.resolve({ ok: true, text: '' });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += bytes.byteLength;
      if (total > limit) {
        done();
        discardIncomingBody(req);
        resolve(tooLarge(limit));
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = () => {
      done();
      resolve({ ok: true, text: Buffer.concat(chunks, total).toString('utf8') });
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** The request says it carries a body (for endpoints that take none). */
export function carriesBody(headers: IncomingHttpHeaders): boolean {
  const length = headers['content-length']?.trim();
  return (length !== undefined && length !== '0') || headers['transfer-encoding'] !== undefined;
}
