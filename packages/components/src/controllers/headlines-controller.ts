import type { Headline } from '@newsroom/schema';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events/news-event.js';
import type {} from '../events/headlines-error.js';
import type {} from '../events/headlines-load.js';
import { toHeadlines } from '../internal/headlines.js';

type Host = ReactiveControllerHost & HTMLElement & { src?: string | undefined };

/**
 * Fetches the headline list at the host's `src` before the host renders, and again whenever `src` changes. A fetch in
 * flight is aborted when `src` changes or the host leaves the document; a host that comes back fetches again.
 * The JSON may be an array of headlines or an object with a `headlines` array. Announces the outcome with
 * `news-headlines-load` or `news-headlines-error` (never for an aborted fetch).
 *
 * While `src` is set: loading until `headlines` or `error` is set.
 */
export class HeadlinesController implements ReactiveController {
  /** The headlines fetched from the current `src`. */
  declare headlines: Headline[] | undefined;
  /** Why fetching the current `src` failed. */
  declare error: unknown;
  declare private host: Host;
  declare private src: string | undefined;
  /** Set while a fetch is in flight. */
  declare private abort: AbortController | undefined;

  constructor(host: Host) {
    (this.host = host).addController(this);
  }

  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  async hostUpdate(): Promise<void> {
    const { host } = this;
    const { src } = host;
    if (src == this.src && !this.abort?.signal.aborted) return;
    this.abort?.abort();
    this.src = src;
    this.headlines = this.error = undefined;
    if (src) {
      const { signal } = (this.abort = new AbortController());
      try {
        const response = await fetch(src, { signal });
        const headlines = response.ok ? toHeadlines(await response.json()) : undefined;
        if (!headlines) throw new Error(`HTTP ${response.status}`);
        emit(host, 'news-headlines-load', { headlines: (this.headlines = headlines) });
      } catch (error) {
        if (signal.aborted) return;
        emit(host, 'news-headlines-error', { error: (this.error = error) });
      }
      this.abort = undefined;
      host.requestUpdate();
    }
  }
}
