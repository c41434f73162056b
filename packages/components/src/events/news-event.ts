// Each event file declares its event in GlobalEventHandlersEventMap, which types emit()'s detail.
import type {} from './headline-select.js';
import type {} from './headlines-error.js';
import type {} from './headlines-load.js';

/** The `news-*` events, by name. */
export type NewsEventName = 'news-headline-select' | 'news-headlines-load' | 'news-headlines-error';

/**
 * Dispatches a `news-*` CustomEvent from `host`: it bubbles and crosses shadow roots, and is cancelable where that
 * event's documentation says cancelling does something. Returns false if a listener cancelled it.
 */
export function emit<Name extends NewsEventName>(
  host: EventTarget,
  type: Name,
  detail: GlobalEventHandlersEventMap[Name]['detail'],
  cancelable = false,
): boolean {
  return host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
