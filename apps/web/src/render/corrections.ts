import { CORRECTION_LABELS, type Correction, escapeHtml } from '@newsroom/schema';

import { formatPublished } from '../lib/format';

/** The notice's heading id: the page has at most one notice. */
export const CORRECTIONS_HEADING_ID = 'corrections-heading';

/**
 * The notice an article page shows under its byline once a correction, update or clarification has been added: every
 * note, newest first, each with its kind, its time (`<time datetime>`) and its text, escaped. Empty for none.
 *
 * It sits above the lead photo and the body, so a reader learns what was wrong or what changed before reading the
 * text it concerns, and it is an `<aside>` named by its heading, so assistive technology lists it as a landmark.
 */
export function correctionsNoticeHtml(corrections: readonly Correction[] | undefined): string {
  if (!corrections?.length) return '';
  const newestFirst = [...corrections].reverse();
  const items = newestFirst
    .map(
      (note) =>
        `<li><strong class="correction-kind">${CORRECTION_LABELS[note.kind]}</strong>, ` +
        `<time datetime="${escapeHtml(note.at)}">${escapeHtml(formatPublished(note.at))}</time>: ${escapeHtml(note.text)}</li>`,
    )
    .join('');
  return (
    `<aside class="corrections" aria-labelledby="${CORRECTIONS_HEADING_ID}">` +
    `<h2 id="${CORRECTIONS_HEADING_ID}">Corrections and updates</h2><ul>${items}</ul></aside>`
  );
}
