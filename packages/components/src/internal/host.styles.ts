import { css } from './css.js';

/**
 * Shared by every element. Theming: colours and the font are custom properties (--news-*), which a page can set once
 * for all widgets; anything else (spacing, corners, sizes) is styled through ::part(). The font size is the page's.
 * Default colours are CSS system colours (Canvas, CanvasText, LinkText) and mixes of them, which follow
 * `color-scheme`: light or dark as the reader prefers, unless --news-color-scheme pins one.
 * Parts with nothing in them are hidden, so empty fields leave no gaps (templates keep no whitespace inside such parts).
 */
export const hostStyles = css`
  :host {
    display: block;
    color-scheme: var(--news-color-scheme, light dark);
    --_muted: var(--news-color-muted, color-mix(in srgb, currentColor 72%, Canvas));
    --_accent: var(--news-color-accent, LinkText);
    --_border: var(--news-color-border, color-mix(in srgb, currentColor 20%, Canvas));
    color: var(--news-color-text, CanvasText);
    font: 1em/1.4 var(--news-font-family, system-ui, sans-serif);
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
  * {
    margin: 0;
  }
  article,
  section {
    padding: 1em;
    background: var(--news-color-surface, Canvas);
    border: 1px solid var(--_border);
    border-radius: 0.5em;
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
