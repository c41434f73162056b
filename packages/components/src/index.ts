/**
 * Registers all three elements and exports their classes, events, helpers and types.
 * For one element only, import its subpath instead (e.g. `@newsroom/components/article-card.js`).
 */
export * from './article-card/article-card.js';
export * from './photo-caption/photo-caption.js';
export * from './related-headlines/related-headlines.js';
export { HeadlinesController } from './controllers/headlines-controller.js';
export { define } from './internal/define.js';
export { safeUrl } from './internal/safe-url.js';
export { formatDate } from './internal/format-date.js';
export { articleCardProps } from './props/article-card-props.js';
export { photoCaptionProps } from './props/photo-caption-props.js';
export { VERSION } from './version.js';
