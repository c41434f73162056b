import type { Article, Headline, Photo } from '@newsroom/schema';
import { articleCardProps, renderArticleCard, renderPhotoCaption, renderRelatedHeadlines } from '@newsroom/components/ssr';

import type { ImageRendition } from '../model/from-payload-article';

/** `<news-article-card>` for an article, server-rendered with its declarative shadow root. */
export function articleCardHtml(article: Article, { layout, renditions = [] }: { layout?: 'compact' | 'wide'; renditions?: ImageRendition[] } = {}): string {
  const card = renditions.find((r) => r.name === (layout === 'wide' ? 'card' : 'thumbnail')) ?? renditions.find((r) => r.name === 'card');
  return renderArticleCard(articleCardProps(article, { ...(card ? { imageSrc: card.src } : {}), ...(layout ? { layout } : {}) }));
}

/** `<news-photo-caption>` around the photo's image when it has a file; caption, credit and "License Photo" link. */
export function photoCaptionHtml(photo: Photo): string {
  const image =
    photo.src !== undefined
      ? { src: photo.src, alt: photo.alt ?? '', ...(photo.width && photo.height ? { width: photo.width, height: photo.height } : {}) }
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
