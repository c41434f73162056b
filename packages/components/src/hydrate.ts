/**
 * Hydration support for server-rendered elements. Import this module BEFORE anything that imports `lit`
 * (it patches LitElement as LitElement loads), then the elements:
 *
 * ```js
 * import '@newsroom/components/hydrate';
 * import '@newsroom/components';
 * ```
 *
 * Elements rendered with `defer-hydration` (e.g. a headline list whose data came as a property) wait until that
 * attribute is removed; `hydrateDeferred()` removes it once their data is in place.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';

const TAGS = ['news-article-card', 'news-photo-caption', 'news-related-headlines'];

/**
 * Lets every `news-*` element under `root` that carries `defer-hydration` hydrate, once its tag is defined.
 * Set any property data first (a headline list reads its inline JSON child by itself). Resolves when they have.
 * Elements inside other shadow roots are not found from `document`: pass that shadow root.
 */
export async function hydrateDeferred(root: ParentNode = document): Promise<void> {
  const deferred = [...root.querySelectorAll(TAGS.map((tag) => `${tag}[defer-hydration]`).join())];
  await Promise.all(deferred.map((element) => customElements.whenDefined(element.localName)));
  for (const element of deferred) element.removeAttribute('defer-hydration');
  await Promise.all(deferred.map((element) => (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete));
}
