/** A command-line mistake: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

/** `--year YYYY`: the year for datelines that print none. */
export function parseYearOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new UsageError(`--year must be a four-digit year, got "${value}"`);
  return Number(value);
}
