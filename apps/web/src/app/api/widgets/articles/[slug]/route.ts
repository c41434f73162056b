import { TAG } from '../../../../../lib/cache-tags';
import { cachedArticle } from '../../../../../lib/cached-data';
import { CORS, json, SHARED_CACHE, unavailable } from '../../../../../lib/http';
import { siteConfig } from '../../../../../lib/site-config';
import { widgetArticle } from '../../../../../render/embeds';

/** `GET /api/widgets/articles/<slug>` — one live article as the schema's `Article`, with absolute URLs. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const headers = { ...CORS, 'Cache-Control': SHARED_CACHE };
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return json({ error: 'no such article' }, { status: 404, headers });
  try {
    const article = await cachedArticle(slug);
    if (!article) return json({ error: 'no such article' }, { status: 404, headers });
    return json({ article: widgetArticle(article, siteConfig().siteUrl) }, { headers: { ...headers, 'Surrogate-Key': TAG.article(slug) } });
  } catch (error) {
    return unavailable(error, CORS);
  }
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: { ...CORS, 'Access-Control-Max-Age': '86400' } });
}
