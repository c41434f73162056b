import type { Headline } from '@newsroom/schema';

/**
 * Picks the headlines out of untrusted JSON: an array, or an object with a `headlines` array. Entries without a
 * `title` and a `url` are dropped; `undefined` means it is not a headline list. (URLs are checked where they are rendered.)
 */
export function toHeadlines(data: unknown): Headline[] | undefined {
  const list: unknown = Array.isArray(data) ? data : (data as { headlines?: unknown } | null)?.headlines;
  return Array.isArray(list)
    ? list.filter((item: Partial<Headline> | null) => item?.title && item.url)
    : undefined;
}

/** The headlines in an element's child `<script type="application/json">`: `undefined` without one, `[]` if it is not a list. */
export function readInlineHeadlines(host: Element): Headline[] | undefined {
  const json = host.querySelector(':scope>script[type="application/json"]')?.textContent;
  try {
    return json == null ? undefined : toHeadlines(JSON.parse(json)) ?? [];
  } catch {
    return [];
  }
}
