/**
 * The reader site's HTTP security headers: one Content-Security-Policy for every page, a sandboxed one of its own for
 * HTML ad creatives, frame protection, nosniff, a referrer policy and HSTS.
 *
 * Reader pages are rendered once and cached (ISR), so a per-request nonce cannot work. They need none: the only
 * scripts they run are files from this origin (the widget hydration module and its chunks under /_assets, the
 * live-preview helper, /embed/v1/news-widgets.js on the /embed page), and their inline `<script>`s are data blocks
 * (JSON-LD, the headline rail's `application/json`), which browsers never execute and CSP does not govern. So
 * `script-src 'self'` with no hashes; an inline script added later is blocked, not silently allowed.
 *
 * Styles keep `'unsafe-inline'` (scripts do not): Lit's server rendering puts each element's `<style>` inside its
 * declarative shadow root and hydration keeps that element rather than adopting a sheet, so a style the policy missed
 * would leave the widgets unstyled for good; ad slots carry their per-breakpoint sizes as custom properties in
 * `style` attributes whose values come from the CMS; and hashing every sheet at build time would mean loading Lit and
 * the elements into next.config, a second copy beside the server's.
 *
 * Pure: no environment, no imports, so next.config.ts can load it at build time and the pages at request time.
 */

/** A response header rule, as Next's `headers()` takes it. */
export interface HeaderRule {
  source: string;
  has?: { type: 'header' | 'cookie'; key: string; value?: string }[];
  headers: { key: string; value: string }[];
}

/** Directive name → its sources, in order. */
export type Directives = Record<string, readonly string[]>;

export function serializePolicy(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** Two years, subdomains included: sent only to requests that arrived over HTTPS. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * Every path but the ad creatives' documents, which send a policy of their own (a route handler's header loses to a
 * next.config header for the same name, so the page policy must not match them at all).
 */
export const READER_PATHS = '/((?!ads/frame/).*)';

/**
 * A request that reached us over HTTPS, as the TLS terminator in front says (`X-Forwarded-Proto`, first hop). Next
 * has no TLS of its own and `next.config` headers are fixed at build, when the public URL is not known; this
 * condition is checked per request. The site's front door passes the header on only from a proxy it trusts, and a
 * client that fakes it over plain HTTP gains nothing anyway: browsers ignore HSTS received over HTTP.
 */
export const SERVED_OVER_HTTPS = { type: 'header', key: 'x-forwarded-proto', value: '\\s*https\\s*(?:,.*)?' } as const;

/**
 * The policy of every reader page. `frameAncestors` defaults to none: no site may frame our pages (embeds are
 * scripts, not frames); an editor's draft preview lets the CMS admin frame it (see {@link previewFrameAncestors}).
 */
export function readerPagePolicy({ frameAncestors = ["'none'"] }: { frameAncestors?: readonly string[] } = {}): string {
  return serializePolicy({
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    // Photos, house ads and the icon are all served by the site (/media, /icon.svg); data: for inline images in CSS.
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    // The live headline list fetches /api/widgets/headlines.
    'connect-src': ["'self'"],
    // HTML ad creatives are documents of this origin (/ads/frame/<id>), sandboxed into an opaque origin of their own.
    'frame-src': ["'self'"],
    'frame-ancestors': frameAncestors,
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'object-src': ["'none'"],
  });
}

/**
 * Who may frame a draft preview: the site itself and the CMS admin's public origin (`CMS_PUBLIC_URL`), under both its
 * loopback names when it is local (the CMS accepts either). Anything but a plain http(s) origin adds nothing.
 */
export function previewFrameAncestors(cmsPublicUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(cmsPublicUrl);
  } catch {
    return ["'self'"];
  }
  // A host of letters, digits, dots and hyphens (or an IPv6 literal): the URL parser lets `;` and `'` through, and
  // either would end the directive.
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !/^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])$/i.test(url.hostname)) return ["'self'"];
  const origins = [url.origin];
  const alias = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname === '127.0.0.1' ? 'localhost' : undefined;
  if (alias) {
    const other = new URL(url.origin);
    other.hostname = alias;
    origins.push(other.origin);
  }
  return ["'self'", ...origins];
}

/**
 * The reader policy for an editor's draft preview and the `/api/draft` answers that lead to it: framed by the CMS
 * admin's live preview. Sent at request time, where the CMS's public origin is known; never to a cached page.
 */
export function previewPagePolicy(cmsPublicUrl: string): string {
  return readerPagePolicy({ frameAncestors: previewFrameAncestors(cmsPublicUrl) });
}

/**
 * The document an HTML creative runs in (`/ads/frame/<id>`). `sandbox` repeats the iframe's flags, so the creative is
 * contained even when its URL is opened directly: an opaque origin, no same-origin access, no forms, no top
 * navigation without a click. Inside, advertisers' markup needs what ad tags use — inline and remote scripts over
 * HTTPS, eval, images, frames and beacons from ad servers — so the rest only keeps out plugins, `<base>` tricks,
 * plain-HTTP loads, and framing by anyone but our own pages.
 */
export function adFramePolicy(sandbox: string): string {
  return serializePolicy({
    sandbox: sandbox.split(/\s+/).filter(Boolean),
    'default-src': ["'self'", 'https:', 'data:', 'blob:'],
    'script-src': ["'self'", 'https:', 'blob:', "'unsafe-inline'", "'unsafe-eval'"],
    'style-src': ["'self'", 'https:', "'unsafe-inline'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'self'"],
  });
}

/** The headers next.config sends, in order (a later rule's header replaces an earlier one of the same name). */
export function siteSecurityHeaderRules(): HeaderRule[] {
  return [
    {
      source: '/:path*',
      headers: [
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      ],
    },
    {
      source: READER_PATHS,
      headers: [
        { key: 'Content-Security-Policy', value: readerPagePolicy() },
        // For browsers that predate frame-ancestors; where both are sent, frame-ancestors wins.
        { key: 'X-Frame-Options', value: 'DENY' },
      ],
    },
    { source: '/:path*', has: [{ ...SERVED_OVER_HTTPS }], headers: [{ key: 'Strict-Transport-Security', value: HSTS }] },
  ];
}
