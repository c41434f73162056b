/**
 * The only script a reader page loads. The server already rendered every widget into a declarative shadow root; this
 * makes them live without rendering them again. Lit's hydration support comes first (it must patch LitElement before
 * LitElement loads); then each element present on the page is defined — and so hydrated — in an idle period of its
 * own, so no single task blocks the main thread for long (Lighthouse's TBT) and elements a page lacks never load.
 */
import { hydrateDeferred } from '@newsroom/components/hydrate';

const elements: [tag: string, load: () => Promise<unknown>][] = [
  ['news-photo-caption', () => import('@newsroom/components/photo-caption.js')],
  ['news-article-card', () => import('@newsroom/components/article-card.js')],
  ['news-related-headlines', () => import('@newsroom/components/related-headlines.js')],
];

const idle = () =>
  new Promise<void>((resolve) => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 500 });
    else setTimeout(resolve, 1);
  });

for (const [tag, load] of elements) {
  if (!document.querySelector(tag)) continue;
  await idle();
  await load();
}
await hydrateDeferred();
