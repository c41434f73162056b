import { safeUrl } from './safe-url.js';

/** A `srcset` keeping only the candidates whose URL `safeUrl` accepts; undefined when none is left. */
export function safeSrcset(srcset: string | null | undefined): string | undefined {
  return srcset?.split(',').filter((candidate) => safeUrl(candidate.trim().split(' ')[0])).join(',') || undefined;
}
