import { cdp } from 'vitest/browser';
import { afterEach } from 'vitest';

/** Emulates CSS media features (prefers-color-scheme, prefers-reduced-motion) through the Chrome DevTools Protocol. */
export async function emulateMedia(features: Record<string, string>): Promise<void> {
  await cdp().send('Emulation.setEmulatedMedia', { features: Object.entries(features).map(([name, value]) => ({ name, value })) });
}

afterEach(async () => {
  await emulateMedia({});
});
