/**
 * The standalone embed: bundled with Lit into dist/news-widgets.js, served at /embed/v1/news-widgets.js.
 * It only registers the elements; loading it twice (or next to another version) is harmless.
 */
import './article-card/article-card.js';
import './photo-caption/photo-caption.js';
import './related-headlines/related-headlines.js';
