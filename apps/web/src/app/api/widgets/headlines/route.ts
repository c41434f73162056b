import type { NextRequest } from 'next/server';

import { TAG } from '../../../../lib/cache-tags';
import { cachedHeadlineCandidates, cachedSectionLatest } from '../../../../lib/cached-data';
import { CORS, json, SHARED_CACHE, unavailable } from '../../../../lib/http';
import { siteConfig } from '../../../../lib/site-config';
import { railHeadlines } from '../../../../model/headlines';
import { widgetHeadlines } from '../../../../render/embeds';

/**
 * `GET /api/widgets/headlines?limit=&exclude=&section=` — "Latest Headlines" as JSON for `<news-related-headlines src>`:
 * curated first, then the latest; `exclude` is an article slug to leave out, `section` a section slug (its curated
 * headlines, then that section's latest stories as the CMS lists them — not a filter over the site's latest).
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const limit = Math.min(50, Math.max(1, Number.parseInt(params.get('limit') ?? '10', 10) || 10));
  const exclude = params.get('exclude');
  const sectionSlug = params.get('section');
  try {
    const { curated, latest, sections } = await cachedHeadlineCandidates();
    const section = sectionSlug ? sections.find((s) => s.slug === sectionSlug) : undefined;
    if (sectionSlug && !section) return json({ error: `no section "${sectionSlug}"` }, { status: 404, headers: { ...CORS, 'Cache-Control': SHARED_CACHE } });
    const headlines = railHeadlines({
      curated: section ? curated.filter((headline) => headline.section === section.name) : curated,
      latest: section ? await cachedSectionLatest(section.slug) : latest,
      limit,
      ...(exclude ? { excludeUrl: `/news/${exclude}` } : {}),
    });
    const surrogateKey = [TAG.headlines, TAG.articles, TAG.sections, ...(section ? [TAG.section(section.slug)] : [])].join(' ');
    return json({ headlines: widgetHeadlines(headlines, siteConfig().siteUrl) }, { headers: { ...CORS, 'Cache-Control': SHARED_CACHE, 'Surrogate-Key': surrogateKey } });
  } catch (error) {
    return unavailable(error, CORS);
  }
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: { ...CORS, 'Access-Control-Max-Age': '86400' } });
}
