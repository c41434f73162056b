/**
 * When this process last received a revalidation of each cache tag, so that a data-cache read cannot outlive one.
 *
 * Next stamps a data-cache entry with the time it is *written*, and treats it as fresh when none of its tags was
 * revalidated after that. A read that starts before a revalidation and finishes after it (a background re-render
 * asking the CMS while a story is published) would therefore be stored as fresh with the answer from before the
 * change, and served until its timer. {@link readAfterRevalidations} asks again whenever one of its tags was
 * revalidated while it was reading, so what it returns — and what Next stores — was read after the last revalidation.
 *
 * Kept on globalThis: Next bundles each route separately, and the revalidation route and the readers must share it.
 */

const KEY = Symbol.for('newsroom.web.tagClock');
type Holder = { [KEY]?: Map<string, number> };

function clock(): Map<string, number> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/** A monotonic millisecond clock shared by the recorder and the readers. */
const now = (): number => performance.timeOrigin + performance.now();

/**
 * How long a tag's time is kept: longer than any read takes (a CMS request times out after 4 s, and a read is tried
 * at most {@link MAX_READS} times), so the record holds the tags of the last minute, not every tag ever revalidated.
 */
export const KEPT_MS = 60_000;

/** Records that `tags` are being revalidated now. Call it before expiring them, so no read can fall between. */
export function noteRevalidated(tags: readonly string[]): void {
  const at = now();
  const times = clock();
  for (const tag of tags) {
    // Re-inserted, so the map stays in time order and the oldest are at its front.
    times.delete(tag);
    times.set(tag, at);
  }
  for (const [tag, time] of times) {
    if (time >= at - KEPT_MS) break;
    times.delete(tag);
  }
}

/** Whether any of `tags` was revalidated at or after `since` (a time from the same clock). */
export function revalidatedSince(tags: readonly string[], since: number): boolean {
  const times = clock();
  return tags.some((tag) => (times.get(tag) ?? -Infinity) >= since);
}

/** Past this many reads in a row each overtaken by a revalidation, the last answer is returned as it is. */
export const MAX_READS = 3;

/**
 * `read`, asked again while one of `tags` was revalidated during it (at most {@link MAX_READS} times in all): the
 * answer it returns was read after every revalidation that arrived before it finished, or is the last of
 * {@link MAX_READS} tries under a stream of them.
 */
export async function readAfterRevalidations<T>(tags: readonly string[], read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const started = now();
    const value = await read();
    if (attempt >= MAX_READS || !revalidatedSince(tags, started)) return value;
  }
}
