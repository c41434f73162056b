import { createRequire } from 'node:module';

import type * as CustomRoutes from 'next/dist/lib/load-custom-routes';
import type * as Filesystem from 'next/dist/server/lib/router-utils/filesystem';
import type * as PrepareDestination from 'next/dist/shared/lib/router/utils/prepare-destination';
import { describe, expect, it } from 'vitest';

import nextConfig from '../../next.config';
import { AD_FRAME_SANDBOX } from '../render/ad-slot';
import { adFramePolicy, HSTS, previewFrameAncestors, previewPagePolicy, readerPagePolicy } from './security-headers';

// Next's own routing code, so these tests match requests to header rules exactly as `next start` does.
const require = createRequire(import.meta.url);
const { default: loadCustomRoutes } = require('next/dist/lib/load-custom-routes') as typeof CustomRoutes;
const { buildCustomRoute } = require('next/dist/server/lib/router-utils/filesystem') as typeof Filesystem;
const { compileNonPath, matchHas } = require('next/dist/shared/lib/router/utils/prepare-destination') as typeof PrepareDestination;

/** Directive name → sources, as a browser reads a policy. */
function parse(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The headers next.config gives a request: rules validated by Next, matched in order, later ones replacing earlier. */
async function configHeaders(pathname: string, requestHeaders: Record<string, string> = {}): Promise<Record<string, string>> {
  const { headers: rules } = await loadCustomRoutes({ ...nextConfig, basePath: '' } as Parameters<typeof loadCustomRoutes>[0]);
  const req = { headers: requestHeaders } as unknown as Parameters<typeof matchHas>[0];
  const out: Record<string, string> = {};
  for (const rule of rules) {
    const route = buildCustomRoute('header', rule, '', false);
    let params = route.match(pathname);
    if (params && (route.has || route.missing)) {
      const fromHas = matchHas(req, {}, route.has, route.missing);
      params = fromHas ? Object.assign(params, fromHas) : false;
    }
    if (!params) continue;
    const compile = Object.keys(params).length > 0;
    for (const { key, value } of route.headers) out[key.toLowerCase()] = compile ? compileNonPath(value, params) : value;
  }
  return out;
}

describe('the reader pages’ policy', () => {
  const policy = parse(readerPagePolicy());

  it('runs scripts from this origin only: no inline script, no eval, no other host', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('shuts the doors scripts could come in by another way', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it('lets widgets and ad slots keep their inline styles, and loads images and frames from this origin', () => {
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    expect(policy.get('frame-src')).toEqual(["'self'"]);
  });

  it('lets no one frame a page, unless told who may', () => {
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(parse(readerPagePolicy({ frameAncestors: ["'self'", 'https://cms.example.com'] })).get('frame-ancestors')).toEqual(["'self'", 'https://cms.example.com']);
  });
});

describe('previewFrameAncestors', () => {
  it('names the CMS’s public origin, and its other loopback name when it is local', () => {
    expect(previewFrameAncestors('http://localhost:3001')).toEqual(["'self'", 'http://localhost:3001', 'http://127.0.0.1:3001']);
    expect(previewFrameAncestors('http://127.0.0.1:41234/')).toEqual(["'self'", 'http://127.0.0.1:41234', 'http://localhost:41234']);
    expect(previewFrameAncestors('https://cms.example.com/admin')).toEqual(["'self'", 'https://cms.example.com']);
  });

  it('make a preview policy that differs from the readers’ only in who may frame it', () => {
    const preview = parse(previewPagePolicy('http://localhost:3001'));
    const reader = parse(readerPagePolicy());
    expect(preview.get('frame-ancestors')).toEqual(["'self'", 'http://localhost:3001', 'http://127.0.0.1:3001']);
    preview.delete('frame-ancestors');
    reader.delete('frame-ancestors');
    expect(preview).toEqual(reader);
  });

  it.each(['', 'not a url', 'javascript:alert(1)', "http://cms.example;script-src 'unsafe-inline'", "http://cms.ex'ample"])('adds nothing for %j', (value) => {
    expect(previewFrameAncestors(value)).toEqual(["'self'"]);
  });
});

describe('the ad creatives’ policy', () => {
  const raw = adFramePolicy(AD_FRAME_SANDBOX);
  const policy = parse(raw);

  it('starts with the iframe’s own sandbox: an opaque origin, no forms, no top navigation without a click', () => {
    expect(raw.startsWith(`sandbox ${AD_FRAME_SANDBOX};`)).toBe(true);
    expect(policy.get('sandbox')).toEqual(['allow-scripts', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-top-navigation-by-user-activation']);
    expect(raw).not.toContain('allow-same-origin');
    expect(raw).not.toMatch(/allow-top-navigation(?!-by-user-activation)/);
  });

  it('lets advertisers’ tags run, over HTTPS, but never plugins, and only our pages may frame it', () => {
    expect(policy.get('script-src')).toEqual(expect.arrayContaining(['https:', "'unsafe-inline'"]));
    expect(policy.get('script-src')).not.toContain('http:');
    expect(policy.get('script-src')).not.toContain('*');
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
  });
});

describe('next.config headers, matched by Next’s router', () => {
  it('give an article, the front page and a listing the page policy, frame protection, nosniff and a referrer policy', async () => {
    for (const path of ['/news/a-story', '/', '/section/world', '/author/someone', '/embed', '/licensing']) {
      const headers = await configHeaders(path);
      expect(headers['content-security-policy'], path).toBe(readerPagePolicy());
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    }
  });

  it('send no page policy to ad creatives, so the frame route’s own sandbox policy is the one that counts', async () => {
    // A next.config header replaces a route's header of the same name: nothing the ad frame route sets may be here.
    const headers = await configHeaders('/ads/frame/12');
    for (const name of ['content-security-policy', 'x-frame-options', 'content-type', 'cache-control', 'x-robots-tag']) expect(headers, name).not.toHaveProperty(name);
    expect(headers['x-content-type-options']).toBe('nosniff');
    // Only the exact prefix is left out.
    expect((await configHeaders('/ads/frames'))['content-security-policy']).toBe(readerPagePolicy());
  });

  it('leave the widget JSON’s CORS to its route, and keep the embed script and assets as they were', async () => {
    const json = await configHeaders('/api/widgets/headlines');
    expect(json).not.toHaveProperty('access-control-allow-origin');
    expect(json).not.toHaveProperty('cache-control');
    const embed = await configHeaders('/embed/v1/news-widgets.js');
    expect(embed['access-control-allow-origin']).toBe('*');
    expect(embed['cross-origin-resource-policy']).toBe('cross-origin');
    expect((await configHeaders('/_assets/widgets-ABC123.js'))['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('send HSTS only to requests that came over HTTPS', async () => {
    expect(await configHeaders('/news/a-story')).not.toHaveProperty('strict-transport-security');
    expect(await configHeaders('/news/a-story', { 'x-forwarded-proto': 'http' })).not.toHaveProperty('strict-transport-security');
    expect(await configHeaders('/news/a-story', { 'x-forwarded-proto': 'http, https' })).not.toHaveProperty('strict-transport-security');
    expect(await configHeaders('/news/a-story', { 'x-forwarded-proto': 'httpsx' })).not.toHaveProperty('strict-transport-security');
    for (const proto of ['https', 'https, http', 'https,http']) {
      expect((await configHeaders('/news/a-story', { 'x-forwarded-proto': proto }))['strict-transport-security'], proto).toBe(HSTS);
    }
    expect((await configHeaders('/ads/frame/12', { 'x-forwarded-proto': 'https' }))['strict-transport-security']).toBe(HSTS);
    expect(HSTS).toBe('max-age=63072000; includeSubDomains');
  });
});
