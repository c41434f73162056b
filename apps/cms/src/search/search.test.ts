import { describe, expect, it } from 'vitest';

import { newestByWalking } from './search';

describe('newestByWalking (PostgreSQL: how the newest ranked candidates are found)', () => {
  it('takes every match from the index when there are no more than the cap', () => {
    expect(newestByWalking(500, 100_000, 500)).toBe(false);
    expect(newestByWalking(3, 3, 500)).toBe(false);
  });

  it('walks back from the newest story for a word in a large share of the archive', () => {
    // 59,000 of 100,000: about 850 rows walked for 500 candidates, against sorting 59,000.
    expect(newestByWalking(59_000, 100_000, 500)).toBe(true);
  });

  it('sorts the matches of a word in a small share of the archive, where walking would test thousands of rows', () => {
    // 2,400 of 100,000 (2 %): walking would read about 21,000 rows' tsvectors.
    expect(newestByWalking(2_400, 100_000, 500)).toBe(false);
  });

  it('without statistics (a table never analysed), counts the matches as the whole archive', () => {
    expect(newestByWalking(10_000, 0, 500)).toBe(true);
    expect(newestByWalking(600, 0, 500)).toBe(false);
  });
});
