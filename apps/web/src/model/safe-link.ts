/**
 * A URL the site may put in `href`/`src`: absolute http(s), or a path on this site ("/news/a"). Everything else —
 * `javascript:`, `data:`, protocol-relative "//evil", backslash tricks, control characters — gives undefined.
 */
export function safeLink(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const url = value.trim();
  if (url === '' || url.includes('\\') || hasControlCharacter(url)) return undefined;
  if (url.startsWith('/')) return url.startsWith('//') ? undefined : url;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where a CMS media URL ("http://cms/api/media/file/a.jpg" or "/api/media/file/a.jpg") is served on this site:
 * "/media/a.jpg", through the site's own cached route, so pages never point readers at the CMS.
 */
export function mediaPath(url: string | null | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  const match = /\/api\/media\/file\/([^/?#]+)(?:[?#].*)?$/.exec(url.trim());
  if (!match?.[1]) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  if (name === '.' || name === '..' || /[/\\]/.test(name) || hasControlCharacter(name)) return undefined;
  return `/media/${encodeURIComponent(name)}`;
}

/** True when the text holds a C0 control character or DEL, which browsers strip or treat specially inside URLs. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
