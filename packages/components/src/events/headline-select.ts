import type { Headline } from '@newsroom/schema';

/** What `news-headline-select` carries. */
export interface NewsHeadlineSelectDetail {
  /** The headline the reader chose. */
  headline: Headline;
  /** Its position in the list shown (0 for an article card). */
  index: number;
}

/**
 * `news-headline-select`: a reader activated a headline link (click, or Enter on the focused link). Bubbles out of
 * the shadow root. Cancelable: `preventDefault()` stops the browser following the link, e.g. to route in an SPA.
 */
export type NewsHeadlineSelectEvent = CustomEvent<NewsHeadlineSelectDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'news-headline-select': NewsHeadlineSelectEvent;
  }
}
