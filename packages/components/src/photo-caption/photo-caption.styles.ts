import { css } from '../internal/css.js';

export const photoCaptionStyles = css`
  figure {
    margin: 0;
  }
  ::slotted(img) {
    display: block;
    max-width: 100%;
    height: auto;
  }
  figcaption {
    margin-top: 0.5em;
    font-size: 0.875em;
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
