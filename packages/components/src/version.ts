/** The version of `@newsroom/components`; kept equal to package.json by a test. `define()` uses it to spot clashes. */
export const VERSION = '0.1.0';
