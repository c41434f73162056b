import { css } from '../internal/css.js';

export const relatedHeadlinesStyles = css`
  h2 {
    font-size: 1.2em;
    padding-bottom: 0.3em;
    border-bottom: 3px solid var(--_accent);
  }
  ol {
    padding: 0;
    list-style: none;
  }
  li {
    padding: 0.6em 0;
  }
  li + li {
    border-top: 1px solid var(--_border);
  }
  [part='link'] {
    font-weight: 600;
  }
`;
