import type { Headline } from '@newsroom/schema';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events/news-event.js';
import { toHeadlines } from '../internal/headlines.js';
import { safeUrl } from '../internal/safe-url.js';

type Host = ReactiveControllerHost & HTMLElement & { src?: string | undefined };

/**
 * Fetches the headline list at the host's `src` before the host renders, and again whenever `src` changes. A fetch in
 * flight is aborted when `src` changes or the host leaves the document; a host that comes back fetches again.
 * A `src` that is not http(s) or relative fails like a network error.
 * The JSON may be an array of headlines or an object with a `headlines` array. Announces the outcome with
 * `news-headlines-load` or `news-headlines-error` (never for an aborted fetch).
 * While the host has a `src`, it is loading until `headlines` or `error` is set.
 */
export class HeadlinesController implements ReactiveController {
  /** The headlines fetched from the current `src`. */
  declare headlines: Headline[] | undefined;
  /** Why fetching the current `src` failed. */
  declare error: unknown;
  declare private host: Host;
  declare private src: string | undefined;
  /** The current fetch's, until it settles. Aborted by a disconnect, which makes the next update fetch again. */
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
        // Like links, only http(s) and relative URLs are fetched (fetch itself would also take data: and blob:);
        // anything else goes to a URL fetch() rejects, and the list says it could not load.
        const response = await fetch(safeUrl(src) ?? 'about:invalid', { signal });
        const headlines = response.ok ? toHeadlines(await response.json()) : undefined;
        if (!headlines) throw new Error(`Bad response (HTTP ${response.status})`);
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
