import type { Access } from 'payload';

import { isEditorOrAdmin, roleOf } from './roles';

/**
 * Editors and admins edit any article; a contributor only the ones they created, and never to publish
 * them (Payload also asks this with `_status: 'published'` to decide whether to offer "Publish").
 */
export const canEditArticle: Access = ({ req, data }) => {
  const user = req.user;
  if (!user || !roleOf(user)) return false;
  if (isEditorOrAdmin(user)) return true;
  if ((data as { _status?: string } | undefined)?._status === 'published') return false;
  return { createdBy: { equals: user.id } };
};
