/**
 * Server rendering: each element to HTML with a declarative shadow root (`<template shadowrootmode="open">`),
 * ready to hydrate in the browser with `@newsroom/components/hydrate`. Node only; pulls in `@lit-labs/ssr`.
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ArticleCardProps } from '../article-card/article-card.js';
import type { PhotoCaptionProps } from '../photo-caption/photo-caption.js';
import type { RelatedHeadlinesProps } from '../related-headlines/related-headlines.js';
import '../article-card/article-card.js';
import '../photo-caption/photo-caption.js';
import '../related-headlines/related-headlines.js';
import { safeSrcset } from '../internal/safe-srcset.js';
import { safeUrl } from '../internal/safe-url.js';

export { articleCardProps } from '../props/article-card-props.js';
export { photoCaptionProps } from '../props/photo-caption-props.js';
export type { ArticleCardProps, PhotoCaptionProps, RelatedHeadlinesProps };

/** Renders any lit-html value (a template using the `news-*` tags, say) to a string. Synchronous. */
export function renderToString(value: unknown): string {
  return collectResultSync(render(value));
}

/** `<news-article-card>` with its attributes and shadow root. */
export function renderArticleCard(props: ArticleCardProps): string {
  return renderToString(
    html`<news-article-card
      headline=${props.headline}
      href=${ifDefined(props.href)}
      dek=${ifDefined(props.dek)}
      image-src=${ifDefined(props.imageSrc)}
      image-alt=${ifDefined(props.imageAlt)}
      image-srcset=${ifDefined(props.imageSrcset)}
      image-webp-srcset=${ifDefined(props.imageWebpSrcset)}
      image-avif-srcset=${ifDefined(props.imageAvifSrcset)}
      image-sizes=${ifDefined(props.imageSizes)}
      image-width=${ifDefined(props.imageWidth)}
      image-height=${ifDefined(props.imageHeight)}
      image-loading=${ifDefined(props.imageLoading)}
      byline=${ifDefined(props.byline)}
      published-at=${ifDefined(props.publishedAt)}
      section=${ifDefined(props.section)}
      layout=${ifDefined(props.layout)}
    ></news-article-card>`,
  );
}

/** An image to put in `<news-photo-caption>`'s slot. `src` must be http(s) or relative, else it is left out. */
export interface CaptionedImage {
  src: string;
  alt: string;
  width?: number;
  height?: number;
  /** More sizes of the same format as `src`. */
  srcset?: string;
  /** How wide the image is shown at each breakpoint. */
  sizes?: string;
  /** The image in other formats, best first (AVIF, then WebP): `<source>`s of a `<picture>`. */
  sources?: { type: string; srcset: string }[];
  /** The page's main image: loaded at once, at high priority. Otherwise it loads lazily. */
  priority?: boolean;
}

const IMAGE_TYPE = /^image\/[a-z0-9.+-]+$/;

/** The slotted image: an `<img>`, inside a `<picture>` when it has other formats. */
function captionedImage(image: CaptionedImage, src: string) {
  const { sizes } = image;
  const img = html`<img
    src=${src}
    srcset=${ifDefined(safeSrcset(image.srcset))}
    sizes=${ifDefined(sizes)}
    alt=${image.alt}
    width=${ifDefined(image.width)}
    height=${ifDefined(image.height)}
    loading=${image.priority ? 'eager' : 'lazy'}
    fetchpriority=${ifDefined(image.priority ? 'high' : undefined)}
    decoding=${image.priority ? 'sync' : 'async'}
  />`;
  const sources = (image.sources ?? []).flatMap((source) => {
    const srcset = safeSrcset(source.srcset);
    return srcset && IMAGE_TYPE.test(source.type) ? [html`<source type=${source.type} srcset=${srcset} sizes=${ifDefined(sizes)} />`] : [];
  });
  return sources.length > 0 ? html`<picture>${sources}${img}</picture>` : img;
}

/** `<news-photo-caption>`, with an optional slotted image (a `<picture>` with AVIF/WebP sources when given). */
export function renderPhotoCaption(props: PhotoCaptionProps & { image?: CaptionedImage | undefined }): string {
  const { image } = props;
  const src = safeUrl(image?.src);
  return renderToString(
    html`<news-photo-caption
      caption=${ifDefined(props.caption)}
      credit=${ifDefined(props.credit)}
      license-url=${ifDefined(props.licenseUrl)}
      >${image && src ? captionedImage(image, src) : nothing}</news-photo-caption
    >`,
  );
}

/** Options for {@link renderRelatedHeadlines}. */
export interface RenderRelatedHeadlinesOptions {
  /**
   * With `headlines`: mark the element `defer-hydration` (default true), so the browser waits for the data before
   * hydrating; `hydrateDeferred()` from `@newsroom/components/hydrate` then releases it.
   */
  deferHydration?: boolean;
  /** With `headlines`: also write them into a child `<script type="application/json">` (default true). */
  inlineData?: boolean;
}

/**
 * `<news-related-headlines>`. Given `headlines`, the list is rendered on the server, the (limited) data is written as
 * inline JSON for the browser, and the element is marked `defer-hydration`. Given `src`, it renders the loading state
 * and fetches in the browser.
 */
export function renderRelatedHeadlines(props: RelatedHeadlinesProps, options: RenderRelatedHeadlinesOptions = {}): string {
  const { headlines, limit } = props;
  const shown = headlines && limit! > 0 ? headlines.slice(0, limit) : headlines;
  const inline = shown && options.inlineData !== false ? inlineJson(shown) : undefined;
  return renderToString(
    html`<news-related-headlines
      src=${ifDefined(props.src)}
      limit=${ifDefined(limit)}
      heading=${ifDefined(props.heading)}
      ?defer-hydration=${!!shown && options.deferHydration !== false}
      .headlines=${shown}
      >${inline ? unsafeHTML(inline) : nothing}</news-related-headlines
    >`,
  );
}

/** A `<script type="application/json">` for data; `<` is escaped so no string can close the script element. */
function inlineJson(data: unknown): string {
  return `<script type="application/json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

const renderers = {
  'news-article-card': renderArticleCard,
  'news-photo-caption': renderPhotoCaption,
  'news-related-headlines': renderRelatedHeadlines,
};

/** The tag names the server can render. */
export type NewsTagName = keyof typeof renderers;

/** Renders any of the elements by tag name: `renderElement('news-article-card', { headline: '…' })`. */
export function renderElement<T extends NewsTagName>(tag: T, props: Parameters<(typeof renderers)[T]>[0]): string {
  const renderer = renderers[tag] as (props: Parameters<(typeof renderers)[T]>[0]) => string;
  if (!renderer) throw new TypeError(`Cannot render <${String(tag)}>: not a news-* element`);
  return renderer(props);
}
