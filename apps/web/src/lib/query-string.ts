/** A value Payload's `qs`-style query strings can carry. */
export type QueryValue = string | number | boolean | null | undefined | QueryValue[] | { [key: string]: QueryValue };

/**
 * Payload's REST query syntax: nested objects and arrays in bracket notation, e.g.
 * `{ where: { slug: { equals: 'a' } } }` → `where%5Bslug%5D%5Bequals%5D=a`. Undefined values are left out.
 */
export function toQueryString(params: Record<string, QueryValue>): string {
  const pairs: string[] = [];
  const walk = (key: string, value: QueryValue): void => {
    if (value === undefined) return;
    if (value === null) {
      pairs.push(`${encodeURIComponent(key)}=`);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(`${key}[${index}]`, item));
    } else if (typeof value === 'object') {
      for (const [child, item] of Object.entries(value)) walk(`${key}[${child}]`, item);
    } else {
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    }
  };
  for (const [key, value] of Object.entries(params)) walk(key, value);
  return pairs.join('&');
}
