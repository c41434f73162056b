import type { Headline } from '@newsroom/schema';
import { LitElement, html, nothing } from 'lit';
import { HeadlinesController } from '../controllers/headlines-controller.js';
import { readInlineHeadlines } from '../internal/headlines.js';
import { hostStyles } from '../internal/host.styles.js';
import { renderTime } from '../internal/render-time.js';
import { safeUrl } from '../internal/safe-url.js';
import { selectHeadline } from '../internal/select-headline.js';
import { relatedHeadlinesStyles } from './related-headlines.styles.js';

/**
 * A titled list of headlines ("Latest Headlines"), each linking to its story with its date and section.
 * Data comes from the `headlines` property, else from a child `<script type="application/json">` holding an array of
 * `{title, url, publishedAt?, section?}`, or — when `src` is set, which wins — is fetched from that URL, saying
 * "Loading headlines…" meanwhile and "Headlines could not be loaded." on failure. A headline whose URL is not http(s)
 * or relative is listed without a link.
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
 * @csspart status - The live region saying "Loading headlines…", "No headlines yet." or "Headlines could not be loaded.".
 *
 * @cssprop [--news-color-scheme=light dark] - `light` or `dark` pins a colour scheme; by default it follows the reader.
 * @cssprop [--news-color-text] - Text colour.
 * @cssprop [--news-color-muted] - Date, section and status colour.
 * @cssprop [--news-color-accent] - Heading rule, hover and focus ring colour.
 * @cssprop [--news-color-surface] - Background.
 * @cssprop [--news-color-border] - Box border and separators.
 * @cssprop [--news-radius=0.5rem] - Corner radius.
 * @cssprop [--news-space=1rem] - Padding.
 * @cssprop [--news-font-family=system-ui, sans-serif] - Text font.
 * @cssprop [--news-font-size=1rem] - Base font size; everything scales from it.
 * @cssprop [--news-headline-font-family] - Heading font (inherits the text font when unset).
 */
export class NewsRelatedHeadlines extends LitElement {
  static override styles = [hostStyles, relatedHeadlinesStyles];

  static override properties = {
    src: {},
    limit: { type: Number },
    heading: {},
    headlines: { attribute: false },
  };

  /** URL of JSON headlines to fetch (an array, or an object with a `headlines` array). Takes precedence over `headlines`. */
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
    const { headlines, error } = this.remote;
    const all = (this.src ? headlines : this.headlines) ?? [];
    const shown = this.limit! > 0 ? all.slice(0, this.limit) : all;
    const message = error ? 'Could not load headlines.' : this.src && !headlines ? 'Loading headlines…' : shown.length ? '' : 'No headlines.';
    return html`<section part="base" aria-labelledby="heading">
      <h2 part="heading" id="heading">${this.heading ?? 'Latest Headlines'}</h2>
      <ol part="list" role="list">
        ${shown.map(
          (headline, index) =>
            html`<li part="item">
              <a part="link" href=${safeUrl(headline.url) ?? nothing} @click=${(event: Event) => selectHeadline(this, event, headline, index)}>${headline.title}</a>
              <p part="meta">${renderTime(headline.publishedAt)}<span part="section">${headline.section}</span></p>
            </li>`,
        )}
      </ol>
      <p part="status" role="status">${message}</p>
    </section>`;
  }
}

/** The list's data, by property name; what the server renderer takes. */
export type RelatedHeadlinesProps = Partial<Pick<NewsRelatedHeadlines, 'src' | 'limit' | 'heading' | 'headlines'>>;
