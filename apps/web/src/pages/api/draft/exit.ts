import type { NextApiRequest, NextApiResponse } from 'next';

import { sameSitePath } from '../../../lib/same-site-path';

/** `GET /api/draft/exit[?path=…]` — leaves draft preview and returns to the page (on this site only). */
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.setHeader('Cache-Control', 'no-store');
  res.clearPreviewData({ path: '/' });
  res.redirect(307, sameSitePath(req.query.path) ?? '/');
}
