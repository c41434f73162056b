import type { Article, Headline, Photo } from '@newsroom/schema';
import { articleCardProps, renderArticleCard, renderPhotoCaption, renderRelatedHeadlines } from '@newsroom/components/ssr';

import type { ImageRendition } from '../model/from-payload-article';
import { CARD_RENDITIONS, LAYOUT_RENDITIONS, LEAD_PHOTO_SIZES, responsiveImage } from '../model/responsive-image';

/** How wide a card's image is shown (site-css.ts and the card's own styles): 40 % of a card, or a 7em thumbnail. */
const CARD_SIZES = { wide: '(min-width: 740px) 28rem, 40vw', compact: '7em' } as const;

/**
 * `<news-article-card>` for an article, server-rendered with its declarative shadow root: the photo's card crops as
 * JPEG, WebP and AVIF srcsets, lazily loaded unless `eager` (a card at the top of the page).
 */
export function articleCardHtml(
  article: Article,
  { layout, renditions = [], eager = false }: { layout?: 'compact' | 'wide'; renditions?: ImageRendition[]; eager?: boolean } = {},
): string {
  const image = responsiveImage(renditions, CARD_RENDITIONS, layout === 'wide' ? 'card' : 'thumbnail');
  const avif = image?.sources.find((s) => s.type === 'image/avif')?.srcset;
  const webp = image?.sources.find((s) => s.type === 'image/webp')?.srcset;
  return renderArticleCard(
    articleCardProps(article, {
      ...(image
        ? {
            imageSrc: image.src,
            imageWidth: image.width,
            imageHeight: image.height,
            imageSizes: CARD_SIZES[layout ?? 'compact'],
            ...(image.srcset ? { imageSrcset: image.srcset } : {}),
            ...(webp ? { imageWebpSrcset: webp } : {}),
            ...(avif ? { imageAvifSrcset: avif } : {}),
            ...(eager ? { imageLoading: 'eager' as const } : {}),
          }
        : {}),
      ...(layout ? { layout } : {}),
    }),
  );
}

/**
 * `<news-photo-caption>` around the photo's image when it has a file — a `<picture>` of AVIF, WebP and JPEG at every
 * layout width, sized for the article column, loaded first when it is the page's lead (`priority`) — with caption,
 * credit and "License Photo" link.
 */
export function photoCaptionHtml(photo: Photo, { renditions = [], priority = false }: { renditions?: ImageRendition[]; priority?: boolean } = {}): string {
  const responsive = responsiveImage(renditions, LAYOUT_RENDITIONS, 'hero');
  const image =
    photo.src !== undefined
      ? {
          src: responsive?.src ?? photo.src,
          alt: photo.alt ?? '',
          ...(responsive
            ? { width: responsive.width, height: responsive.height, sizes: LEAD_PHOTO_SIZES, sources: responsive.sources, ...(responsive.srcset ? { srcset: responsive.srcset } : {}) }
            : photo.width && photo.height
              ? { width: photo.width, height: photo.height }
              : {}),
          priority,
        }
      : undefined;
  return renderPhotoCaption({
    ...(photo.caption !== undefined ? { caption: photo.caption } : {}),
    ...(photo.credit !== undefined ? { credit: photo.credit } : {}),
    ...(photo.licenseUrl !== undefined ? { licenseUrl: photo.licenseUrl } : {}),
    image,
  });
}

/**
 * The "Latest Headlines" rail: rendered on the server, its data inline for hydration. With `src` (the widget JSON), the
 * browser refreshes it from there once hydrated, in the same rows: the page can stay cached while the rail stays current.
 */
export function railHtml(headlines: Headline[], { heading = 'Latest Headlines', src, limit }: { heading?: string; src?: string; limit?: number } = {}): string {
  return renderRelatedHeadlines({ headlines, heading, ...(src ? { src } : {}), ...(limit ? { limit } : {}) });
}
