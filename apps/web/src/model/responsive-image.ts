import type { ImageRendition } from './from-payload-article';

/**
 * How wide the article's lead photo is shown: the article column is at most 42rem (672 CSS px) inside the layout's
 * 1rem padding (site-css.ts), so the full viewport less 2rem below 704 px, and 672 px from there on.
 */
export const LEAD_PHOTO_SIZES = '(min-width: 704px) 672px, calc(100vw - 2rem)';

/** The layout widths the CMS makes of every photo (apps/cms/src/media/renditions.ts), narrowest first. */
export const LAYOUT_RENDITIONS = ['w480', 'w800', 'hero', 'w1600'] as const;
/** Card crops, narrowest first. */
export const CARD_RENDITIONS = ['thumbnail', 'card'] as const;

/** Each rendition in its modern formats is named `<name>Webp` / `<name>Avif`. */
const FORMATS = [
  { type: 'image/avif', suffix: 'Avif' },
  { type: 'image/webp', suffix: 'Webp' },
] as const;

export interface ResponsiveImage {
  /** The fallback: the JPEG (or the original's format) closest to `preferred`. */
  src: string;
  width: number;
  height: number;
  /** The same format as `src` at every width there is. */
  srcset?: string;
  /** AVIF, then WebP, at the same widths. */
  sources: { type: 'image/avif' | 'image/webp'; srcset: string }[];
}

const srcsetOf = (renditions: ImageRendition[]) =>
  renditions.length > 0 ? [...renditions].sort((a, b) => a.width - b.width).map((r) => `${r.src} ${r.width}w`).join(', ') : undefined;

/**
 * A photo's renditions among `names` as `src` + `srcset` + AVIF/WebP sources, the fallback being `preferred` (or the
 * widest there is). Undefined when there is none of them; then the original, if any, is the image on its own.
 */
export function responsiveImage(renditions: ImageRendition[], names: readonly string[], preferred: string): ResponsiveImage | undefined {
  const byName = new Map(renditions.map((r) => [r.name, r]));
  const base = names.flatMap((name) => byName.get(name) ?? []);
  const fallback = byName.get(preferred) ?? base.at(-1) ?? byName.get('original');
  if (!fallback) return undefined;
  const sources = FORMATS.flatMap(({ type, suffix }) => {
    const srcset = srcsetOf(names.flatMap((name) => byName.get(`${name}${suffix}`) ?? []));
    return srcset ? [{ type, srcset }] : [];
  });
  // One candidate alone says nothing `src` does not.
  const srcset = base.length > 1 || sources.length > 0 ? srcsetOf(base) : undefined;
  return { src: fallback.src, width: fallback.width, height: fallback.height, ...(srcset ? { srcset } : {}), sources };
}
