import { expect, type Page } from '@playwright/test';

/** Collects every dialog a page opens (and dismisses it): a hostile payload's favourite proof of life. */
export function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}

/** Elements, in the document and every open shadow root, carrying an event handler or a script URL. */
export async function unsafeAttributes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) found.push(`${el.localName}[${attr.name}]`);
          if (/^(href|src|action|formaction|srcdoc)$/i.test(attr.name) && /^\s*(javascript|data:text\/html|vbscript)/i.test(attr.value)) {
            found.push(`${el.localName}[${attr.name}]`);
          }
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return found;
  });
}

/**
 * Gives event-handler payloads (onerror, onload, onfocus) their chance to fire, then checks that nothing set
 * `window.__pwned` and that no element carries a handler or a script URL.
 */
export async function expectNothingRan(page: Page, where: string): Promise<void> {
  await page.waitForTimeout(150);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), where).toBeUndefined();
  expect(await unsafeAttributes(page), where).toEqual([]);
}
