import Link from 'next/link';
import type { Payload, TypedUser } from 'payload';

import { roleOf } from '../../access/roles';
import { loadBudget } from './budget';

/** First on the dashboard: the story budget, with how many stories are on it and how many are overdue. */
export async function StoryBudgetDashboard({ payload, user }: { payload?: Payload; user?: TypedUser | null }) {
  let summary: string | undefined;
  if (payload && user && roleOf(user)) {
    try {
      const budget = await loadBudget(payload, user, {});
      summary = `${budget.total} ${budget.total === 1 ? 'story' : 'stories'} on today’s budget${budget.overdue ? `, ${budget.overdue} overdue` : ''}.`;
    } catch {
      summary = undefined;
    }
  }
  return (
    <section aria-label="Story budget" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2 style={{ marginBottom: 'calc(var(--base) / 2)' }}>Story budget</h2>
      <p>
        <Link href="/admin/budget">Open the story budget</Link> — today’s and upcoming stories by status, assignee and deadline.
        {summary ? ` ${summary}` : ''}
      </p>
    </section>
  );
}
