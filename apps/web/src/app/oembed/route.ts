import type { NextRequest } from 'next/server';

import { TAG } from '../../lib/cache-tags';
import { cachedArticle } from '../../lib/cached-data';
import { CORS, json, SHARED_CACHE, unavailable } from '../../lib/http';
import { siteInfo } from '../../lib/site-config';
import { oembedFor, slugFromArticleUrl } from '../../render/embeds';

/** `GET /oembed?url=<article URL>&format=json[&maxwidth=&maxheight=]` — oEmbed 1.0, type `rich`. */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const headers = { ...CORS, 'Cache-Control': SHARED_CACHE };
  const format = params.get('format') ?? 'json';
  if (format !== 'json') return json({ error: 'only format=json is supported' }, { status: 501, headers });
  const site = siteInfo();
  const slug = slugFromArticleUrl(params.get('url'), site.url);
  if (!slug) return json({ error: 'url must be an article on this site' }, { status: 404, headers });
  const size = (name: string) => {
    const value = Number.parseInt(params.get(name) ?? '', 10);
    return Number.isFinite(value) && value > 0 ? value : undefined;
  };
  try {
    const article = await cachedArticle(slug);
    if (!article) return json({ error: 'no such article' }, { status: 404, headers });
    const maxwidth = size('maxwidth');
    const maxheight = size('maxheight');
    return json(oembedFor(article, site, { ...(maxwidth ? { maxwidth } : {}), ...(maxheight ? { maxheight } : {}) }), { headers: { ...headers, 'Surrogate-Key': TAG.article(slug) } });
  } catch (error) {
    return unavailable(error, CORS);
  }
}
