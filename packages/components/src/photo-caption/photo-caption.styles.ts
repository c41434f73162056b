import { css } from '../internal/css.js';

export const photoCaptionStyles = css`
  ::slotted(picture) {
    display: block;
  }
  ::slotted(img) {
    display: block;
    max-width: 100%;
    height: auto;
  }
  figcaption {
    padding-top: 0.5em;
    font-size: 0.875em;
    background: var(--news-color-surface, Canvas);
  }
  [part='credit'] {
    color: var(--_muted);
  }
  [part='license'] {
    text-decoration: underline;
  }
  a:not([href]) {
    display: none;
  }
`;
