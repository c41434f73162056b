/** A request body read up to a limit: its text, or the refusal to send (413) when it is larger. */
export type BoundedBody = { ok: true; text: string } | { ok: false; status: 413; message: string };

/** "64 KiB", "1 MiB", "1.5 MiB", or bytes below 1 KiB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(2))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(2))} KiB`;
  return `${bytes} bytes`;
}

/**
 * How much of a refused body is read and thrown away before giving up on it. Closing a connection the client is still
 * sending on resets it, and the client (the admin's import form among them) never reads the 413; so the rest is
 * drained — never kept — and only a body longer than this has its connection dropped.
 */
export const DISCARD_ALLOWANCE = 4 * 1024 * 1024;

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

function tooLarge(limit: number): BoundedBody {
  return { ok: false, status: 413, message: `The request body is larger than ${formatBytes(limit)}, the most this endpoint accepts.` };
}

/**
 * Reads a request's body as UTF-8 text, never holding more than `limit` bytes of it: a declared Content-Length over
 * the limit is refused before anything is kept, and any other body is counted as it streams and refused as soon as
 * it passes the limit. The refusal comes at once; the rest of the body is discarded in the background.
 */
export async function readBoundedText(
  request: { headers: Headers; body?: ReadableStream<Uint8Array> | null },
  limit: number,
): Promise<BoundedBody> {
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const declared = request.headers.get('content-length')?.trim();
  if (declared && /^\d+$/.test(declared) && Number(declared) > limit) {
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
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, text: new TextDecoder().decode(bytes) };
}
