import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Minified, gzip (level 9) and brotli (quality 11) sizes of some bytes. */
export function measure(bytes) {
  const buffer = Buffer.from(bytes);
  return {
    min: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
    }).length,
  };
}

/** Every way `sizes` exceeds `budget` (both keyed by compression), as messages; empty when within budget. */
export function overBudget(name, sizes, budget) {
  return Object.entries(budget)
    .filter(([kind, limit]) => sizes[kind] > limit)
    .map(([kind, limit]) => `${name}: ${sizes[kind]} B ${kind} is over the budget of ${limit} B`);
}
