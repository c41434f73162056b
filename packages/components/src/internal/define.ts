import { VERSION } from '../version.js';

type VersionedElement = CustomElementConstructor & { newsVersion?: string };

/**
 * Registers a custom element unless the tag is taken, without throwing: third-party pages may load our bundle twice,
 * or two versions of it. The same version again is ignored. Another version (or another script's element) is kept,
 * and the first such clash on the page logs one console warning; the flag lives on `customElements`, which every copy
 * of this package on the page shares, so later clashes (other tags, other copies) stay quiet.
 */
export function define(tag: string, element: CustomElementConstructor, version: string = VERSION): void {
  const registry: CustomElementRegistry & { newsWarned?: boolean } = customElements;
  const existing = registry.get(tag) as VersionedElement | undefined;
  if (!existing) {
    registry.define(tag, element);
    (element as VersionedElement).newsVersion = version;
  } else if (existing.newsVersion != version && !registry.newsWarned) {
    registry.newsWarned = true;
    console.warn(`@newsroom/components ${version}: <${tag}> is taken by ${existing.newsVersion ?? 'another script'}`);
  }
}
