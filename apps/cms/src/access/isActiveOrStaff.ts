import type { Access, Where } from 'payload';

import { roleOf } from './roles';

/**
 * For records with an optional active window (`activeFrom` … `activeUntil` or `expiresAt`):
 * anonymous readers get only what is live now.
 */
export const activeWindowOrStaff =
  (fromField: string | undefined, untilField: string): Access =>
  ({ req }) => {
    if (roleOf(req.user)) return true;
    const now = new Date().toISOString();
    const and: Where[] = [
      { or: [{ [untilField]: { exists: false } }, { [untilField]: { greater_than: now } }] },
    ];
    if (fromField) and.push({ or: [{ [fromField]: { exists: false } }, { [fromField]: { less_than_equal: now } }] });
    return { and };
  };
