import type { NextApiRequest, NextApiResponse } from 'next';

import { readIncomingText } from '../../lib/bounded-body';
import { type PagePlan, REVALIDATE_BODY_LIMIT } from '../../lib/cache-tags';
import { cms } from '../../lib/cms';
import { oneAtATime, regeneratePlan } from '../../lib/regenerate';
import { secretMatches } from '@newsroom/schema/server';
import { siteConfig } from '../../lib/site-config';

/** The handler reads the body itself, bounded; Next would read up to 1 MB of it first. */
export const config = { api: { bodyParser: false } };

/**
 * Internal: re-renders cached pages for `POST /api/revalidate` (the public endpoint). Needs the same secret.
 * Only pages already in the cache are re-rendered; the rest render fresh on their first visit anyway. Answers once the
 * plan's own pages are done; the background sweep (lib/regenerate.ts) carries on after.
 * The body is read here, after the secret checks out, and only up to {@link REVALIDATE_BODY_LIMIT} (413 beyond it).
 */
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') return res.status(405).setHeader('Allow', 'POST').json({ error: 'POST only' });
  const presented = req.headers['x-revalidate-secret'];
  if (!secretMatches(typeof presented === 'string' ? presented : undefined, siteConfig().revalidateSecret)) {
    return res.status(401).json({ error: 'wrong or missing secret' });
  }
  const body = await readIncomingText(req, REVALIDATE_BODY_LIMIT);
  if (!body.ok) return res.status(body.status).json({ error: body.error });
  let plan: PagePlan | undefined;
  try {
    plan = JSON.parse(body.text) as PagePlan;
  } catch {
    plan = undefined;
  }
  if (!plan || !Array.isArray(plan.paths) || !plan.paths.every((p) => typeof p === 'string' && /^\/[a-z0-9/-]*$/.test(p))) {
    return res.status(400).json({ error: 'expected a page plan' });
  }
  // How many of the plan's pages to re-render before answering, besides the front page (the rest join the background
  // sweep, which also takes what every page shows: ad slots, navigation).
  const hot = Number.parseInt(process.env.REGENERATE_HOT_PAGES ?? '', 10);
  const report = await oneAtATime(() => {
    cms().clearMemo();
    return regeneratePlan(plan, (path) => res.revalidate(path, { unstable_onlyGenerated: true }), Number.isInteger(hot) && hot >= 0 ? { hot } : {});
  });
  res.setHeader('Cache-Control', 'no-store');
  return res.status(report.failed.length ? 500 : 200).json(report);
}
