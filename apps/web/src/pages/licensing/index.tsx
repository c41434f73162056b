import Head from 'next/head';

import { SiteLayout } from '../../components/SiteLayout';

export const config = { unstable_runtimeJS: false };

/** `/licensing`: how photo licensing works here. Each photo has its own page, `/licensing/<photo>` ("License Photo"). */
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
          Photos published with our stories belong to the photographers and agencies credited beside them. To license one, follow the “License
          Photo” link under it: for a photo an agency licenses, the link goes to the agency; for our own, to a page with its rights and usage
          terms, where you can ask our photo desk for a license.
        </p>
      </div>
    </SiteLayout>
  );
}
