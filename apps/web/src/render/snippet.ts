import { escapeHtml } from '@newsroom/schema';

import type { SnippetPart } from '../lib/search';

/**
 * A search excerpt as HTML: every part escaped, the matched ones wrapped in `<mark>`. The parts are plain text from
 * the CMS (which built them from the engine's sentinel-marked text); nothing in them is ever markup.
 */
export function snippetHtml(parts: readonly SnippetPart[]): string {
  return parts.map((part) => (part.mark ? `<mark>${escapeHtml(part.text)}</mark>` : escapeHtml(part.text))).join('');
}
