import { cms } from '../../../lib/cms';
import { unavailable } from '../../../lib/http';
import { hasControlCharacter } from '../../../model/safe-link';

/**
 * A name the CMS gave by content (`storm-harbor-3f9a0c1b2d4e.jpg`, `…-1.jpg` for the same bytes uploaded again, and
 * the renditions `…-800x533.avif`).
 */
const CONTENT_ADDRESSED = /-[0-9a-f]{12}(?:-\d+)?(?:-\d+x\d+)?\.[a-z0-9]+$/i;

/**
 * `GET /media/<file>` — photos from the CMS media collection, served under the site's own origin with cache headers
 * a CDN can keep. A content-addressed name never shows other bytes: cached for a year, immutable. Older names are
 * never reused either (Payload gives a new file a new name), but could be after a delete: a day in browsers.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (/[/\\]/.test(file) || hasControlCharacter(file) || file === '' || file === '.' || file === '..') return new Response('Not found', { status: 404 });
  try {
    const upstream = await cms().mediaFile(file);
    if (!upstream.ok || !upstream.body) return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'public, max-age=60' } });
    const type = upstream.headers.get('content-type') ?? 'application/octet-stream';
    if (!/^image\//.test(type)) return new Response('Not found', { status: 404 });
    return new Response(upstream.body, {
      headers: {
        'Content-Type': type,
        'Cache-Control': CONTENT_ADDRESSED.test(file)
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=86400, s-maxage=31536000, stale-while-revalidate=604800',
        ...(upstream.headers.get('content-length') ? { 'Content-Length': upstream.headers.get('content-length')! } : {}),
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    return unavailable(error);
  }
}
