import { afterEach } from 'vitest';

const mounted: Element[] = [];

afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
});

/** Puts `markup` in the document (removed after the test) and waits for its news-* elements to render. */
export async function mount<T extends Element = HTMLElement>(markup: string): Promise<T> {
  const container = document.createElement('div');
  container.innerHTML = markup;
  document.body.append(container);
  mounted.push(container);
  await settle(container);
  return container.firstElementChild as T;
}

/** Waits until every Lit element under `root` has finished updating. */
export async function settle(root: ParentNode): Promise<void> {
  for (const element of root.querySelectorAll('*')) {
    await (element as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
  }
}

/** The element's shadow root, which every news-* element has. */
export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root`);
  return element.shadowRoot;
}

/** The element inside the shadow root with part `name`. */
export function part(element: Element, name: string): HTMLElement | null {
  return shadow(element).querySelector(`[part~="${name}"]`);
}

/** Whether the part is laid out (not hidden by `display: none`). */
export function isShown(element: Element | null): boolean {
  return !!element && getComputedStyle(element).display !== 'none';
}

/** Escapes text for an HTML attribute value. */
export function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
