import type { Photo } from '@newsroom/schema';
import type { PhotoCaptionProps } from '../photo-caption/photo-caption.component.js';

/** A photo's caption data for `<news-photo-caption>` or `renderPhotoCaption()`; the license link only when offered a URL. */
export function photoCaptionProps(photo: Photo): PhotoCaptionProps {
  const props: PhotoCaptionProps = { caption: photo.caption, credit: photo.credit, licenseUrl: photo.licenseUrl };
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined)) as PhotoCaptionProps;
}
