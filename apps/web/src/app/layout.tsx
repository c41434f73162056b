import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';

import { siteCss } from '../styles/site-css';

/**
 * The App Router holds only route handlers (JSON, feeds, oEmbed, revalidation) and the 404 page, which Next renders
 * from here whenever an app directory exists. Reader pages are Pages Router pages without framework JS (ADR 0010).
 */
export const metadata: Metadata = { robots: { index: false } };
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <style dangerouslySetInnerHTML={{ __html: siteCss }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
