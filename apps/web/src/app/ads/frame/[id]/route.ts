import { TAG } from '../../../../lib/cache-tags';
import { cachedAdSlots } from '../../../../lib/cached-data';
import { unavailable } from '../../../../lib/http';
import { adFramePolicy } from '../../../../lib/security-headers';
import { AD_FRAME_SANDBOX, adFrameDocument } from '../../../../render/ad-slot';

/**
 * `GET /ads/frame/<slot id>` — an HTML creative as its own document. Its CSP starts with `sandbox` and the iframe's
 * flags, so the creative stays contained even when this URL is opened directly; the reader pages' policy is not sent
 * here (next.config leaves this path out), since advertisers' markup runs inline and remote scripts.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const headers = {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': adFramePolicy(AD_FRAME_SANDBOX),
    'Cache-Control': 'public, max-age=60, s-maxage=60, stale-while-revalidate=600',
    'Surrogate-Key': TAG.adSlots,
    'X-Robots-Tag': 'noindex',
  };
  try {
    const slot = /^\d+$/.test(id) ? (await cachedAdSlots()).find((s) => s.id === id) : undefined;
    const html = slot?.creative?.kind === 'html' ? slot.creative.html : '';
    return new Response(adFrameDocument(html), { status: slot ? 200 : 404, headers });
  } catch (error) {
    return unavailable(error);
  }
}
