import type { SiteInfo } from '@newsroom/schema';

/**
 * Everything the site reads from its environment, read at request time (never inlined at build), so one build runs
 * against any CMS and under any public URL.
 */
export interface SiteConfig {
  /** Where the server reaches the CMS REST API (`CMS_URL`). */
  cmsUrl: string;
  /** The CMS origin editors use in their browser (`CMS_PUBLIC_URL`); live preview messages come from it. */
  cmsPublicUrl: string;
  /** Public origin of this site (`SITE_URL`), for canonical URLs, feeds and JSON-LD. */
  siteUrl: string;
  siteName: string;
  /** Shared with the CMS; `POST /api/revalidate` refuses everything without it. */
  revalidateSecret: string | undefined;
  /** Where this server can reach itself (regenerating pages goes through Next's own router). */
  internalUrl: string;
}

export function siteConfig(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  const port = env.PORT ?? '3000';
  return {
    cmsUrl: trimSlash(env.CMS_URL ?? 'http://127.0.0.1:3001'),
    cmsPublicUrl: trimSlash(env.CMS_PUBLIC_URL ?? `http://localhost:${env.CMS_PORT ?? 3001}`),
    siteUrl: trimSlash(env.SITE_URL ?? env.WEB_URL ?? `http://localhost:${port}`),
    siteName: env.SITE_NAME ?? 'Newsroom Daily',
    revalidateSecret: env.REVALIDATE_SECRET?.trim() || undefined,
    internalUrl: trimSlash(env.WEB_INTERNAL_URL ?? `http://127.0.0.1:${port}`),
  };
}

/** The publisher as the schema serializers want it. */
export function siteInfo(config: SiteConfig = siteConfig()): SiteInfo {
  return { url: config.siteUrl, name: config.siteName, logoUrl: '/logo.png' };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
