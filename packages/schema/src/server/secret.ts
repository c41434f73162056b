/// <reference types="node" />
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The secret the CMS and the reader site share for revalidation (`REVALIDATE_SECRET`), checked the same way on both
 * sides: compared in constant time over SHA-256 digests, so neither its content nor its length leaks through timing.
 * False when none is configured or none is presented.
 */
export function secretMatches(presented: string | null | undefined, expected: string | undefined): boolean {
  if (!expected || !presented) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The secret a request presents: `x-revalidate-secret: …` or `Authorization: Bearer …`. */
export function presentedSecret(headers: { get(name: string): string | null }): string | undefined {
  const direct = headers.get('x-revalidate-secret');
  if (direct) return direct;
  const auth = headers.get('authorization');
  return auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
}
