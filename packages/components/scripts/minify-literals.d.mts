/** Minifies the static text of a css`` template. */
export function minifyCss(text: string): string;
/** Minifies the static text of an html`` template. */
export function minifyHtml(text: string): string;
/** Rewrites every html`` and css`` template in a module. */
export function minifyLiterals(code: string, fileName?: string): string;
/** An esbuild plugin applying minifyLiterals to the package's own TypeScript sources. */
export function minifyLiteralsPlugin(): { name: string; setup(build: unknown): void };
