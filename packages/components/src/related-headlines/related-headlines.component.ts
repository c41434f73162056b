import type { Headline } from '@newsroom/schema';
import { LitElement, html, nothing } from 'lit';
import { HeadlinesController } from '../controllers/headlines-controller.js';
import { emit } from '../events/news-event.js';
import { readInlineHeadlines } from '../internal/headlines.js';
import { hostStyles } from '../internal/host.styles.js';
import { formatDate } from '../internal/format-date.js';
import { safeUrl } from '../internal/safe-url.js';
import { relatedHeadlinesStyles } from './related-headlines.styles.js';

/**
 * A titled list of headlines ("Latest Headlines"), each linking to its story with its date and section.
 * Data comes from the `headlines` property, else from a child `<script type="application/json">` holding an array of
 * `{title, url, publishedAt?, section?}`, or — when `src` is set, which wins — is fetched from that URL, saying
 * "Loading headlines…" meanwhile and "Could not load headlines." on failure; an empty list says "No headlines.". With
 * `src` and data as well, the data shows until the fetch arrives and stays if it fails (a server-rendered list that
 * refreshes itself, with no loading state in between). A headline whose URL is not http(s) or relative is listed
 * without a link.
 *
 * @tagname news-related-headlines
 * @summary A titled list of linked headlines, from a property, inline JSON or a `src` URL.
 *
 * @fires {NewsHeadlineSelectEvent} news-headline-select - The reader activated a headline link; cancelable.
 * @fires {NewsHeadlinesLoadEvent} news-headlines-load - Headlines fetched from `src` arrived.
 * @fires {NewsHeadlinesErrorEvent} news-headlines-error - Fetching `src` failed.
 *
 * @csspart base - The `<section>` box (a region landmark named by the heading).
 * @csspart heading - The `<h2>` title.
 * @csspart list - The `<ol>`.
 * @csspart item - Each `<li>`.
 * @csspart link - Each headline's `<a>` (or plain text when its URL was refused).
 * @csspart meta - The line with date and section under a headline.
 * @csspart time - The `<time>` with a headline's date.
 * @csspart section - A headline's section name.
 * @csspart status - The live region saying "Loading headlines…", "No headlines." or "Could not load headlines.".
 *
 * @cssprop [--news-color-scheme=light dark] - `light` or `dark` pins the colour scheme; by default it follows the reader's.
 * @cssprop [--news-color-text=CanvasText] - Text colour.
 * @cssprop [--news-color-muted] - Secondary text (dates, sections and status); by default the text colour at 72 % on the surface.
 * @cssprop [--news-color-accent=LinkText] - Rule under the heading, link hover and focus ring.
 * @cssprop [--news-color-surface=Canvas] - Background of the box.
 * @cssprop [--news-color-border] - Border of the box and between headlines; by default the text colour at 20 % on the surface.
 * @cssprop [--news-font-family=system-ui, sans-serif] - Font. The size is inherited from the page.
 */
export class NewsRelatedHeadlines extends LitElement {
  static override styles = [hostStyles, relatedHeadlinesStyles];

  static override properties = {
    src: {},
    limit: { type: Number },
    heading: {},
    headlines: { attribute: false },
  };

  /** URL of JSON headlines to fetch (an array, or an object with a `headlines` array). Takes precedence over `headlines` once it has arrived. */
  declare src: string | undefined;
  /** Show at most this many headlines (a positive number; anything else shows all). */
  declare limit: number | undefined;
  /** The list's title; "Latest Headlines" when unset. */
  declare heading: string | undefined;
  /** The headlines to list, when not fetched from `src`. Read from the inline JSON child when not set. */
  declare headlines: Headline[] | undefined;

  private readonly remote = new HeadlinesController(this);

  override connectedCallback(): void {
    this.headlines ??= readInlineHeadlines(this);
    super.connectedCallback();
  }

  override render() {
    const { headlines: fetched, error } = this.remote;
    // With `src`: what it fetched; until then, or if that failed, the property or inline data when there is some.
    const all = (this.src && fetched) || this.headlines;
    const shown = (this.limit! > 0 ? all?.slice(0, this.limit) : all) ?? [];
    const message = !all && error ? 'Could not load headlines.' : !all && this.src ? 'Loading headlines…' : shown.length ? '' : 'No headlines.';
    return html`<section part="base" aria-labelledby="heading">
      <h2 part="heading" id="heading">${this.heading ?? 'Latest Headlines'}</h2>
      <ol part="list" role="list">${shown.map((headline, index) => {
        const url = safeUrl(headline.url);
        return html`<li part="item">
          <a part="link" href=${url ?? nothing} @click=${(event: Event) => url && this.select(event, headline, index)}>${headline.title}</a>
          <p part="meta"><time part="time" datetime=${headline.publishedAt ?? nothing}>${formatDate(headline.publishedAt)}</time><span part="section">${headline.section}</span></p>
        </li>`;
      })}</ol>
      <p part="status" role="status">${message}</p>
    </section>`;
  }

  /** A headline link was clicked: tell the page, and let it cancel the navigation. */
  private select(event: Event, headline: Headline, index: number) {
    if (!emit(this, 'news-headline-select', { headline, index }, true)) event.preventDefault();
  }
}

/** The list's data, by property name; what the server renderer takes. */
export type RelatedHeadlinesProps = Partial<Pick<NewsRelatedHeadlines, 'src' | 'limit' | 'heading' | 'headlines'>>;
