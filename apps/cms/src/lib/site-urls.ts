/** Where the reader site lives, for links and previews from the admin. */
export const webUrl = (): string => (process.env.NEXT_PUBLIC_WEB_URL ?? process.env.WEB_URL ?? 'http://localhost:3000').replace(/\/+$/, '');

/** The site's draft-preview route: it checks the editor's CMS session, then shows the page with drafts. */
export function previewUrl(slug: unknown): string | null {
  if (typeof slug !== 'string' || !slug) return null;
  return `${webUrl()}/api/draft?path=${encodeURIComponent(`/news/${slug}`)}`;
}
