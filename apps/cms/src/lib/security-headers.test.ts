import { createRequire } from 'node:module';

import type * as CustomRoutes from 'next/dist/lib/load-custom-routes';
import type * as Filesystem from 'next/dist/server/lib/router-utils/filesystem';
import type * as PrepareDestination from 'next/dist/shared/lib/router/utils/prepare-destination';
import { UPLOAD_CONTENT_SECURITY_POLICY } from 'payload/internal';
import { describe, expect, it } from 'vitest';

import nextConfig from '../../next.config.mjs';
import { CMS_POLICY, HSTS, UPLOAD_POLICY } from './security-headers.js';

// Next's own routing code, so these tests match requests to header rules exactly as `next start` does.
const require = createRequire(import.meta.url);
const { default: loadCustomRoutes } = require('next/dist/lib/load-custom-routes') as typeof CustomRoutes;
const { buildCustomRoute } = require('next/dist/server/lib/router-utils/filesystem') as typeof Filesystem;
const { compileNonPath, matchHas } = require('next/dist/shared/lib/router/utils/prepare-destination') as typeof PrepareDestination;

function parse(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The headers the CMS's next.config (as Payload wraps it) gives a request, matched in order by Next's router. */
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

describe('CMS security headers', () => {
  it('let no site frame the admin or the API, and send nosniff and a referrer policy', async () => {
    for (const path of ['/admin', '/admin/login', '/admin/collections/articles/1', '/api/articles', '/api/users/login', '/api/graphql']) {
      const headers = await configHeaders(path);
      expect(parse(headers['content-security-policy'] ?? '').get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    }
  });

  it('restrict nothing the admin needs: its inline scripts, its styles, the live preview frame, its requests', () => {
    const policy = parse(CMS_POLICY);
    for (const directive of ['default-src', 'script-src', 'style-src', 'frame-src', 'child-src', 'connect-src', 'img-src']) expect(policy.has(directive), directive).toBe(false);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
  });

  it('keep Payload’s own policy for uploaded files (a config header replaces the route’s), and add no framing', async () => {
    const headers = await configHeaders('/api/media/file/photo-1280x853.jpg');
    expect(headers['content-security-policy']).toBe(UPLOAD_POLICY);
    const ours = parse(UPLOAD_POLICY);
    for (const [directive, sources] of parse(UPLOAD_CONTENT_SECURITY_POLICY)) expect(ours.get(directive), directive).toEqual(sources);
    expect(ours.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('send HSTS only to requests that came over HTTPS', async () => {
    expect(await configHeaders('/admin')).not.toHaveProperty('strict-transport-security');
    expect(await configHeaders('/admin', { 'x-forwarded-proto': 'http' })).not.toHaveProperty('strict-transport-security');
    expect((await configHeaders('/admin', { 'x-forwarded-proto': 'https' }))['strict-transport-security']).toBe(HSTS);
    expect((await configHeaders('/api/articles', { 'x-forwarded-proto': 'https, http' }))['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
  });

  it('leave Payload’s own headers in place', async () => {
    expect((await configHeaders('/admin'))['accept-ch']).toBe('Sec-CH-Prefers-Color-Scheme');
  });
});
