import { DefaultTemplate } from '@payloadcms/next/templates';
import { Gutter } from '@payloadcms/ui';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { AdminViewServerProps } from 'payload';

import { WORKFLOW_STATUSES } from '../../collections/Articles/workflow';
import { budgetQuery, loadBudget, parseBudgetFilters, statusLabel, type BudgetFilters, type BudgetRow, type OnSite } from './budget';

const ON_SITE_LABELS: Record<OnSite, string> = {
  live: 'Live',
  scheduled: 'Scheduled',
  embargoed: 'Embargoed',
  'not published': 'Not published',
};

const when = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

const overdueBadge = {
  display: 'inline-block',
  marginLeft: '0.5em',
  padding: '0 0.4em',
  borderRadius: '3px',
  background: '#8a1c1c',
  color: '#ffffff',
  fontWeight: 700,
} as const;

const cell = { padding: '0.5em 0.75em', textAlign: 'left', verticalAlign: 'top', borderBottom: '1px solid var(--theme-elevation-150)' } as const;

/** Admin view at /admin/budget: today's and upcoming stories by status, assignee and deadline — the desk's first page. */
export async function StoryBudgetView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult;
  const { routes } = req.payload.config;
  const base = `${routes.admin}/budget`;
  if (!req.user) redirect(`${routes.admin}/login?redirect=${encodeURIComponent(base)}`);
  const filters = parseBudgetFilters(searchParams as Record<string, string | string[] | undefined>);
  const now = new Date();
  const budget = await loadBudget(req.payload, req.user, filters, now);
  const filtered = describeFilters(filters, budget);
  const link = (change: Partial<Record<keyof BudgetFilters, string | undefined>>) => `${base}${budgetQuery(filters, change)}`;

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <div id="story-budget">
          <h1>Story budget</h1>
          <p>
            Every story still being worked on, and every story due or published today, earliest deadline first. A story is
            overdue when its deadline has passed and it is not on the site yet. Publishing stays a separate step.
          </p>

          <form method="get" action={base} aria-label="Filter the budget" style={{ display: 'flex', flexWrap: 'wrap', gap: '1em', alignItems: 'end', margin: '1.5em 0' }}>
            <label style={{ display: 'grid', gap: '0.25em' }}>
              Status
              <select name="status" defaultValue={filters.status ?? ''}>
                <option value="">Any status</option>
                {WORKFLOW_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {statusLabel(status)}
                  </option>
                ))}
              </select>
            </label>
            <label style={{ display: 'grid', gap: '0.25em' }}>
              Assignee
              <select name="assignee" defaultValue={filters.assignee ?? ''}>
                <option value="">Anyone</option>
                <option value="none">Unassigned</option>
                {budget.people.map((person) => (
                  <option key={String(person.id)} value={String(person.id)}>
                    {person.label}
                  </option>
                ))}
              </select>
            </label>
            <label style={{ display: 'grid', gap: '0.25em' }}>
              Section
              <select name="section" defaultValue={filters.section ?? ''}>
                <option value="">Every section</option>
                {budget.sections.map((section) => (
                  <option key={String(section.id)} value={String(section.id)}>
                    {section.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="btn btn--style-primary btn--size-small" style={{ margin: 0 }}>
              Filter
            </button>
            {filtered && <Link href={base}>Clear filters</Link>}
          </form>

          <p role="status" data-testid="budget-summary">
            {budget.total === 0
              ? 'No stories match.'
              : `${budget.total} ${budget.total === 1 ? 'story' : 'stories'}${budget.overdue ? `, ${budget.overdue} overdue` : ''}${
                  budget.total > budget.rows.length ? ` (showing the first ${budget.rows.length})` : ''
                }.`}
          </p>

          <div style={{ overflowX: 'auto' }}>
            <table className="story-budget" style={{ width: '100%', borderCollapse: 'collapse' }}>
              <caption style={{ textAlign: 'left', fontWeight: 600, padding: '0.5em 0' }}>
                Stories by deadline{filtered ? ` — ${filtered}` : ''}
              </caption>
              <thead>
                <tr>
                  {['Story', 'Status', 'Assignee', 'Deadline', 'Section', 'On the site'].map((heading) => (
                    <th key={heading} scope="col" style={cell}>
                      {heading}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {budget.rows.map((row) => (
                  <BudgetTableRow key={String(row.id)} row={row} adminRoute={routes.admin} link={link} />
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </Gutter>
    </DefaultTemplate>
  );
}

function BudgetTableRow({
  row,
  adminRoute,
  link,
}: {
  row: BudgetRow;
  adminRoute: string;
  link: (change: Partial<Record<keyof BudgetFilters, string | undefined>>) => string;
}) {
  const overdueEdge = row.overdue ? { ...cell, borderLeft: '4px solid #8a1c1c' } : cell;
  return (
    <tr data-story-id={String(row.id)} data-overdue={row.overdue ? 'true' : undefined}>
      <th scope="row" style={overdueEdge}>
        <Link href={`${adminRoute}/collections/articles/${row.id}`}>{row.headline}</Link>
      </th>
      <td style={cell} data-field="status">
        {row.status ? <Link href={link({ status: row.status })}>{statusLabel(row.status)}</Link> : '—'}
      </td>
      <td style={cell} data-field="assignee">
        {row.assignee ? <Link href={link({ assignee: String(row.assignee.id) })}>{row.assignee.label}</Link> : <Link href={link({ assignee: 'none' })}>Unassigned</Link>}
      </td>
      <td style={cell} data-field="deadline">
        {row.deadline ? <time dateTime={row.deadline}>{when.format(new Date(row.deadline))}</time> : 'No deadline'}
        {row.overdue && <strong style={overdueBadge}>Overdue</strong>}
      </td>
      <td style={cell} data-field="section">
        {row.section ? <Link href={link({ section: String(row.section.id) })}>{row.section.name}</Link> : '—'}
      </td>
      <td style={cell} data-field="on-site">
        {ON_SITE_LABELS[row.onSite]}
        {row.onSite === 'live' && row.publishedAt ? (
          <>
            {' '}
            <time dateTime={row.publishedAt}>{when.format(new Date(row.publishedAt))}</time>
          </>
        ) : null}
      </td>
    </tr>
  );
}

/** "status In review, assignee Ana" — what the table is narrowed to, for its caption. */
function describeFilters(filters: BudgetFilters, budget: { people: { id: unknown; label: string }[]; sections: { id: unknown; name: string }[] }): string {
  const parts: string[] = [];
  if (filters.status) parts.push(`status ${statusLabel(filters.status)}`);
  if (filters.assignee === 'none') parts.push('unassigned');
  else if (filters.assignee) parts.push(`assigned to ${budget.people.find((p) => String(p.id) === filters.assignee)?.label ?? 'someone else'}`);
  if (filters.section) parts.push(`in ${budget.sections.find((s) => String(s.id) === filters.section)?.name ?? 'a section'}`);
  return parts.join(', ');
}
