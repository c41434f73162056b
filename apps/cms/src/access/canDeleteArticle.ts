import type { Access, Where } from 'payload';

import { isEditorOrAdmin, roleOf } from './roles';

/** Editors and admins delete any article; a contributor only their own unpublished drafts. */
export const canDeleteArticle: Access = ({ req }) => {
  const user = req.user;
  if (!user || !roleOf(user)) return false;
  if (isEditorOrAdmin(user)) return true;
  const ownDraft: Where = { and: [{ createdBy: { equals: user.id } }, { _status: { equals: 'draft' } }] };
  return ownDraft;
};
