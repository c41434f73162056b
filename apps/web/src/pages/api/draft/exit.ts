import type { NextApiRequest, NextApiResponse } from 'next';

import { carriesBody, discardIncomingBody } from '../../../lib/bounded-body';
import { sameSitePath } from '../../../lib/same-site-path';

/** Next reads no body for this endpoint: it takes none. */
export const config = { api: { bodyParser: false } };

/**
 * `GET /api/draft/exit[?path=…]` — leaves draft preview and returns to the page (on this site only). It takes no
 * body: Next is told not to read one, and a request that sends one is refused (413).
 */
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.setHeader('Cache-Control', 'no-store');
  if (carriesBody(req.headers)) {
    discardIncomingBody(req);
    return res.status(413).json({ error: 'this endpoint takes no request body' });
  }
  res.clearPreviewData({ path: '/' });
  res.redirect(307, sameSitePath(req.query.path) ?? '/');
}
