import { type CmsClient, createCmsClient } from './cms-client';
import { siteConfig } from './site-config';

const KEY = Symbol.for('newsroom.web.cmsClient');
type Holder = { [KEY]?: CmsClient };

/**
 * The site's CMS client, one per server process, reading `CMS_URL`. Kept on globalThis because Next bundles each
 * route separately: a module-level variable would give every route its own client and its own memo.
 */
export function cms(): CmsClient {
  const holder = globalThis as Holder;
  holder[KEY] ??= createCmsClient({ baseUrl: siteConfig().cmsUrl, timeoutMs: 4000, memoMs: 1000, readerSecret: siteConfig().revalidateSecret });
  return holder[KEY];
}
