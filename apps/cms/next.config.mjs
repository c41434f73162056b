import { withPayload } from '@payloadcms/next/withPayload';

import { cmsSecurityHeaderRules } from './src/lib/security-headers.js';

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  images: { unoptimized: true },
  // No framing by any site, nosniff, a referrer policy, HSTS over HTTPS (src/lib/security-headers.js).
  async headers() {
    return cmsSecurityHeaderRules();
  },
};

export default withPayload(nextConfig, { devBundleServerPackages: false });
