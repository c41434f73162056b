/**
 * The CMS's documents, as Payload generates their types from the CMS's collections (`payload-types.ts`, written by
 * `npm run generate:types -w @newsroom/cms`; never edited by hand). The CMS and the reader site both import them from
 * here — the site never imports the CMS app. Types only: nothing here runs.
 */
export type * from './payload-types';
