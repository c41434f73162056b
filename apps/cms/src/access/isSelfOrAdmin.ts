import type { Access } from 'payload';

import { roleOf } from './roles';

/** Users are private: an admin sees every account, anyone else only their own. */
export const isSelfOrAdmin: Access = ({ req }) => {
  const user = req.user;
  if (!user) return false;
  if (roleOf(user) === 'admin') return true;
  return { id: { equals: user.id } };
};
