// Small HTTP helpers for the benchmarks: free ports, waiting for a server, timed fetches.
import { createServer } from 'node:net';

import { sleep } from './processes.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 2xx; false after `timeoutMs` or once `isAlive()` says the server died. */
export async function waitForHttp(url, timeoutMs, isAlive = () => true) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) return false;
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return true;
    } catch {
      /* not yet */
    }
    await sleep(250);
  }
  return false;
}

/** GET `url`: status, body (a Buffer), headers and the milliseconds until the whole body arrived. */
export async function timedGet(url, headers = {}) {
  const started = performance.now();
  const response = await fetch(url, { headers, redirect: 'manual' });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, body, headers: response.headers, ms: performance.now() - started };
}
