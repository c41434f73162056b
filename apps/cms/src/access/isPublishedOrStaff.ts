import type { Access, Where } from 'payload';

import { roleOf } from './roles';

/**
 * What an anonymous reader may see of an article: published, published at or before now (a story scheduled for later
 * stays hidden even when its status already says published), not under an embargo that has yet to lift, and not
 * killed. `prefix` reads the same rule through a relationship (`article.` from a headline).
 */
export function publishedNow(now: Date = new Date(), prefix = ''): Where {
  const at = now.toISOString();
  const field = (name: string) => `${prefix}${name}`;
  return {
    and: [
      { [field('_status')]: { equals: 'published' } },
      { [field('publishedAt')]: { less_than_equal: at } },
      { or: [{ [field('embargoedUntil')]: { exists: false } }, { [field('embargoedUntil')]: { less_than_equal: at } }] },
      { [field('killedAt')]: { exists: false } },
    ],
  };
}

/** Staff read everything in the admin; everyone else reads only what is live. */
export const isPublishedOrStaff: Access = ({ req }) => (roleOf(req.user) ? true : publishedNow());
