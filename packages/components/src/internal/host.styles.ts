import { css } from './css.js';

/**
 * Shared by every element. Theming follows one rule: values used in several places are custom properties
 * (--news-color-*); anything else is styled through ::part(); and inherited properties (color, font) are simply set on
 * the element by the page. Default colours are CSS system colours (Canvas, CanvasText, LinkText) and mixes of them,
 * which follow `color-scheme`: light or dark as the reader prefers, unless --news-color-scheme pins one.
 * Parts with nothing in them are hidden, so empty fields leave no gaps.
 */
export const hostStyles = css`
  :host {
    display: block;
    color-scheme: var(--news-color-scheme, light dark);
    --_muted: var(--news-color-muted, color-mix(in srgb, currentColor 72%, Canvas));
    --_accent: var(--news-color-accent, LinkText);
    --_border: var(--news-color-border, color-mix(in srgb, currentColor 20%, Canvas));
    color: CanvasText;
    font: 1rem/1.4 system-ui, sans-serif;
  }
  :host([hidden]),
  [part]:empty:not(img, [role='status']) {
    display: none;
  }
  a {
    color: inherit;
    text-decoration: none;
  }
  a[href]:hover {
    color: var(--_accent);
    text-decoration: underline;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
  }
  p,
  h2,
  h3 {
    margin: 0;
  }
  article,
  section {
    padding: 1em;
    background: var(--news-color-surface, Canvas);
    border: 1px solid var(--_border);
    border-radius: 0.5em;
  }
  h2,
  h3 {
    font-size: 1.2em;
  }
  [part='meta'],
  [part='status'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    font-size: 0.85em;
    color: var(--_muted);
  }
  @media (prefers-reduced-motion: no-preference) {
    a {
      transition: color 0.2s;
    }
  }
`;
