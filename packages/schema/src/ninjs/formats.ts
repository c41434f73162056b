/**
 * The JSON Schema `format`s and patterns ninjs 3.1 uses: `uri` (RFC 3986), `date-time` (RFC 3339) and the
 * schema's truncated date-time pattern. Every check is linear in the length of the value: the URI is split
 * at its delimiters by hand and each part tested against one character class.
 */

// The characters RFC 3986 allows unencoded in a path segment: unreserved, sub-delims, ":" and "@".
const PCHAR = "A-Za-z0-9\\-._~!$&'()*+,;=:@";
const PATH = new RegExp(`^(?:[${PCHAR}/]|%[0-9A-Fa-f]{2})*$`);
const QUERY_OR_FRAGMENT = new RegExp(`^(?:[${PCHAR}/?]|%[0-9A-Fa-f]{2})*$`);
const USERINFO = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:]|%[0-9A-Fa-f]{2})*$/;
const REG_NAME = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const IP_LITERAL = /^\[(?:[0-9A-Fa-f:.]+|v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+)\]$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * True for an absolute URI as RFC 3986 (section 3) defines it: scheme ":" hier-part ["?" query] ["#" fragment].
 * Relative references, spaces, non-ASCII characters and a "%" that does not start a percent-encoding are refused.
 */
export function isUri(value: string): boolean {
  const scheme = SCHEME.exec(value);
  if (!scheme) return false;
  let rest = value.slice(scheme[0].length);
  const hash = rest.indexOf('#');
  if (hash !== -1) {
    if (!QUERY_OR_FRAGMENT.test(rest.slice(hash + 1))) return false;
    rest = rest.slice(0, hash);
  }
  const question = rest.indexOf('?');
  if (question !== -1) {
    if (!QUERY_OR_FRAGMENT.test(rest.slice(question + 1))) return false;
    rest = rest.slice(0, question);
  }
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash === -1 ? rest.slice(2) : rest.slice(2, slash);
    if (!isAuthority(authority)) return false;
    rest = slash === -1 ? '' : rest.slice(slash);
  }
  return PATH.test(rest);
}

/** [ userinfo "@" ] host [ ":" port ] */
function isAuthority(authority: string): boolean {
  const at = authority.lastIndexOf('@');
  if (at !== -1 && !USERINFO.test(authority.slice(0, at))) return false;
  const hostPort = authority.slice(at + 1);
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close === -1 || !IP_LITERAL.test(hostPort.slice(0, close + 1))) return false;
    const port = hostPort.slice(close + 1);
    return port === '' || /^:[0-9]*$/.test(port);
  }
  const colon = hostPort.lastIndexOf(':');
  if (colon !== -1 && !/^[0-9]*$/.test(hostPort.slice(colon + 1))) return false;
  return REG_NAME.test(colon === -1 ? hostPort : hostPort.slice(0, colon));
}

// RFC 3339, section 5.6 (full-date "T" full-time); "T" and "Z" may be lower case, seconds are required.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** The instant an RFC 3339 date-time names, in ms since the epoch, or undefined when it is not one (or the date does not exist). */
export function dateTimeMillis(value: string): number | undefined {
  const match = DATE_TIME.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const fraction = match[7] ?? '';
  const sign = match[8] === '-' ? -1 : 1;
  const offsetHour = match[9] === undefined ? 0 : Number(match[9]);
  const offsetMinute = match[10] === undefined ? 0 : Number(match[10]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 60 || offsetHour > 23 || offsetMinute > 59) return undefined;
  const offset = sign * (offsetHour * 60 + offsetMinute);
  if (second === 60) {
    // A leap second exists only as the last second of a UTC day.
    const utcMinutes = (((hour * 60 + minute - offset) % 1440) + 1440) % 1440;
    if (utcMinutes !== 23 * 60 + 59) return undefined;
  }
  const millis = fraction === '' ? 0 : Math.floor(Number(`0${fraction}`) * 1000);
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millis);
  // Date.UTC maps years 0-99 to 1900-1999; set the year explicitly.
  const date = new Date(utc);
  date.setUTCFullYear(year);
  return date.getTime() - offset * 60_000 + (second === 60 ? 1000 : 0);
}

/** True for an RFC 3339 date-time (JSON Schema `format: "date-time"`) naming a real calendar date. */
export function isDateTime(value: string): boolean {
  return dateTimeMillis(value) !== undefined;
}

/** The date-time as UTC ISO 8601 with milliseconds ("2024-05-01T09:30:00.000Z"), or undefined when it is not valid. */
export function toUtcIso(value: string): string | undefined {
  const millis = dateTimeMillis(value);
  return millis === undefined ? undefined : new Date(millis).toISOString();
}

// The schema's truncatedDateTimeType pattern, verbatim.
const TRUNCATED_DATE_TIME =
  /^(-?(?:[1-9][0-9]*)?[0-9]{4})(-(1[0-2]|0[1-9])(-(3[01]|0[1-9]|[12][0-9])(T(2[0-3]|[01][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]+)?(Z|[+-](?:2[0-3]|[01][0-9]):[0-5][0-9])?)?)?)?$/;

/** True for the schema's truncated date-time: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a date-time, each with an optional zone. */
export function isTruncatedDateTime(value: string): boolean {
  return TRUNCATED_DATE_TIME.test(value);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
