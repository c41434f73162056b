// A small process supervisor for `npm start` and `npm run start:cluster`: each service runs in its own process group
// (so stopping it stops what it spawned — npm, tsx, next-server), is restarted with exponential backoff when it dies
// on its own, and everything is stopped — TERM, then KILL after a grace period — on SIGINT, SIGTERM or SIGHUP.
import { spawn } from 'node:child_process';

/**
 * @typedef {{ name: string, command: string, args: string[], cwd?: string, env?: NodeJS.ProcessEnv,
 *   restart?: boolean, onStart?: (child: import('node:child_process').ChildProcess) => void }} ServiceSpec
 */

export class Supervisor {
  /** @type {Map<string, { spec: ServiceSpec, child?: import('node:child_process').ChildProcess, failures: number, timer?: NodeJS.Timeout, startedAt: number }>} */
  services = new Map();
  stopping = false;

  constructor({ log = (line) => console.error(line), minBackoffMs = 500, maxBackoffMs = 15_000 } = {}) {
    this.log = log;
    this.minBackoffMs = minBackoffMs;
    this.maxBackoffMs = maxBackoffMs;
    /** Called with (code) once everything has stopped. */
    this.onStopped = (code) => process.exit(code);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => this.stop(0));
  }

  /** Starts a service; it is restarted with backoff if it exits while the supervisor is running (unless restart: false). */
  start(spec) {
    const entry = { spec, failures: 0, startedAt: 0 };
    this.services.set(spec.name, entry);
    this.#launch(entry);
    return entry;
  }

  /** The running child of a service, if any. */
  child(name) {
    return this.services.get(name)?.child;
  }

  #launch(entry) {
    if (this.stopping) return;
    const { spec } = entry;
    entry.startedAt = Date.now();
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env ?? process.env, stdio: 'inherit', detached: true });
    entry.child = child;
    spec.onStart?.(child);
    child.on('exit', (code, signal) => {
      if (entry.child === child) entry.child = undefined;
      if (this.stopping) return this.#maybeDone();
      if (spec.restart === false) {
        this.log(`${spec.name} stopped (${signal ?? `exit ${code}`}); stopping the rest`);
        return this.stop(code ?? 1);
      }
      // A run that lasted a minute resets the backoff: it was a crash, not a crash loop.
      if (Date.now() - entry.startedAt > 60_000) entry.failures = 0;
      const delay = Math.min(this.maxBackoffMs, this.minBackoffMs * 2 ** entry.failures++);
      this.log(`${spec.name} stopped (${signal ?? `exit ${code}`}); restarting in ${(delay / 1000).toFixed(1)} s`);
      entry.timer = setTimeout(() => this.#launch(entry), delay);
    });
  }

  /** Stops every service: SIGTERM to each process group, SIGKILL to what is left after `graceMs`. */
  stop(code = 0, graceMs = 5000) {
    if (this.stopping) return;
    this.stopping = true;
    this.exitCode = code;
    for (const entry of this.services.values()) {
      clearTimeout(entry.timer);
      if (entry.child) signalGroup(entry.child, 'SIGTERM');
    }
    const force = setTimeout(() => {
      for (const entry of this.services.values()) if (entry.child) signalGroup(entry.child, 'SIGKILL');
    }, graceMs);
    force.unref();
    this.#maybeDone();
  }

  #maybeDone() {
    if ([...this.services.values()].some((entry) => entry.child)) return;
    this.onStopped(this.exitCode ?? 0);
  }
}

export function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** Polls `url` until it answers 2xx, the service's child exits, or the time is up. */
export async function waitForHttp(url, { timeoutMs = 120_000, isAlive = () => true } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) return false;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return true;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
