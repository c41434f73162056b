// wrk (Debian's `wrk`), run to completion, and its summary read back.
import { execFileSync, spawn } from 'node:child_process';

import { sum } from './stats.mjs';

function args(url, { threads = 2, connections = 50, seconds, timeoutSeconds }) {
  return [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, ...(timeoutSeconds ? ['--timeout', `${timeoutSeconds}s`] : []), '--latency', url];
}

/** Runs wrk and waits for it (blocking this process, which then takes no CPU from the server). */
export function wrk(url, options) {
  return parseWrk(execFileSync('wrk', args(url, options), { encoding: 'utf8' }));
}

/** Runs wrk in the background: resolves with its summary when it ends. */
export function wrkAsync(url, options) {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args(url, options));
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', () => resolve(parseWrk(output)));
  });
}

/**
 * requests/s (rounded), `errors` (socket errors plus non-2xx/3xx answers, as the reader-site table counts them), the
 * p99 latency as wrk prints it, and the parts.
 */
export function parseWrk(out) {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = socket ? sum(socket.slice(1).map(Number)) : 0;
  const p99 = /\s99%\s+([\d.]+\w+)/.exec(out)?.[1];
  return { rps: Math.round(rps), errors: non2xx + socketErrors, p99, requests, non2xx, socketErrors, output: out };
}
