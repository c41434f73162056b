import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export type LoadResult = { requests: number; rps: number; p99Ms: number; errors: number; non2xx: number; output: string };

/**
 * Keeps `connections` connections busy on `url` for `seconds` with wrk (Debian's `wrk`), and reads its summary:
 * requests, requests/s, p99 latency, socket errors and non-2xx/3xx answers.
 */
export function loadTest(url: string, { connections, seconds, threads = 2 }: { connections: number; seconds: number; threads?: number }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '10s', '--latency', url]);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', () => resolve(parseWrk(output)));
  });
}

export function parseWrk(output: string): LoadResult {
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? 0);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)\b/.exec(output);
  const p99Ms = p99 ? Number(p99[1]) * ({ us: 0.001, ms: 1, s: 1000 } as const)[p99[2] as 'us' | 'ms' | 's'] : NaN;
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const errors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  return { requests, rps, p99Ms, errors, non2xx, output };
}

/** The pid of the process listening on a loopback TCP port (the server itself, e.g. next-server, not its parent). */
export function listeningPid(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile('ss', ['-Htlnp', `sport = :${port}`], (error, stdout) => {
      const pid = /pid=(\d+)/.exec(stdout)?.[1];
      if (error || !pid) reject(new Error(`nothing listens on :${port}${error ? ` (${error.message})` : ''}`));
      else resolve(Number(pid));
    });
  });
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
