import { AP_MONTHS, type Dateline, datelineIsoDate } from '@newsroom/schema';

const published = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

/** "September 17, 2018 at 8:30 AM UTC". */
export function formatPublished(iso: string): string {
  return `${published.format(new Date(iso))} UTC`;
}

/** The dateline's parts for `place, <time>Sept. 17</time> (agency)`; `datetime` falls back to the publication day. */
export function datelineParts(dateline: Dateline, publishedAt: string | undefined) {
  return {
    place: dateline.place,
    date: `${AP_MONTHS[dateline.month - 1] ?? dateline.month} ${dateline.day}`,
    datetime: datelineIsoDate(dateline) ?? publishedAt?.slice(0, 10),
    agency: dateline.agency,
  };
}
