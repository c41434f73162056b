import { css } from '../internal/css.js';

export const articleCardStyles = css`
  article {
    position: relative;
    display: flex;
    gap: 1em;
    align-items: start;
  }
  [part='media'] {
    display: block;
    flex: none;
    width: 40%;
  }
  img {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: 3 / 2;
    object-fit: cover;
  }
  :not(.wide) > [part='media'] {
    width: 7em;
    order: 1;
  }
  [part='body'] {
    display: grid;
    gap: 0.4em;
  }
  [part='section'] {
    font-size: 0.75em;
    text-transform: uppercase;
    color: var(--_accent);
  }
  .wide h3 {
    font-size: 1.5em;
  }
  [href]::after {
    content: '';
    position: absolute;
    inset: 0;
  }
`;
