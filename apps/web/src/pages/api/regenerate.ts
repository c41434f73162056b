import type { NextApiRequest, NextApiResponse } from 'next';

import type { PagePlan } from '../../lib/cache-tags';
import { cms } from '../../lib/cms';
import { oneAtATime, regeneratePlan } from '../../lib/regenerate';
import { secretMatches } from '../../lib/secret';
import { siteConfig } from '../../lib/site-config';

/**
 * Internal: re-renders cached pages for `POST /api/revalidate` (the public endpoint). Needs the same secret.
 * Only pages already in the cache are re-rendered; the rest render fresh on their first visit anyway.
 */
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') return res.status(405).setHeader('Allow', 'POST').json({ error: 'POST only' });
  const presented = req.headers['x-revalidate-secret'];
  if (!secretMatches(typeof presented === 'string' ? presented : undefined, siteConfig().revalidateSecret)) {
    return res.status(401).json({ error: 'wrong or missing secret' });
  }
  const plan = req.body as PagePlan;
  if (!plan || !Array.isArray(plan.paths) || !plan.paths.every((p) => typeof p === 'string' && /^\/[a-z0-9/-]*$/.test(p))) {
    return res.status(400).json({ error: 'expected a page plan' });
  }
  // How many of the newest article pages to re-render before answering (the rest follow in the background).
  const hot = Number.parseInt(process.env.REGENERATE_HOT_PAGES ?? '', 10);
  const report = await oneAtATime(() => {
    cms().clearMemo();
    return regeneratePlan(plan, (path) => res.revalidate(path, { unstable_onlyGenerated: true }), Number.isInteger(hot) && hot >= 0 ? { hot } : {});
  });
  res.setHeader('Cache-Control', 'no-store');
  return res.status(report.failed.length ? 500 : 200).json(report);
}
