import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Names of the content-hashed browser files that scripts/build-client.mjs wrote, e.g. `widgets`. */
export interface ClientAssets {
  widgets?: string;
  'live-preview'?: string;
}

let assets: ClientAssets | undefined;

/** Read once per process; empty (pages then load no script) when the client build has not run. */
export function clientAssets(): ClientAssets {
  if (!assets) {
    try {
      const file = path.join(/* turbopackIgnore: true */ process.cwd(), 'public', '_assets', 'manifest.json');
      assets = JSON.parse(readFileSync(file, 'utf8')) as ClientAssets;
    } catch {
      assets = {};
    }
  }
  return assets;
}
