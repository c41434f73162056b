import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time comparison of a presented secret with the configured one; false when none is configured. */
export function secretMatches(presented: string | null | undefined, expected: string | undefined): boolean {
  if (!expected || !presented) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The secret a revalidation request presents: `x-revalidate-secret: …` or `Authorization: Bearer …`. */
export function presentedSecret(headers: { get(name: string): string | null }): string | undefined {
  const direct = headers.get('x-revalidate-secret');
  if (direct) return direct;
  const auth = headers.get('authorization');
  return auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
}
