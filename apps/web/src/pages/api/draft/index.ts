import type { NextApiRequest, NextApiResponse } from 'next';

import { carriesBody, discardIncomingBody } from '../../../lib/bounded-body';
import { cms } from '../../../lib/cms';
import { sameSitePath } from '../../../lib/same-site-path';
import { previewPagePolicy } from '../../../lib/security-headers';
import { siteConfig } from '../../../lib/site-config';

/** Next reads no body for this endpoint: it takes none. */
export const config = { api: { bodyParser: false } };

/**
 * `GET /api/draft?path=/news/<slug>` — turns on draft preview for a signed-in CMS user and redirects to `path`, which
 * must be a path on this site (never another origin). The editor's Payload session (the `payload-token` cookie, sent
 * here because the admin and the site share a host name; in production give Payload's cookie the parent domain) is
 * checked with the CMS and kept, encrypted by Next, in the preview cookie: pages then read drafts from the CMS as that
 * user, so a preview shows exactly what that editor may see. It takes no body: Next is told not to read one, and a
 * request that sends one is refused (413).
 */
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  res.setHeader('Cache-Control', 'no-store');
  // Opened inside the admin's live preview: its refusals must show there too, not a blocked frame.
  res.setHeader('Content-Security-Policy', previewPagePolicy(siteConfig().cmsPublicUrl));
  res.removeHeader('X-Frame-Options');
  if (carriesBody(req.headers)) {
    discardIncomingBody(req);
    return res.status(413).json({ error: 'this endpoint takes no request body' });
  }
  const path = sameSitePath(req.query.path);
  if (!path) return res.status(400).json({ error: 'path must be a path on this site, e.g. /news/my-story' });
  const token = req.cookies['payload-token'];
  if (!token) return res.status(401).json({ error: 'sign in to the CMS first; preview uses your CMS session' });
  let user;
  try {
    user = await cms().currentUser(token);
  } catch {
    return res.status(503).json({ error: 'the CMS is not answering, so your session cannot be checked' });
  }
  if (!user?.role) return res.status(401).json({ error: 'your CMS session has expired; sign in again' });
  res.setPreviewData({ token }, { maxAge: 60 * 60, path: '/' });
  res.redirect(307, path);
}
