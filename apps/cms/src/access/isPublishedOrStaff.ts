import type { Access, Where } from 'payload';

import { roleOf } from './roles';

/**
 * What an anonymous reader may see of an article: published, and published at or before now —
 * a story scheduled for later stays hidden even when its status already says published.
 */
export function publishedNow(now: Date = new Date()): Where {
  return {
    and: [{ _status: { equals: 'published' } }, { publishedAt: { less_than_equal: now.toISOString() } }],
  };
}

/** Staff read everything in the admin; everyone else reads only what is live. */
export const isPublishedOrStaff: Access = ({ req }) => (roleOf(req.user) ? true : publishedNow());
