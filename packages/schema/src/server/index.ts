// `@newsroom/schema/server`: what both apps need on the server only (Node built-ins), kept out of the main entry that
// the browser bundles and the Lit components import.
export { presentedSecret, secretMatches } from './secret.js';
