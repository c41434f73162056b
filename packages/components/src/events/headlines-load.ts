import type { Headline } from '@newsroom/schema';

/** What `news-headlines-load` carries. */
export interface NewsHeadlinesLoadDetail {
  /** Every valid headline the `src` URL returned, before `limit` is applied. */
  headlines: Headline[];
}

/** `news-headlines-load`: headlines fetched from `src` arrived and are shown. Bubbles out of the shadow root. */
export type NewsHeadlinesLoadEvent = CustomEvent<NewsHeadlinesLoadDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'news-headlines-load': NewsHeadlinesLoadEvent;
  }
}
