import { html, nothing } from 'lit';
import { formatDate } from './format-date.js';

/** `<time part="time">` for an ISO date; empty (so hidden) when there is no valid date. */
export function renderTime(iso: string | undefined) {
  const text = formatDate(iso);
  return html`<time part="time" datetime=${text ? iso! : nothing}>${text}</time>`;
}
