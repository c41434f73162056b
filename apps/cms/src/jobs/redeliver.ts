import { secretMatches } from '@newsroom/schema/server';
import type { Endpoint } from 'payload';

import { revalidationOutbox } from './outbox';
import { revalidationTarget } from './revalidate';

/** Longest the endpoint waits for the deliveries it started; they go on after it has answered. */
const ANSWER_WITHIN_MS = 30_000;

/**
 * `POST /api/revalidation/redeliver`: the reader site calls it once it answers again (after a start, a restart or an
 * outage), with the revalidation secret the two share in `x-revalidate-secret`. What the site missed while it was
 * down — queued in the revalidation outbox and waiting, with backoff, for a retry up to two minutes away — is
 * delivered now, so a site that comes back catches up within a second instead of at the next retry.
 *
 * Answers `{ waiting }`: the revalidation jobs still queued once this run is over (0 when the site took them all),
 * 202 if the run outlasts 30 s. No body is read (one is refused with 413); a wrong or missing secret gets 401, and a
 * CMS that knows no site to tell 503. Calls made during a run share it, so repeating them costs nothing more.
 */
export const redeliverEndpoint: Endpoint = {
  path: '/revalidation/redeliver',
  method: 'post',
  handler: async (req) => {
    const headers = { 'Cache-Control': 'no-store' };
    const target = revalidationTarget();
    if (!target) return Response.json({ error: 'this CMS knows no reader site to tell (REVALIDATE_SECRET, WEB_INTERNAL_URL)' }, { status: 503, headers });
    if (!secretMatches(req.headers.get('x-revalidate-secret'), target.secret)) {
      return Response.json({ error: 'x-revalidate-secret is missing or wrong' }, { status: 401, headers });
    }
    const length = req.headers.get('content-length');
    if ((length !== null && length !== '0') || req.headers.has('transfer-encoding')) {
      return Response.json({ error: 'this request takes no body' }, { status: 413, headers });
    }
    const run = revalidationOutbox(req.payload).redeliverNow();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ANSWER_WITHIN_MS)));
    try {
      const waiting = await Promise.race([run, late]);
      if (waiting === 'late') return Response.json({ waiting: await revalidationOutbox(req.payload).waiting() }, { status: 202, headers });
      return Response.json({ waiting }, { headers });
    } finally {
      clearTimeout(timer);
    }
  },
};
