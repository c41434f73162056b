import { NewsRelatedHeadlines } from './related-headlines.component.js';
import { define } from '../internal/define.js';

export * from './related-headlines.component.js';
export type { NewsEventName } from '../events/news-event.js';
export type { NewsHeadlineSelectDetail, NewsHeadlineSelectEvent } from '../events/headline-select.js';
export type { NewsHeadlinesLoadDetail, NewsHeadlinesLoadEvent } from '../events/headlines-load.js';
export type { NewsHeadlinesErrorDetail, NewsHeadlinesErrorEvent } from '../events/headlines-error.js';

define('news-related-headlines', NewsRelatedHeadlines);

declare global {
  interface HTMLElementTagNameMap {
    'news-related-headlines': NewsRelatedHeadlines;
  }
}
