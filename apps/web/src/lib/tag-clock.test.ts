import { describe, expect, it, vi } from 'vitest';

import { KEPT_MS, MAX_READS, noteRevalidated, readAfterRevalidations, revalidatedSince } from './tag-clock';

/** A read of a list that a publish changes: each call answers the list as it is when the call began. */
function source(initial: string[]) {
  let current = initial;
  let calls = 0;
  return {
    publish(story: string) {
      current = [story, ...current];
    },
    get calls() {
      return calls;
    },
    /** Reads the list now, then lets `during` run (what arrives while the answer is on its way) before answering. */
    read(during?: (call: number) => void) {
      return async () => {
        const answer = current;
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        during?.(calls);
        return answer;
      };
    },
  };
}

describe('readAfterRevalidations', () => {
  it('reads once when nothing is revalidated meanwhile', async () => {
    const list = source(['b', 'a']);
    expect(await readAfterRevalidations(['clock-test:quiet'], list.read())).toEqual(['b', 'a']);
    expect(list.calls).toBe(1);
  });

  it('reads again when one of its tags is revalidated while it reads, and returns the list after the change', async () => {
    const list = source(['b', 'a']);
    const value = await readAfterRevalidations(
      ['clock-test:other', 'clock-test:articles'],
      list.read((call) => {
        if (call === 1) {
          // The publish lands, and its revalidation arrives, after the first read took its answer.
          list.publish('c');
          noteRevalidated(['clock-test:articles']);
        }
      }),
    );
    expect(value).toEqual(['c', 'b', 'a']);
    expect(list.calls).toBe(2);
  });

  it('does not read again for a tag it does not carry, or for a revalidation before it began', async () => {
    noteRevalidated(['clock-test:before']);
    const list = source(['a']);
    await readAfterRevalidations(['clock-test:before'], list.read(() => noteRevalidated(['clock-test:unrelated'])));
    expect(list.calls).toBe(1);
  });

  it(`stops after ${MAX_READS} reads under a stream of revalidations`, async () => {
    const list = source(['a']);
    await readAfterRevalidations(['clock-test:busy'], list.read(() => noteRevalidated(['clock-test:busy'])));
    expect(list.calls).toBe(MAX_READS);
  });

  it('passes a failed read on without trying again', async () => {
    let calls = 0;
    const failing = async () => {
      calls++;
      noteRevalidated(['clock-test:failing']);
      throw new Error('the CMS did not answer');
    };
    await expect(readAfterRevalidations(['clock-test:failing'], failing)).rejects.toThrow('the CMS did not answer');
    expect(calls).toBe(1);
  });
});

describe('revalidatedSince', () => {
  it('keeps only the last minute of tags, however many were revalidated before', () => {
    const clock = (globalThis as unknown as Record<symbol, Map<string, number>>)[Symbol.for('newsroom.web.tagClock')]!;
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const started = performance.timeOrigin + performance.now();
      noteRevalidated(Array.from({ length: 1000 }, (_, i) => `clock-test:old-${i}`));
      vi.advanceTimersByTime(KEPT_MS + 1);
      noteRevalidated(['clock-test:new']);
      expect([...clock.keys()].filter((tag) => tag.startsWith('clock-test:old-'))).toEqual([]);
      expect(revalidatedSince(['clock-test:new'], started)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('compares against the time a tag was last revalidated, shared by every copy of the module', async () => {
    const before = performance.timeOrigin + performance.now();
    expect(revalidatedSince(['clock-test:shared'], before)).toBe(false);
    // Another route's bundle has its own copy of this module; it records on the same clock.
    vi.resetModules();
    const again = await import('./tag-clock');
    expect(again.noteRevalidated).not.toBe(noteRevalidated);
    again.noteRevalidated(['clock-test:shared']);
    expect(revalidatedSince(['clock-test:shared'], before)).toBe(true);
  });
});
