/** A request body read up to a limit: its text, or the refusal to send (413) when it is larger. */
export type BoundedBody = { ok: true; text: string } | { ok: false; status: 413; message: string };

/** "64 KiB", "1 MiB", "1.5 MiB", or bytes below 1 KiB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(2))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(2))} KiB`;
  return `${bytes} bytes`;
}

function tooLarge(limit: number): BoundedBody {
  return { ok: false, status: 413, message: `The request body is larger than ${formatBytes(limit)}, the most this endpoint accepts.` };
}

/**
 * Reads a request's body as UTF-8 text, never holding more than `limit` bytes of it: a declared Content-Length over
 * the limit is refused before anything is read, and a body without one (chunked) is counted as it streams and
 * abandoned as soon as it passes the limit. The request is consumed either way.
 */
export async function readBoundedText(
  request: { headers: Headers; body?: ReadableStream<Uint8Array> | null },
  limit: number,
): Promise<BoundedBody> {
  const declared = request.headers.get('content-length')?.trim();
  if (declared && /^\d+$/.test(declared) && Number(declared) > limit) {
    await request.body?.cancel().catch(() => undefined);
    return tooLarge(limit);
  }
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
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
