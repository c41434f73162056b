import { NewsArticleCard } from './article-card.component.js';
import { define } from '../internal/define.js';

export * from './article-card.component.js';

define('news-article-card', NewsArticleCard);

declare global {
  interface HTMLElementTagNameMap {
    'news-article-card': NewsArticleCard;
  }
}
