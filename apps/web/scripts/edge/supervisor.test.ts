// The supervisor with a real child process: a small Node server that listens on the port it is given (and, told
// so, dies after a while or before listening at all).
import { afterEach, describe, expect, it } from 'vitest';

import { accepting, supervise } from './supervisor.mjs';

const CHILD = `
const http = require('node:http');
const [port, mode] = process.argv.slice(1);
if (mode === 'never-listens') process.exit(3);
http.createServer((req, res) => res.end('child ' + process.pid)).listen(Number(port), '127.0.0.1');
if (mode === 'dies') setTimeout(() => process.exit(1), 300);
process.on('SIGTERM', () => { console.log('got SIGTERM'); process.exit(0); });
`;

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
});

function start(mode: string, extra: Partial<Parameters<typeof supervise>[0]> = {}) {
  return supervise({
    command: process.execPath,
    args: (port) => ['-e', CHILD, String(port), mode],
    env: () => ({ ...process.env }),
    stdio: 'ignore',
    log: () => {},
    ...extra,
  }).then((child) => {
    stops.push(() => child.stop('SIGTERM'));
    return child;
  });
}

describe('supervise', () => {
  it('starts the child on a free loopback port and frees it on stop', async () => {
    const child = await start('stays');
    await child.ready;
    expect(await accepting('127.0.0.1', child.port)).toBe(true);
    await child.stop('SIGTERM');
    expect(await accepting('127.0.0.1', child.port)).toBe(false);
  });

  it('restarts a child that dies after serving, on a new port, backing off when it keeps dying', async () => {
    const ports: number[] = [];
    const restartedAt: number[] = [];
    const readyOn: [number, number][] = [];
    const child = await start('dies', {
      initialBackoffMs: 200,
      onPort: (port) => {
        ports.push(port);
        restartedAt.push(performance.now());
      },
      onReady: (port, restarts) => readyOn.push([port, restarts]),
    });
    await child.ready;
    await expect.poll(() => ports.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    // Told each time a child accepts connections: the first, then each restarted one, on its own port.
    await expect.poll(() => readyOn.length, { timeout: 5000 }).toBeGreaterThanOrEqual(3);
    expect(readyOn[0]![1]).toBe(0);
    for (const [index, [port, restarts]] of readyOn.slice(1).entries()) {
      expect(restarts).toBe(index + 1);
      expect(port).toBe(ports[index]);
    }
    // Each child lives ~300 ms; the waits before restarts grow 200, 400, … ms.
    const gaps = restartedAt.slice(1).map((at, i) => at - restartedAt[i]!);
    expect(gaps[1]!).toBeGreaterThan(gaps[0]! + 100);
    await expect.poll(() => accepting('127.0.0.1', child.port), { timeout: 5000 }).toBe(true);
    await child.stop('SIGTERM');
    for (const port of ports) expect(await accepting('127.0.0.1', port)).toBe(false);
  });

  it('gives up on a child that exits before it ever listens', async () => {
    let gaveUp: number | null = null;
    const ports: number[] = [];
    await start('never-listens', { onGiveUp: (code) => (gaveUp = code), onPort: (port) => ports.push(port) });
    await expect.poll(() => gaveUp, { timeout: 5000 }).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(ports).toEqual([]);
  });

  it('kills a child that ignores the stop signal after the grace period', async () => {
    const stubborn = `
      const http = require('node:http');
      process.on('SIGTERM', () => {});
      http.createServer((req, res) => res.end('x')).listen(Number(process.argv[1]), '127.0.0.1');
    `;
    const child = await supervise({ command: process.execPath, args: (port) => ['-e', stubborn, String(port)], env: () => ({ ...process.env }), stdio: 'ignore', killGraceMs: 300, log: () => {} });
    await child.ready;
    const started = performance.now();
    await child.stop('SIGTERM');
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(await accepting('127.0.0.1', child.port)).toBe(false);
  });
});
