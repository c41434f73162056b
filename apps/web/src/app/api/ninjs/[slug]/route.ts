import { toNinjs } from '@newsroom/schema';

import { TAG } from '../../../../lib/cache-tags';
import { cachedArticle } from '../../../../lib/cached-data';
import { CORS, SHARED_CACHE, unavailable } from '../../../../lib/http';
import { siteConfig, siteInfo } from '../../../../lib/site-config';
import { widgetArticle } from '../../../../render/embeds';

/**
 * `GET /api/ninjs/<slug>` — one live story as an IPTC ninjs 3.1 news item (packages/schema `toNinjs`), for
 * syndication partners: CORS `*`, shared-cacheable, and purged with the story (its `article:<slug>` tag and
 * Surrogate-Key). Anything that is not live — a draft, an embargoed or killed story, an unknown slug — is a 404.
 *
 * `version` is the time of the story's last change in whole milliseconds: it grows with every save, so a receiver
 * comparing versions numerically (as this newsroom's own ingest does) keeps the newest.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const headers = { ...CORS, 'Cache-Control': SHARED_CACHE };
  const notFound = () => Response.json({ error: 'no such story' }, { status: 404, headers });
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || slug.length > 400) return notFound();
  try {
    const article = await cachedArticle(slug);
    if (!article) return notFound();
    const config = siteConfig();
    const changed = Date.parse(article.updatedAt ?? article.publishedAt ?? '');
    const item = toNinjs(widgetArticle(article, config.siteUrl), { ...siteInfo(config), language: 'en' }, {
      version: Number.isFinite(changed) ? String(changed) : '1',
    });
    return new Response(JSON.stringify(item), {
      headers: {
        ...headers,
        'Content-Type': 'application/json; charset=utf-8',
        'Surrogate-Key': TAG.article(slug),
      },
    });
  } catch (error) {
    return unavailable(error, CORS);
  }
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: { ...CORS, 'Access-Control-Max-Age': '86400' } });
}
