import type { Access } from 'payload';

import { isEditorOrAdmin, roleOf } from './roles';

/** Editors and admins edit any article; a contributor only the ones they created. */
export const canEditArticle: Access = ({ req }) => {
  const user = req.user;
  if (!user || !roleOf(user)) return false;
  if (isEditorOrAdmin(user)) return true;
  return { createdBy: { equals: user.id } };
};
