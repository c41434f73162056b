import type { AppProps } from 'next/app';
import NextDocument, { type DocumentContext, type DocumentInitialProps, Head, Html, Main, NextScript } from 'next/document';

import { previewPagePolicy } from '../lib/security-headers';
import { siteConfig } from '../lib/site-config';
import { siteCss } from '../styles/site-css';

export default function Document() {
  return (
    <Html lang="en">
      <Head>
        <meta name="theme-color" content="#ffffff" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <style dangerouslySetInnerHTML={{ __html: siteCss }} />
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}

/**
 * Every page gets the reader policy from next.config, which forbids framing. A draft preview is the exception: the
 * CMS admin shows it in its live-preview frame, and the CMS's public origin is known only when the server runs
 * (next.config headers are fixed at build). A preview is rendered for each request and never cached, so its
 * response can carry a policy that names that origin; cached pages are never touched here.
 */
Document.getInitialProps = async (ctx: DocumentContext): Promise<DocumentInitialProps> => {
  let preview = false;
  const renderPage = ctx.renderPage;
  ctx.renderPage = () =>
    renderPage({
      enhanceApp: (App) =>
        function PreviewAwareApp(props: AppProps) {
          preview = props.router.isPreview;
          return <App {...props} />;
        },
    });
  const initialProps = await NextDocument.getInitialProps(ctx);
  if (preview && ctx.res && !ctx.res.headersSent) {
    ctx.res.setHeader('Content-Security-Policy', previewPagePolicy(siteConfig().cmsPublicUrl));
    ctx.res.removeHeader('X-Frame-Options');
  }
  return initialProps;
};
