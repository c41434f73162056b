import { describe, expect, it } from 'vitest';

import { budgetQuery, compareRows, isOverdue, onSiteOf, parseBudgetFilters, startOfDay } from './budget';

const now = new Date('2026-03-10T12:00:00.000Z');

describe('the story budget', () => {
  it('reads only the filters it knows from the query string', () => {
    expect(parseBudgetFilters({ status: 'in-review', assignee: '7', section: '3' })).toEqual({ status: 'in-review', assignee: '7', section: '3' });
    expect(parseBudgetFilters({ status: 'published', assignee: 'x y', section: "3' OR 1=1" })).toEqual({});
    expect(parseBudgetFilters({ status: ['pitch', 'ready'], assignee: 'none' })).toEqual({ status: 'pitch', assignee: 'none' });
    expect(parseBudgetFilters(undefined)).toEqual({});
  });

  it('links keep the other filters and change one', () => {
    expect(budgetQuery({ status: 'pitch', section: '2' }, { assignee: '5' })).toBe('?status=pitch&assignee=5&section=2');
    expect(budgetQuery({ status: 'pitch' }, { status: undefined })).toBe('');
    expect(budgetQuery({})).toBe('');
  });

  it('marks a story overdue once its deadline has passed and it is not live', () => {
    const past = '2026-03-10T11:59:00.000Z';
    const future = '2026-03-10T12:01:00.000Z';
    expect(isOverdue(past, 'not published', now)).toBe(true);
    expect(isOverdue(past, 'scheduled', now)).toBe(true);
    expect(isOverdue(past, 'embargoed', now)).toBe(true);
    expect(isOverdue(past, 'live', now)).toBe(false);
    expect(isOverdue(future, 'not published', now)).toBe(false);
    expect(isOverdue(null, 'not published', now)).toBe(false);
  });

  it('tells live, scheduled and embargoed stories apart from unpublished ones', () => {
    expect(onSiteOf(undefined, now)).toBe('not published');
    expect(onSiteOf({ id: 1, _status: 'draft' }, now)).toBe('not published');
    expect(onSiteOf({ id: 1, _status: 'published', publishedAt: '2026-03-10T08:00:00.000Z' }, now)).toBe('live');
    expect(onSiteOf({ id: 1, _status: 'published', publishedAt: '2026-03-11T08:00:00.000Z' }, now)).toBe('scheduled');
    expect(onSiteOf({ id: 1, _status: 'published', publishedAt: '2026-03-10T08:00:00.000Z', embargoedUntil: '2026-03-10T13:00:00.000Z' }, now)).toBe('embargoed');
    expect(onSiteOf({ id: 1, _status: 'published', publishedAt: '2026-03-10T08:00:00.000Z', embargoedUntil: '2026-03-10T11:00:00.000Z' }, now)).toBe('live');
  });

  it('orders by deadline, earliest first, then stories without one, most recently touched first', () => {
    const rows = [
      { name: 'no deadline, old', deadline: null, updatedAt: '2026-03-01T00:00:00.000Z' },
      { name: 'tomorrow', deadline: '2026-03-11T09:00:00.000Z' },
      { name: 'no deadline, new', deadline: null, updatedAt: '2026-03-09T00:00:00.000Z' },
      { name: 'overdue', deadline: '2026-03-09T09:00:00.000Z' },
    ];
    expect([...rows].sort(compareRows).map((row) => row.name)).toEqual(['overdue', 'tomorrow', 'no deadline, new', 'no deadline, old']);
  });

  it('the day starts at local midnight', () => {
    const start = startOfDay(now);
    expect(start.getHours()).toBe(0);
    expect(start.getMinutes()).toBe(0);
    expect(start.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(now.getTime() - start.getTime()).toBeLessThan(86_400_000);
  });
});
