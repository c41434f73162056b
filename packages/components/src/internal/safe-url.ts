/**
 * Returns `url` if it may become an `href` or `src`: an http(s) URL or a relative one; anything else gives `undefined`,
 * and callers then render no link. A URL passes only if it starts with "http:" or "https:", or has no ":" before its
 * first "/", "?" or "#" (so it has no scheme of its own). That is stricter than the URL parser: tabs, newlines or
 * leading spaces cannot sneak "javascript:" past it, because they only ever make a URL fail.
 */
export function safeUrl(url: string | null | undefined): string | undefined {
  return url && /^(https?:|[^:/?#]*([/?#]|$))/i.test(url) ? url : undefined;
}
