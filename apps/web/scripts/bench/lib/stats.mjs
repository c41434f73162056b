// Arithmetic the benchmarks report with.

/** The `p` quantile (0–1) of ascending `sorted`, nearest rank. */
export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

export function ascending(values) {
  return [...values].sort((a, b) => a - b);
}

export function sum(values) {
  return values.reduce((a, b) => a + b, 0);
}

export function median(values) {
  return percentile(ascending(values), 0.5);
}
