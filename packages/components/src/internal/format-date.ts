let formatter: Intl.DateTimeFormat | undefined;

/**
 * "Sep 17, 2018" for an ISO 8601 date or date-time, else `undefined`.
 * Locale and time zone are fixed so the server and every reader's browser print the same text (hydration keeps the
 * server's text), and only ISO input is accepted because other date strings parse differently per engine.
 * An Intl.DateTimeFormat is slow to create, so one is cached.
 */
export function formatDate(iso: string | null | undefined): string | undefined {
  if (/^\d{4}-\d\d-\d\d/.test(iso!)) {
    try {
      return (formatter ??= new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })).format(new Date(iso!));
    } catch {
      // An impossible date such as 2018-02-31T25:00 (RangeError): show none.
    }
  }
  return undefined;
}
