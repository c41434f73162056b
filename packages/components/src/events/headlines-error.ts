/** What `news-headlines-error` carries. */
export interface NewsHeadlinesErrorDetail {
  /** Why: a network error, an HTTP status ("HTTP 503") or JSON that is not a headline list. */
  error: unknown;
}

/**
 * `news-headlines-error`: fetching `src` failed and the element says so. Not fired for an aborted fetch.
 * Bubbles out of the shadow root.
 */
export type NewsHeadlinesErrorEvent = CustomEvent<NewsHeadlinesErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'news-headlines-error': NewsHeadlinesErrorEvent;
  }
}
