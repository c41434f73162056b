// `cem analyze` (run by `npm run build`) writes dist/custom-elements.json from the JSDoc on the element classes.
export default {
  globs: ['src/**/*.component.ts', 'src/events/*.ts'],
  outdir: 'dist',
  litelement: true,
  dependencies: false,
};
