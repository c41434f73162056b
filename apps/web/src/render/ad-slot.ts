import { type AdBreakpoint, type AdPlacement, type AdSize, type AdSlot, escapeHtml } from '@newsroom/schema';

/**
 * The sandbox for HTML creatives. No `allow-same-origin`: the creative runs in an opaque origin and cannot read our
 * cookies, storage or DOM. No `allow-top-navigation`: a creative that sets `top.location` goes nowhere; a reader's own
 * click may still open the advertiser (`allow-top-navigation-by-user-activation`, popups escaping the sandbox).
 */
export const AD_FRAME_SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation';

const BREAKPOINTS: readonly AdBreakpoint[] = ['mobile', 'tablet', 'desktop'];

/** Where an HTML creative is served, as its own sandboxed document. */
export function adFramePath(slotId: string, position?: AdPlacement['position']): string {
  const where = position ? `?at=${position.placement === 'after-paragraph' ? `p${position.paragraph}` : position.placement}` : '';
  return `/ads/frame/${encodeURIComponent(slotId)}${where}`;
}

/** The size at each breakpoint, cascading upwards (a tablet without its own size uses the mobile one); none = hidden. */
export function sizesByBreakpoint(slot: Pick<AdSlot, 'sizes'>): Partial<Record<AdBreakpoint, AdSize>> {
  const out: Partial<Record<AdBreakpoint, AdSize>> = {};
  let current: AdSize | undefined;
  for (const breakpoint of BREAKPOINTS) {
    current = slot.sizes.find((size) => size.breakpoint === breakpoint) ?? current;
    if (current) out[breakpoint] = current;
  }
  return out;
}

function describe(position: AdPlacement['position']): string {
  if (position.placement === 'top') return 'top of article';
  if (position.placement === 'rail') return 'beside the article';
  return `after paragraph ${position.paragraph}`;
}

/**
 * One ad slot as HTML: a labelled region ("Advertisement") whose box has the creative's exact size at each
 * breakpoint before anything loads — so filled or empty, it never moves the page. Below-the-fold slots (`lazy`) load
 * their creative only as the reader nears them.
 */
export function renderAdSlot({ slot, position }: AdPlacement, { lazy }: { lazy: boolean }): string {
  const sizes = sizesByBreakpoint(slot);
  const vars = BREAKPOINTS.map((breakpoint) => {
    const size = sizes[breakpoint];
    const key = breakpoint[0];
    return size ? `--ad-${key}:block;--ad-w-${key}:${size.width}px;--ad-h-${key}:${size.height}px` : `--ad-${key}:none`;
  }).join(';');
  const loading = lazy ? 'lazy' : 'eager';
  const first = sizes.mobile ?? sizes.tablet ?? sizes.desktop!;
  const creative = slot.creative;
  let inner = '';
  if (creative.kind === 'html') {
    inner = `<iframe class="ad-creative" src="${adFramePath(slot.id, position)}" title="${escapeHtml(slot.label)} (${describe(position)})" sandbox="${AD_FRAME_SANDBOX}" loading="${loading}" referrerpolicy="no-referrer" scrolling="no"></iframe>`;
  } else if (creative.kind === 'house') {
    const body = creative.imageSrc
      ? `<img class="ad-creative" src="${escapeHtml(creative.imageSrc)}" alt="${escapeHtml(creative.imageAlt ?? '')}" width="${first.width}" height="${first.height}" loading="${loading}" decoding="async">`
      : `<span class="ad-house-text">${escapeHtml(creative.imageAlt ?? '')}</span>`;
    inner = creative.link ? `<a class="ad-link" href="${escapeHtml(creative.link)}" rel="sponsored noopener">${body}</a>` : body;
  }
  return (
    `<div class="ad ad-${position.placement}" role="region" aria-label="${escapeHtml(slot.label)} (${describe(position)})" data-ad-slot="${escapeHtml(slot.id)}" style="${vars}">` +
    `<p class="ad-label" aria-hidden="true">${escapeHtml(slot.label)}</p>` +
    `<div class="ad-box">${inner}</div>` +
    `</div>`
  );
}

/**
 * The document an HTML creative runs in. The creative's markup is the advertiser's and is not escaped: it is
 * contained by the iframe sandbox and by the `Content-Security-Policy: sandbox` header the route sends.
 */
export function adFrameDocument(html: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Advertisement</title><style>html,body{margin:0;height:100%;overflow:hidden}</style></head><body>${html}</body></html>`;
}
