/**
 * Payload's generated document types live in packages/cms-types (`npm run generate:types -w @newsroom/cms` writes
 * them there), shared with the reader site. This file types the CMS's Local API with them.
 */
import type { Config } from '@newsroom/cms-types';

export type * from '@newsroom/cms-types';

declare module 'payload' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- Payload's own way to register the types
  export interface GeneratedTypes extends Config {}
}
