import type { Photo } from '@newsroom/schema';
import { LitElement, html, nothing } from 'lit';
import { hostStyles } from '../internal/host.styles.js';
import { safeUrl } from '../internal/safe-url.js';
import { photoCaptionStyles } from './photo-caption.styles.js';

/**
 * A photo's caption, credit line and "License Photo" link, as a `<figure>` around a slotted `<img>` or on its own.
 * The license link carries `rel="license"` and is shown only for an http(s) or relative `license-url`.
 *
 * @tagname news-photo-caption
 * @summary Caption, credit and license link for a photo, around a slotted image or alone.
 *
 * @slot - The image (or picture) the caption describes. Optional.
 *
 * @csspart base - The `<figure>`.
 * @csspart caption - The `<figcaption>`.
 * @csspart text - The caption text.
 * @csspart credit - The credit line.
 * @csspart license - The "License Photo" link.
 *
 * @cssprop [--news-color-scheme=light dark] - `light` or `dark` pins the colour scheme; by default it follows the reader's.
 * @cssprop [--news-color-text=CanvasText] - Text colour.
 * @cssprop [--news-color-muted] - Secondary text (the credit); by default the text colour at 72 % on the surface.
 * @cssprop [--news-color-accent=LinkText] - Link hover and focus ring.
 * @cssprop [--news-color-surface=Canvas] - Background of the caption, so it stays readable in either colour scheme.
 * @cssprop [--news-font-family=system-ui, sans-serif] - Font. The size is inherited from the page.
 */
export class NewsPhotoCaption extends LitElement {
  static override styles = [hostStyles, photoCaptionStyles];

  static override properties = {
    caption: {},
    credit: {},
    licenseUrl: { attribute: 'license-url' },
  };

  /** What the photo shows. */
  declare caption: Photo['caption'];
  /** The credit line as printed, e.g. "File Photo by Stephen Shaver/UPI". */
  declare credit: Photo['credit'];
  /** Where the photo can be licensed; shows the license link (http(s) or relative URLs only). */
  declare licenseUrl: Photo['licenseUrl'];

  override render() {
    return html`<figure part="base">
      <slot></slot>
      <figcaption part="caption"
        ><span part="text">${this.caption}</span> <span part="credit">${this.credit}</span> <a
          part="license"
          rel="license"
          href=${safeUrl(this.licenseUrl) ?? nothing}
          >License Photo</a
        ></figcaption
      >
    </figure>`;
  }
}

/** The caption's data, by property name; what the server renderer takes. */
export type PhotoCaptionProps = Partial<Pick<NewsPhotoCaption, 'caption' | 'credit' | 'licenseUrl'>>;
