import { cachedGone } from '../../../../lib/cached-data';
import { json, unavailable } from '../../../../lib/http';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * `GET /api/gone/<slug>` — whether the story once at `/news/<slug>` was killed: 200 with the CMS's tombstone
 * `{slug, killedAt}`, else 404. Answered from Next's data cache, which the CMS's revalidation of the article's tag
 * refreshes, so every instance agrees within the revalidation. The proxy (src/proxy.ts) asks it before each article
 * page, to answer 410 for a killed story.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return json({ error: 'not an article slug' }, { status: 404, headers: NO_STORE });
  try {
    const gone = await cachedGone(slug);
    return gone ? json(gone, { headers: NO_STORE }) : json({ slug, gone: false }, { status: 404, headers: NO_STORE });
  } catch (error) {
    return unavailable(error);
  }
}
