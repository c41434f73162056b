// One-line progress and failure messages on stderr, prefixed with the benchmark's name.

export function logger(prefix) {
  return {
    log(message) {
      console.error(`${prefix}: ${message}`);
    },
    fail(message) {
      console.error(`${prefix}: ${message}`);
      process.exit(1);
    },
  };
}
