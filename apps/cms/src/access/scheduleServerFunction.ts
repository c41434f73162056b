import { schedulePublishHandler, type SchedulePublishHandlerArgs } from '@payloadcms/ui/utilities/schedulePublishHandler';
import { Forbidden, type ServerFunction } from 'payload';

import { isEditorOrAdmin } from './roles';

/**
 * The admin's `schedule-publish` server function (the "Schedule publish" drawer: schedule a
 * publish or unpublish, or delete an upcoming one), refused with 403 to anyone but editors and
 * admins before Payload's handler runs — that handler deletes and queues jobs as the system.
 */
export const scheduleForEditorsOnly: ServerFunction<SchedulePublishHandlerArgs> = async (args) => {
  if (!isEditorOrAdmin(args.req.user)) throw new Forbidden(args.req.t);
  return schedulePublishHandler(args);
};

/** Extra server functions for the admin layout; each replaces Payload's built-in of the same name. */
export const newsroomServerFunctions = { 'schedule-publish': scheduleForEditorsOnly };
