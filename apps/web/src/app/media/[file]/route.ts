import { cms } from '../../../lib/cms';
import { unavailable } from '../../../lib/http';
import { hasControlCharacter } from '../../../model/safe-link';

/**
 * `GET /media/<file>` — photos from the CMS media collection, served under the site's own origin with cache headers
 * a CDN can keep (Payload gives a new file a new name, never new bytes under an old one).
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
        'Cache-Control': 'public, max-age=86400, s-maxage=31536000, stale-while-revalidate=604800',
        ...(upstream.headers.get('content-length') ? { 'Content-Length': upstream.headers.get('content-length')! } : {}),
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    return unavailable(error);
  }
}
