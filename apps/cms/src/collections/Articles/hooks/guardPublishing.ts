import { Forbidden, type CollectionBeforeChangeHook } from 'payload';

import { isEditorOrAdmin } from '../../../access/roles';

/**
 * Only editors and admins put a story live or set when it goes live. Contributors write drafts.
 * Operations without a user (the import CLI, jobs, seeding) run as the system and pass.
 */
export const guardPublishing: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!req.user || isEditorOrAdmin(req.user)) return data;
  if (data._status === 'published') throw new Forbidden(req.t);
  if (data.publishedAt && data.publishedAt !== originalDoc?.publishedAt) throw new Forbidden(req.t);
  return data;
};
