import { css } from '../internal/css.js';

/**
 * A grid, not a flexbox with `order`: each part has its cell from the moment it is parsed. A browser may paint a card
 * whose photo has arrived and whose text has not (a busy page, HTML still streaming in); with `order`, that photo was
 * drawn on the wrong side, then moved: a layout shift.
 */
export const articleCardStyles = css`
  article {
    position: relative;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    column-gap: 1em;
    align-items: start;
  }
  .with-media {
    grid-template-columns: minmax(0, 1fr) 7em;
    grid-template-areas: 'body media';
  }
  .with-media.wide {
    grid-template-columns: 40% minmax(0, 1fr);
    grid-template-areas: 'media body';
  }
  .with-media > [part='media'] {
    grid-area: media;
  }
  .with-media > [part='body'] {
    grid-area: body;
  }
  [part='media'] {
    display: block;
  }
  img {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: 3 / 2;
    object-fit: cover;
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
