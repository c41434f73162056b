import { describe, expect, it } from 'vitest';

import { addedCorrections } from './hooks/audit';
import { contributorMayMove, WORKFLOW_STATUSES } from './workflow';

describe('the workflow', () => {
  it('lets contributors move a story among pitch, in progress and in review — from anywhere but ready', () => {
    const allowed = WORKFLOW_STATUSES.flatMap((from) => WORKFLOW_STATUSES.filter((to) => contributorMayMove(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual([
      'pitch→pitch',
      'pitch→in-progress',
      'pitch→in-review',
      'assigned→pitch',
      'assigned→in-progress',
      'assigned→in-review',
      'in-progress→pitch',
      'in-progress→in-progress',
      'in-progress→in-review',
      'in-review→pitch',
      'in-review→in-progress',
      'in-review→in-review',
    ]);
    expect(contributorMayMove(undefined, 'pitch')).toBe(true);
    expect(contributorMayMove(undefined, 'ready')).toBe(false);
  });

  it('counts a correction as added once it has text the previous version did not', () => {
    const before = [{ id: 'a', kind: 'correction', text: 'Old.' }, { id: 'b', kind: 'update', text: '' }];
    const after = [
      { id: 'a', kind: 'correction', text: 'Old, reworded.' },
      { id: 'b', kind: 'update', text: 'Now typed.' },
      { id: 'c', kind: 'clarification', text: '   ' },
      { id: 'd', kind: 'clarification', text: 'New.' },
    ];
    expect(addedCorrections(before, after).map((row) => row.id)).toEqual(['b', 'd']);
    expect(addedCorrections(undefined, [{ kind: 'update', text: 'First.' }])).toHaveLength(1);
    expect(addedCorrections(after, after)).toHaveLength(0);
  });
});
