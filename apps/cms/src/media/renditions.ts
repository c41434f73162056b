import type { ImageSize } from 'payload';

/**
 * The widths a photo is served at in a layout (`srcset`), each as JPEG, WebP and AVIF. The article's lead photo is at
 * most 42rem (672 CSS px) wide: 480 and 800 cover phones at 1–2× density, 1280 and 1600 tablets and desktops at 2×.
 * `hero` keeps its name (and 1280 px) for what already refers to it.
 */
export const LAYOUT_WIDTHS = [
  { name: 'w480', width: 480 },
  { name: 'w800', width: 800 },
  { name: 'hero', width: 1280 },
  { name: 'w1600', width: 1600 },
] as const;

/** Card crops: `card` (16:9) for wide cards, `thumbnail` (4:3) for compact ones. */
export const CARD_CROPS = [
  { name: 'thumbnail', width: 400, height: 300 },
  { name: 'card', width: 768, height: 432 },
] as const;

export const MODERN_FORMATS = [
  { suffix: 'Webp', format: 'webp', options: { quality: 78, effort: 4 } },
  // AVIF at effort 2: a sixth of the default effort's time for about a quarter more bytes (no more than WebP's).
  { suffix: 'Avif', format: 'avif', options: { quality: 55, effort: 2 } },
] as const;

function withModernFormats(size: ImageSize): ImageSize[] {
  return [
    size,
    ...MODERN_FORMATS.map((modern) => ({ ...size, name: `${size.name}${modern.suffix}`, formatOptions: { format: modern.format, options: { ...modern.options } } })),
  ];
}

export const PHOTO_RENDITIONS: ImageSize[] = [
  ...CARD_CROPS.flatMap((crop) => withModernFormats({ ...crop, position: 'centre' })),
  ...LAYOUT_WIDTHS.flatMap((layout) => withModernFormats({ ...layout, withoutEnlargement: true })),
  // Social cards: one JPEG each, the format every platform reads.
  { name: 'square', width: 1200, height: 1200, position: 'centre' },
  { name: 'og', width: 1200, height: 630, position: 'centre' },
];
