import { MAX_UPLOAD_BYTES } from './upload-limits';

type Handler = (request: Request, context: { params: Promise<{ slug?: string[] }> }) => Promise<Response>;

/** JSON for documents and GraphQL: far above any real article, far below what would hurt the process. */
export const MAX_JSON_BODY_BYTES = 2 * 1024 * 1024;
/** A photo upload: the file limit plus room for the multipart framing and the document's fields. */
export const MAX_UPLOAD_BODY_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;

/** The largest body a request to `pathname` may carry. */
export function bodyLimitFor(pathname: string): number {
  return /^\/api\/media(?:\/|$)/.test(pathname) ? MAX_UPLOAD_BODY_BYTES : MAX_JSON_BODY_BYTES;
}

function tooLarge(limit: number): Response {
  return Response.json(
    { errors: [{ message: `The request body is larger than the ${Math.round(limit / 1024 / 1024)} MiB this endpoint accepts.` }] },
    { status: 413, headers: { Connection: 'close' } },
  );
}

/**
 * Puts a size limit on every body Payload's own REST and GraphQL handlers read: a declared Content-Length over the
 * limit is refused at once (413); a body without one is counted as it streams and cut off past the limit.
 */
export function limitingBodies(handler: Handler): Handler {
  return async (request, context) => {
    if (!request.body) return handler(request, context);
    const limit = bodyLimitFor(new URL(request.url).pathname);
    const declared = Number(request.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limit) return tooLarge(limit);
    if (request.headers.has('content-length')) return handler(request, context);
    let seen = 0;
    const counted = request.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > limit) controller.error(new Error(`request body over ${limit} bytes`));
          else controller.enqueue(chunk);
        },
      }),
    );
    const bounded = new Request(request, { body: counted, duplex: 'half' } as RequestInit);
    try {
      return await handler(bounded, context);
    } catch (error) {
      if (seen > limit) return tooLarge(limit);
      throw error;
    }
  };
}
