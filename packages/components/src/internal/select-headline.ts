import type { Headline } from '@newsroom/schema';
import { emit } from '../events/news-event.js';
import type {} from '../events/headline-select.js';

/**
 * Fires `news-headline-select` from `host` for a click on a headline link; cancelling it cancels the navigation.
 * A click on a refused link (an `<a>` left without `href`) fires nothing.
 */
export function selectHeadline(host: HTMLElement, click: Event, headline: Headline, index: number): void {
  if ((click.currentTarget as Element).hasAttribute('href') && !emit(host, 'news-headline-select', { headline, index }, true)) {
    click.preventDefault();
  }
}
