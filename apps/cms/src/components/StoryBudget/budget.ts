import type { Payload, TypedUser, Where } from 'payload';

import { isWorkflowStatus, WORKFLOW_LABELS, type WorkflowStatus } from '../../collections/Articles/workflow';

/**
 * The story budget: the desk's plan for today and what comes after — every story still being worked on, and every
 * story due or published since the start of today — with its workflow status, assignee and deadline. Read with the
 * signed-in user's own access (the Local API with `overrideAccess: false`), from each story's latest version (what the
 * desk is working on), and told apart by whether it is on the site.
 */

export const BUDGET_LIMIT = 200;

type ID = number | string;

export type BudgetFilters = {
  status?: WorkflowStatus;
  /** A user id, or `none` for stories nobody is assigned to. */
  assignee?: string;
  section?: string;
};

export type Person = { id: ID; label: string };
export type SectionRef = { id: ID; name: string };

/** Where a story stands with readers. */
export type OnSite = 'live' | 'scheduled' | 'embargoed' | 'not published';

export type BudgetRow = {
  id: ID;
  headline: string;
  slug: string | null;
  status: WorkflowStatus | null;
  assignee: Person | null;
  deadline: string | null;
  /** The deadline has passed and the story is not out. */
  overdue: boolean;
  section: SectionRef | null;
  onSite: OnSite;
  publishedAt: string | null;
};

export type Budget = {
  rows: BudgetRow[];
  /** How many stories match, of which `rows` shows at most {@link BUDGET_LIMIT}. */
  total: number;
  overdue: number;
  people: Person[];
  sections: SectionRef[];
};

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The filters in a query string (`?status=in-review&assignee=3&section=2`); anything unrecognised is left out. */
export function parseBudgetFilters(params: Record<string, string | string[] | undefined> | undefined): BudgetFilters {
  const one = (name: string) => {
    const value = params?.[name];
    return typeof value === 'string' ? value : Array.isArray(value) ? value[0] : undefined;
  };
  const filters: BudgetFilters = {};
  const status = one('status');
  if (isWorkflowStatus(status)) filters.status = status;
  const assignee = one('assignee');
  if (assignee && ID_PATTERN.test(assignee)) filters.assignee = assignee;
  const section = one('section');
  if (section && ID_PATTERN.test(section)) filters.section = section;
  return filters;
}

/** The query string for `filters` with `change` applied (undefined removes a filter). */
export function budgetQuery(filters: BudgetFilters, change: Partial<Record<keyof BudgetFilters, string | undefined>> = {}): string {
  const merged: Record<string, string | undefined> = { ...filters, ...change };
  const params = new URLSearchParams();
  for (const key of ['status', 'assignee', 'section'] as const) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Midnight at the start of `now`'s day, in the server's time zone. */
export function startOfDay(now: Date): Date {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  return start;
}

const asId = (value: string, payload: Payload): ID => (payload.db.defaultIDType === 'number' && /^\d+$/.test(value) ? Number(value) : value);

/** Which stories the budget holds, as a query on stories' latest versions. */
export function budgetWhere(filters: BudgetFilters, now: Date, payload: Payload): Where {
  const today = startOfDay(now).toISOString();
  const and: Where[] = [
    { killedAt: { exists: false } },
    { or: [{ _status: { equals: 'draft' } }, { deadline: { greater_than_equal: today } }, { publishedAt: { greater_than_equal: today } }] },
  ];
  if (filters.status) and.push({ workflowStatus: { equals: filters.status } });
  if (filters.assignee === 'none') and.push({ assignee: { exists: false } });
  else if (filters.assignee) and.push({ assignee: { equals: asId(filters.assignee, payload) } });
  if (filters.section) and.push({ section: { equals: asId(filters.section, payload) } });
  return { and };
}

type StoryDoc = {
  id: ID;
  headline?: string | null;
  slug?: string | null;
  workflowStatus?: string | null;
  assignee?: ID | { id: ID } | null;
  deadline?: string | null;
  section?: ID | { id: ID } | null;
  updatedAt?: string | null;
};

type LiveDoc = { id: ID; _status?: string | null; publishedAt?: string | null; embargoedUntil?: string | null };

const idOf = (value: ID | { id: ID } | null | undefined): string | undefined =>
  value === null || value === undefined ? undefined : typeof value === 'object' ? String(value.id) : String(value);

/** Where a story stands with readers, from its live row (none: never published). */
export function onSiteOf(live: LiveDoc | undefined, now: Date): OnSite {
  if (!live || live._status !== 'published') return 'not published';
  if (live.publishedAt && Date.parse(live.publishedAt) > now.getTime()) return 'scheduled';
  if (live.embargoedUntil && Date.parse(live.embargoedUntil) > now.getTime()) return 'embargoed';
  return 'live';
}

/** A story is overdue once its deadline has passed while it is still not out. */
export function isOverdue(deadline: string | null | undefined, onSite: OnSite, now: Date): boolean {
  if (!deadline) return false;
  return Date.parse(deadline) < now.getTime() && onSite !== 'live';
}

/** Earliest deadline first (overdue stories lead), stories without a deadline last, most recently touched first. */
export function compareRows(a: { deadline: string | null; updatedAt?: string | null }, b: { deadline: string | null; updatedAt?: string | null }): number {
  if (a.deadline && b.deadline) return Date.parse(a.deadline) - Date.parse(b.deadline);
  if (a.deadline) return -1;
  if (b.deadline) return 1;
  return Date.parse(b.updatedAt ?? '') - Date.parse(a.updatedAt ?? '') || 0;
}

/**
 * The people stories can be assigned to, by name or email. Accounts are private to admins, so this reads past access
 * control — only the label, for staff (the budget is an admin view).
 */
export async function assignablePeople(payload: Payload): Promise<Person[]> {
  const { docs } = await payload.find({
    collection: 'users',
    select: { email: true, name: true },
    sort: 'email',
    depth: 0,
    limit: 1000,
    pagination: false,
    overrideAccess: true,
  });
  return (docs as { id: ID; email?: string | null; name?: string | null }[]).map((user) => ({
    id: user.id,
    label: user.name?.trim() || user.email || String(user.id),
  }));
}

export async function loadBudget(payload: Payload, user: TypedUser, filters: BudgetFilters, now: Date = new Date()): Promise<Budget> {
  const as = { overrideAccess: false, user, depth: 0 } as const;
  const [stories, people, sectionDocs] = await Promise.all([
    payload.find({
      collection: 'articles',
      draft: true,
      where: budgetWhere(filters, now, payload),
      select: { headline: true, slug: true, workflowStatus: true, assignee: true, deadline: true, section: true, updatedAt: true },
      sort: 'deadline',
      limit: BUDGET_LIMIT,
      ...as,
    }),
    assignablePeople(payload),
    payload.find({ collection: 'sections', select: { name: true }, sort: 'name', limit: 500, pagination: false, ...as }),
  ]);
  const docs = stories.docs as unknown as StoryDoc[];
  const ids = docs.map((doc) => doc.id);
  const live = ids.length
    ? ((
        await payload.find({
          collection: 'articles',
          where: { id: { in: ids } },
          select: { _status: true, publishedAt: true, embargoedUntil: true },
          limit: ids.length,
          pagination: false,
          ...as,
        })
      ).docs as unknown as LiveDoc[])
    : [];
  const liveById = new Map(live.map((doc) => [String(doc.id), doc]));
  const personById = new Map(people.map((person) => [String(person.id), person]));
  const sections = (sectionDocs.docs as { id: ID; name?: string | null }[]).map((section) => ({ id: section.id, name: section.name ?? String(section.id) }));
  const sectionById = new Map(sections.map((section) => [String(section.id), section]));

  const rows = docs
    .map((doc) => {
      const liveRow = liveById.get(String(doc.id));
      const onSite = onSiteOf(liveRow, now);
      const assigneeId = idOf(doc.assignee);
      const sectionId = idOf(doc.section);
      return {
        row: {
          id: doc.id,
          headline: doc.headline || '(no headline)',
          slug: doc.slug ?? null,
          status: isWorkflowStatus(doc.workflowStatus) ? doc.workflowStatus : null,
          assignee: assigneeId ? (personById.get(assigneeId) ?? { id: assigneeId, label: `User ${assigneeId}` }) : null,
          deadline: doc.deadline ?? null,
          overdue: isOverdue(doc.deadline, onSite, now),
          section: sectionId ? (sectionById.get(sectionId) ?? null) : null,
          onSite,
          publishedAt: liveRow?.publishedAt ?? null,
        } satisfies BudgetRow,
        updatedAt: doc.updatedAt,
      };
    })
    .sort((a, b) => compareRows({ deadline: a.row.deadline, updatedAt: a.updatedAt }, { deadline: b.row.deadline, updatedAt: b.updatedAt }))
    .map(({ row }) => row);

  return { rows, total: stories.totalDocs, overdue: rows.filter((row) => row.overdue).length, people, sections };
}

export const statusLabel = (status: WorkflowStatus | null) => (status ? WORKFLOW_LABELS[status] : '—');
