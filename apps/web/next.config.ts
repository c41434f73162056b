import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { NextConfig } from 'next';

import { siteSecurityHeaderRules } from './src/lib/security-headers';

const webDir = path.dirname(fileURLToPath(import.meta.url));

/** A year: for files whose name changes whenever their content does. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * `Surrogate-Key`: the revalidation tags (src/lib/cache-tags.ts) whose change shows on a page — at least what
 * `pagesForTags` re-renders it for — so the front door (scripts/edge/) purges exactly those pages when the CMS says
 * what changed. Next fills in `:slug`. Route handlers set theirs themselves.
 */
const SURROGATE_KEYS = [
  { source: '/', keys: 'articles headlines sections' },
  { source: '/front/:edition', keys: 'articles headlines sections' },
  { source: '/front/:edition/page/:page', keys: 'articles headlines sections' },
  // Not `articles` or `headlines`: the page's "Latest Headlines" rail refreshes itself from the widget JSON, which has them.
  { source: '/news/:slug([a-z0-9-]+)', keys: 'article::slug ad-slots sections' },
  { source: '/section/:slug([a-z0-9-]+)', keys: 'section::slug sections' },
  { source: '/section/:slug([a-z0-9-]+)/page/:page', keys: 'section::slug sections' },
  { source: '/author/:slug([a-z0-9-]+)', keys: 'author::slug sections' },
  { source: '/author/:slug([a-z0-9-]+)/page/:page', keys: 'author::slug sections' },
  { source: '/tag/:slug([a-z0-9-]+)', keys: 'tag::slug sections' },
  { source: '/tag/:slug([a-z0-9-]+)/page/:page', keys: 'tag::slug sections' },
  { source: '/embed', keys: 'articles sections' },
].map(({ source, keys }) => ({ source, headers: [{ key: 'Surrogate-Key', value: keys }] }));

const nextConfig: NextConfig = {
  // More than one instance (npm run start:cluster): Next's cache lives in Redis, shared by all (cache-handler.mjs).
  ...(process.env.REDIS_URL ? { cacheHandler: path.join(webDir, 'cache-handler.mjs'), cacheMaxMemorySize: 0 } : {}),
  poweredByHeader: false,
  reactStrictMode: true,
  // Pages say `s-maxage=<revalidate>, stale-while-revalidate=<expireTime - revalidate>`: a CDN may serve a page stale
  // for up to a day while it fetches a fresh one (publishing re-renders at the origin at once).
  expireTime: 86400,
  // Lit and our elements must be loaded by Node itself, once: bundling them twice defines each element twice.
  serverExternalPackages: ['@lit-labs/ssr', '@lit-labs/ssr-dom-shim', 'lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@newsroom/components'],
  // The front page is rendered on first request, like every other page, so `next build` never needs the CMS.
  async rewrites() {
    // `?page=N` of a listing is an ISR page of its own (getStaticProps never sees a query string): page 2 of a section
    // is `/section/world?page=2` to readers and `/section/world/page/2` to Next (src/lib/pagination.ts).
    const page = [{ type: 'query' as const, key: 'page' }];
    return [
      { source: '/', has: page, destination: '/front/latest/page/:page' },
      { source: '/section/:slug', has: page, destination: '/section/:slug/page/:page' },
      { source: '/author/:slug', has: page, destination: '/author/:slug/page/:page' },
      { source: '/tag/:slug', has: page, destination: '/tag/:slug/page/:page' },
      { source: '/', destination: '/front/latest' },
    ];
  },
  // Links from before each photo had its own licensing page (`/licensing?photo=<story slug>`) still reach it.
  async redirects() {
    return [{ source: '/licensing', has: [{ type: 'query' as const, key: 'photo', value: '(?<slug>[a-z0-9][a-z0-9-]{0,199})' }], destination: '/licensing/:slug', permanent: true }];
  },
  async headers() {
    return [
      { source: '/_assets/:file*', headers: [{ key: 'Cache-Control', value: IMMUTABLE }] },
      {
        // A major-version URL embedders pin: cached for a day by browsers and a week by CDNs, then revalidated.
        source: '/embed/v1/:file*',
        headers: [
          { key: 'Cache-Control', value: 'public, max-age=86400, s-maxage=604800, stale-while-revalidate=2592000' },
          { key: 'Access-Control-Allow-Origin', value: '*' },
          { key: 'Cross-Origin-Resource-Policy', value: 'cross-origin' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
        ],
      },
      // Every response: nosniff and a referrer policy; every page: the Content-Security-Policy and frame protection;
      // HSTS when the request came over HTTPS (src/lib/security-headers.ts).
      ...siteSecurityHeaderRules(),
      ...SURROGATE_KEYS,
    ];
  },
};

export default nextConfig;
