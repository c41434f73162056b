import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook, type FieldAccess } from 'payload';

import { isEditorOrAdmin, roleOf } from '../../access/roles';

/**
 * A story's way through the newsroom, apart from publishing (which stays its own act, `_status`):
 * pitched, assigned to a reporter, being written, with an editor, ready to go.
 */
export const WORKFLOW_STATUSES = ['pitch', 'assigned', 'in-progress', 'in-review', 'ready'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

export const WORKFLOW_LABELS: Record<WorkflowStatus, string> = {
  pitch: 'Pitch',
  assigned: 'Assigned',
  'in-progress': 'In progress',
  'in-review': 'In review',
  ready: 'Ready',
};

/** A new draft is being written; wire copy arrives finished and goes to an editor (import/wire-import.ts). */
export const DEFAULT_WORKFLOW_STATUS: WorkflowStatus = 'in-progress';
export const WIRE_WORKFLOW_STATUS: WorkflowStatus = 'in-review';

/** The statuses a contributor may move their own story to: the desk alone assigns a story and passes it as ready. */
export const CONTRIBUTOR_STATUSES: readonly WorkflowStatus[] = ['pitch', 'in-progress', 'in-review'];

export function isWorkflowStatus(value: unknown): value is WorkflowStatus {
  return typeof value === 'string' && (WORKFLOW_STATUSES as readonly string[]).includes(value);
}

export const CORRECTION_KINDS = ['correction', 'update', 'clarification'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** The desk's own fields: planning (assignee, deadline), the embargo, and corrections to a story. */
export const DESK_FIELDS = ['assignee', 'deadline', 'embargoedUntil', 'corrections'] as const;

/** Set only by the kill and restore endpoints (endpoints/kill.ts), never by a save. */
export const KILL_FIELDS = ['killedAt', 'killedBy', 'killReason'] as const;

export const editorsOnlyField: FieldAccess = ({ req }) => isEditorOrAdmin(req.user);
export const nobodyField: FieldAccess = () => false;

/**
 * Whether a transition is a contributor's to make: to a pitch, to writing, or to review — and not out of "ready",
 * which an editor has signed off. A story assigned to them may move on to writing or review.
 */
export function contributorMayMove(from: WorkflowStatus | undefined, to: WorkflowStatus): boolean {
  if (!CONTRIBUTOR_STATUSES.includes(to)) return false;
  return from !== 'ready';
}

type Correction = { id?: string | null; kind?: string | null; text?: string | null; at?: string | null };
type Related = number | string | { id?: number | string } | null | undefined;

const idOf = (value: Related): string | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'object') return value.id === undefined ? undefined : String(value.id);
  return String(value);
};

const timeOf = (value: unknown): number | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  const time = Date.parse(String(value));
  return Number.isNaN(time) ? undefined : time;
};

const correctionsKey = (rows: unknown): string =>
  JSON.stringify(
    (Array.isArray(rows) ? (rows as Correction[]) : []).map((row) => [row.id ?? null, row.kind ?? null, row.text ?? null]),
  );

/** Whether a save's value for a desk field differs from what the story holds. */
function changes(field: (typeof DESK_FIELDS)[number], incoming: unknown, stored: unknown): boolean {
  switch (field) {
    case 'assignee':
      return idOf(incoming as Related) !== idOf(stored as Related);
    case 'deadline':
    case 'embargoedUntil':
      return timeOf(incoming) !== timeOf(stored);
    case 'corrections':
      return correctionsKey(incoming) !== correctionsKey(stored);
  }
}

const deskOnly = (field: string) =>
  new APIError(`Only editors and admins change ${field === 'corrections' ? 'corrections' : `the ${field === 'embargoedUntil' ? 'embargo' : field}`} of a story.`, 403, undefined, true);

/**
 * Contributors do not plan the desk's day, embargo stories or correct them: a save of theirs that changes the
 * assignee, deadline, embargo or corrections is refused with 403 (the fields are also read-only for them in the admin,
 * and a value they send is dropped before it is stored). Saves that carry those fields unchanged — the admin sends
 * the whole form — go through.
 */
export const refuseDeskFieldsFromContributors: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args;
  const user = req.user;
  if (!user || !roleOf(user) || isEditorOrAdmin(user)) return args;
  const data = (args as { data?: Record<string, unknown> }).data;
  if (!data) return args;
  const sent = DESK_FIELDS.filter((field) => field in data);
  if (sent.length === 0) return args;
  const id = (args as { id?: number | string }).id;
  let stored: Record<string, unknown> = {};
  if (operation === 'update' && id !== undefined) {
    const found = await req.payload
      .findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true, req, disableErrors: true })
      .catch(() => null);
    stored = (found ?? {}) as Record<string, unknown>;
  }
  for (const field of sent) {
    if (changes(field, data[field], stored[field])) throw deskOnly(field);
  }
  return args;
};

/**
 * Who moves a story where. Editors and admins: anywhere. Contributors: among pitch, in progress and in review (see
 * {@link contributorMayMove}); anything else is refused with 403 and says why. The system (import CLI, jobs) passes.
 */
export const guardWorkflow: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  const to = data.workflowStatus as unknown;
  if (to === undefined) return data;
  if (to === null || to === '') {
    // Cleared: the story keeps the status it had (a new one starts as written).
    data.workflowStatus = isWorkflowStatus(originalDoc?.workflowStatus) ? originalDoc.workflowStatus : DEFAULT_WORKFLOW_STATUS;
    return data;
  }
  if (!isWorkflowStatus(to)) throw new APIError(`Unknown workflow status "${String(to)}".`, 400, undefined, true);
  const user = req.user;
  if (!user || isEditorOrAdmin(user)) return data;
  const from = operation === 'update' && isWorkflowStatus(originalDoc?.workflowStatus) ? originalDoc.workflowStatus : undefined;
  if (from === to) return data;
  if (!contributorMayMove(from, to)) {
    const why =
      from === 'ready'
        ? 'An editor has marked this story ready; ask an editor to move it back.'
        : `Only editors and admins mark a story "${WORKFLOW_LABELS[to]}".`;
    throw new APIError(why, 403, undefined, true);
  }
  return data;
};

/**
 * Corrections carry the time the server first saw them: a new entry gets now, an existing one (matched by its id)
 * keeps its stored time — whatever the client sent for `at`.
 */
export const stampCorrections: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (!Array.isArray(data.corrections)) return data;
  const stored = new Map<string, string>();
  for (const row of (originalDoc?.corrections ?? []) as Correction[]) {
    if (row?.id && row.at) stored.set(String(row.id), row.at);
  }
  const now = new Date().toISOString();
  data.corrections = (data.corrections as Correction[]).map((row) => ({
    ...row,
    at: (row?.id ? stored.get(String(row.id)) : undefined) ?? now,
  }));
  return data;
};

/**
 * A kill outlives every save: each new version carries the story's kill state as the kill and restore endpoints left
 * it (they write the live row and the latest version), so publishing a pending draft, restoring an old version or an
 * autosave never brings a killed story back. A new story is never killed.
 */
export const keepKillState: CollectionBeforeChangeHook = ({ data, operation, originalDoc }) => {
  for (const field of KILL_FIELDS) {
    const stored = operation === 'update' ? (originalDoc as Record<string, unknown> | undefined)?.[field] : undefined;
    (data as Record<string, unknown>)[field] = idOrValue(stored) ?? null;
  }
  return data;
};

const idOrValue = (value: unknown) => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value);
