// The CMS's HTTP security headers, for next.config.mjs (plain JavaScript: Node loads that file itself).
//
// No site may frame the admin or the API (clickjacking an editor's signed-in session): `frame-ancestors 'none'` and,
// for browsers that predate it, `X-Frame-Options: DENY`. The admin's own scripts are left alone — Next's App Router
// and Payload's admin inject inline scripts — so the policy restricts only what cannot break them: framing, plugins
// and `<base>`. It sets no `frame-src` either: the admin's live preview frames the reader site.

/** Two years, subdomains included: sent only to requests that arrived over HTTPS. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * A request that reached us over HTTPS, as the TLS terminator in front says (`X-Forwarded-Proto`, first hop). Next
 * has no TLS of its own and `next.config` headers are fixed at build, when CMS_PUBLIC_URL may not be known; this is
 * checked per request. Faking it over plain HTTP gains nothing: browsers ignore HSTS received over HTTP.
 */
export const SERVED_OVER_HTTPS = /** @type {const} */ ({ type: 'header', key: 'x-forwarded-proto', value: '\\s*https\\s*(?:,.*)?' });

/** The admin, the REST and GraphQL API, everything. */
export const CMS_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

/**
 * Uploaded files opened as documents: no scripts, frames or plugins at all. Payload sends the first three for SVG and
 * XML uploads, but a next.config header replaces a route's header of the same name, so this one must carry them too.
 */
export const UPLOAD_POLICY = "script-src 'none'; frame-src 'none'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The rules next.config sends, in order (a later rule's header replaces an earlier one of the same name).
 * @returns {{ source: string, has?: { type: 'header', key: string, value: string }[], headers: { key: string, value: string }[] }[]}
 */
export function cmsSecurityHeaderRules() {
  return [
    {
      source: '/:path*',
      headers: [
        { key: 'Content-Security-Policy', value: CMS_POLICY },
        { key: 'X-Frame-Options', value: 'DENY' },
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      ],
    },
    { source: '/api/media/file/:path*', headers: [{ key: 'Content-Security-Policy', value: UPLOAD_POLICY }] },
    { source: '/:path*', has: [{ ...SERVED_OVER_HTTPS }], headers: [{ key: 'Strict-Transport-Security', value: HSTS }] },
  ];
}
