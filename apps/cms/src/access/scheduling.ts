import type { CollectionConfig, PayloadRequest } from 'payload';

import { isEditorOrAdmin } from './roles';

/**
 * Scheduled publishing belongs to editors and admins, like publishing itself. Payload's defaults
 * let any signed-in user queue, cancel or run jobs (`jobs.access`, and the `/api/payload-jobs/run`
 * endpoints); this is the rule for those.
 */
export const canManageSchedules = ({ req }: { req: PayloadRequest }): boolean => isEditorOrAdmin(req.user);

/**
 * The jobs collection itself: no one reads or writes jobs over REST or GraphQL (Payload's
 * default, kept explicit here). Jobs are written only by the system — the job runner, and the
 * admin's "Schedule publish" server function, which checks the role first
 * (scheduleServerFunction.ts).
 */
export function guardJobsCollection({ defaultJobsCollection }: { defaultJobsCollection: CollectionConfig }): CollectionConfig {
  const nobody = () => false;
  return { ...defaultJobsCollection, access: { ...defaultJobsCollection.access, read: nobody, create: nobody, update: nobody, delete: nobody } };
}
