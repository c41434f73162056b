import { NewsArticleCard } from './article-card.component.js';
import { define } from '../internal/define.js';

export * from './article-card.component.js';
export type { NewsEventName } from '../events/news-event.js';
export type { NewsHeadlineSelectDetail, NewsHeadlineSelectEvent } from '../events/headline-select.js';

define('news-article-card', NewsArticleCard);

declare global {
  interface HTMLElementTagNameMap {
    'news-article-card': NewsArticleCard;
  }
}
