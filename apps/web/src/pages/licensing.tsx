import Head from 'next/head';

import { SiteLayout } from '../components/SiteLayout';

export const config = { unstable_runtimeJS: false };

/**
 * Where a "License Photo" link goes when the source offered one without a URL of its own (`?photo=<article slug>`
 * names the photo). Static: it needs no CMS.
 */
export default function Licensing() {
  return (
    <SiteLayout chrome={{ siteName: 'Newsroom Daily', sections: [] }}>
      <Head>
        <title>Photo licensing</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content="How to license the photos published with our stories." />
      </Head>
      <div className="notice">
        <h1>Photo licensing</h1>
        <p>
          Photos published with our stories belong to the photographers and agencies credited beside them. To license one, contact the agency
          named in its credit line, or write to our photo desk at <a href="mailto:photos@example.com">photos@example.com</a> with the address of
          the story it appeared in.
        </p>
      </div>
    </SiteLayout>
  );
}
