import { NewsPhotoCaption } from './photo-caption.component.js';
import { define } from '../internal/define.js';

export * from './photo-caption.component.js';

define('news-photo-caption', NewsPhotoCaption);

declare global {
  interface HTMLElementTagNameMap {
    'news-photo-caption': NewsPhotoCaption;
  }
}
