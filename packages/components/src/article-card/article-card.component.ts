import type { Article } from '@newsroom/schema';
import { LitElement, html, nothing } from 'lit';
import { hostStyles } from '../internal/host.styles.js';
import { formatDate } from '../internal/format-date.js';
import { safeSrcset } from '../internal/safe-srcset.js';
import { safeUrl } from '../internal/safe-url.js';
import { articleCardStyles } from './article-card.styles.js';

/** How a card is laid out: `compact` puts a small thumbnail beside the text, `wide` a large image. */
export type ArticleCardLayout = 'compact' | 'wide';

/**
 * A teaser for one article: section, headline (the link), dek, image, byline and date.
 * The whole card is clickable through the headline link; without a safe `href` the headline is plain text.
 *
 * @tagname news-article-card
 * @summary A linked article teaser with headline, dek, image, byline, date and section.
 *
 * @csspart base - The `<article>` box.
 * @csspart media - The `<picture>` around the image (AVIF and WebP sources, when given).
 * @csspart image - The `<img>`.
 * @csspart body - The text column.
 * @csspart section - The section name above the headline.
 * @csspart headline - The `<h3>` holding the headline.
 * @csspart link - The headline's `<a>`.
 * @csspart dek - The summary under the headline.
 * @csspart meta - The line with byline and date.
 * @csspart byline - The byline.
 * @csspart time - The `<time>` with the date.
 *
 * @cssprop [--news-color-scheme=light dark] - `light` or `dark` pins the colour scheme; by default it follows the reader's.
 * @cssprop [--news-color-text=CanvasText] - Text colour.
 * @cssprop [--news-color-muted] - Secondary text (byline and date); by default the text colour at 72 % on the surface.
 * @cssprop [--news-color-accent=LinkText] - Section label, link hover and focus ring.
 * @cssprop [--news-color-surface=Canvas] - Background of the box.
 * @cssprop [--news-color-border] - Border of the box; by default the text colour at 20 % on the surface.
 * @cssprop [--news-font-family=system-ui, sans-serif] - Font. The size is inherited from the page.
 */
export class NewsArticleCard extends LitElement {
  static override styles = [hostStyles, articleCardStyles];

  static override properties = {
    headline: {},
    href: {},
    dek: {},
    imageSrc: { attribute: 'image-src' },
    imageAlt: { attribute: 'image-alt' },
    imageSrcset: { attribute: 'image-srcset' },
    imageWebpSrcset: { attribute: 'image-webp-srcset' },
    imageAvifSrcset: { attribute: 'image-avif-srcset' },
    imageSizes: { attribute: 'image-sizes' },
    imageWidth: { attribute: 'image-width', type: Number },
    imageHeight: { attribute: 'image-height', type: Number },
    imageLoading: { attribute: 'image-loading' },
    byline: {},
    publishedAt: { attribute: 'published-at' },
    section: {},
    layout: {},
  };

  /** The headline text. */
  declare headline: Article['headline'] | undefined;
  /** Where the card links: an http(s) or relative URL. Other schemes (`javascript:` …) render no link. */
  declare href: string | undefined;
  /** The standfirst shown under the headline. */
  declare dek: Article['dek'];
  /** Image URL (http(s) or relative; anything else shows no image). */
  declare imageSrc: string | undefined;
  /** Text alternative for the image; leave unset when the image adds nothing to the headline (it is then `alt=""`). */
  declare imageAlt: string | undefined;
  /** More sizes of the image, as a `srcset` (the same format as `image-src`). */
  declare imageSrcset: string | undefined;
  /** The image in WebP, as a `srcset`: offered to browsers that read it. */
  declare imageWebpSrcset: string | undefined;
  /** The image in AVIF, as a `srcset`: offered first to browsers that read it. */
  declare imageAvifSrcset: string | undefined;
  /** How wide the image is shown, for choosing from the srcsets (`sizes`). */
  declare imageSizes: string | undefined;
  /** The image's intrinsic width and height in pixels: the space is kept before it loads. */
  declare imageWidth: number | undefined;
  declare imageHeight: number | undefined;
  /** `lazy` (the default) loads the image when it nears the viewport; `eager` at once and at high priority (above the fold). */
  declare imageLoading: 'lazy' | 'eager' | undefined;
  /** The byline as printed, e.g. "By Elizabeth Shim". */
  declare byline: string | undefined;
  /** ISO 8601 date or date-time, shown as "Sep 17, 2018" (UTC). */
  declare publishedAt: Article['publishedAt'];
  /** Section name shown above the headline. */
  declare section: string | undefined;
  /** `compact` (the default) or `wide`. */
  declare layout: ArticleCardLayout | undefined;

  override render() {
    const media = this.renderImage();
    const classes = [this.layout === 'wide' ? 'wide' : '', media === nothing ? '' : 'with-media'].filter(Boolean).join(' ');
    return html`<article part="base" class=${classes || nothing}>
      ${media}
      <div part="body">
        <p part="section">${this.section}</p>
        <h3 part="headline">
          <a part="link" href=${safeUrl(this.href) ?? nothing}>${this.headline}</a>
        </h3>
        <p part="dek">${this.dek}</p>
        <p part="meta"><span part="byline">${this.byline}</span><time part="time" datetime=${this.publishedAt ?? nothing}>${formatDate(this.publishedAt)}</time></p>
      </div>
    </article>`;
  }

  private renderImage() {
    const src = safeUrl(this.imageSrc);
    if (!src) return nothing;
    const sizes = this.imageSizes ?? nothing;
    const eager = this.imageLoading === 'eager';
    const source = (type: string, srcset: string | undefined) => (srcset ? html`<source type=${type} srcset=${srcset} sizes=${sizes} />` : nothing);
    return html`<picture part="media"
      >${source('image/avif', safeSrcset(this.imageAvifSrcset))}${source('image/webp', safeSrcset(this.imageWebpSrcset))}<img
        part="image"
        src=${src}
        srcset=${safeSrcset(this.imageSrcset) ?? nothing}
        sizes=${sizes}
        width=${this.imageWidth ?? nothing}
        height=${this.imageHeight ?? nothing}
        alt=${this.imageAlt ?? ''}
        loading=${eager ? 'eager' : 'lazy'}
        fetchpriority=${eager ? 'high' : nothing}
    /></picture>`;
  }

}

/** The card's data, by property name; what the server renderer takes. */
export type ArticleCardProps = Partial<
  Pick<
    NewsArticleCard,
    | 'href'
    | 'dek'
    | 'imageSrc'
    | 'imageAlt'
    | 'imageSrcset'
    | 'imageWebpSrcset'
    | 'imageAvifSrcset'
    | 'imageSizes'
    | 'imageWidth'
    | 'imageHeight'
    | 'imageLoading'
    | 'byline'
    | 'publishedAt'
    | 'section'
    | 'layout'
  >
> &
  Pick<NewsArticleCard, 'headline'>;
