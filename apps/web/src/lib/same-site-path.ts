import { hasControlCharacter } from '../model/safe-link';

const BASE = 'http://same-site.invalid';

/**
 * The path to redirect to, if it stays on this site: "/news/a?x=1" passes; absolute URLs, protocol-relative
 * "//evil", backslash variants ("/\evil"), encoded slashes that turn into them, `javascript:` and control characters
 * do not. Returns the normalized path + query (no fragment), or undefined.
 */
export function sameSitePath(input: unknown): string | undefined {
  if (typeof input !== 'string' || !input.startsWith('/') || input.length > 2048) return undefined;
  if (input.includes('\\') || hasControlCharacter(input) || input.startsWith('//')) return undefined;
  let url: URL;
  try {
    url = new URL(input, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE) return undefined;
  const path = `${url.pathname}${url.search}`;
  return path.startsWith('//') ? undefined : path;
}
