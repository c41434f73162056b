// @ts-check
// Keeps one child server (here `next start`) running on a free loopback port: restarts it with backoff when it dies
// after having served, gives up when it cannot start at all (not built, bad config), passes signals on, and never
// leaves it running — or its port bound — after we stop.
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';

/**
 * A port the kernel has just handed out on `host` and that nobody holds now.
 * @param {string} host
 * @returns {Promise<number>}
 */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Whether something accepts TCP connections on host:port.
 * @param {string} host
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export function accepting(host, port) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * @typedef {object} SuperviseOptions
 * @property {string} command
 * @property {(port: number) => string[]} args  the child's arguments for the port it must listen on
 * @property {(port: number) => NodeJS.ProcessEnv} env
 * @property {string} [cwd]
 * @property {string} [host]  where the child listens; loopback
 * @property {'inherit' | 'ignore' | 'pipe'} [stdio]
 * @property {number} [initialBackoffMs]  the first restart's delay; doubled for each quick death in a row
 * @property {number} [maxBackoffMs]
 * @property {number} [stableMs]  a child that served this long before dying is restarted at once
 * @property {number} [killGraceMs]  after the stop signal, SIGKILL
 * @property {(port: number) => void} [onPort]  the child (re)starts on a new port
 * @property {(port: number, restarts: number) => void} [onReady]  the child accepts connections: at start, and after each restart
 * @property {(code: number | null, signal: NodeJS.Signals | null) => void} [onGiveUp]  it died before ever listening
 * @property {(message: string) => void} [log]
 */

/**
 * Starts the child and supervises it until `stop()`.
 * @param {SuperviseOptions} options
 */
export async function supervise(options) {
  const {
    command,
    args,
    env,
    cwd,
    host = '127.0.0.1',
    stdio = 'inherit',
    initialBackoffMs = 500,
    maxBackoffMs = 30_000,
    stableMs = 30_000,
    killGraceMs = 10_000,
    onPort = () => {},
    onReady = () => {},
    onGiveUp = () => {},
    log = (message) => console.error(message),
  } = options;

  let port = await freePort(host);
  /** @type {import('node:child_process').ChildProcess | null} */
  let child = null;
  let stopping = false;
  let everReady = false;
  let quickDeaths = 0;
  let restarts = 0;
  /** @type {NodeJS.Timeout | null} */
  let restartTimer = null;
  /** @type {() => void} */
  let markReady = () => {};
  /** @type {Promise<void>} */
  const ready = new Promise((resolve) => (markReady = resolve));
  /** @type {(value: void) => void} */
  let markStopped = () => {};
  const stopped = new Promise((resolve) => (markStopped = resolve));

  const killOnExit = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  // Whatever ends this process, the child goes too.
  process.once('exit', killOnExit);

  const launch = () => {
    const startedAt = Date.now();
    const current = spawn(command, args(port), { cwd, env: env(port), stdio });
    child = current;
    const listeningAt = port;
    void (async () => {
      while (child === current && current.exitCode === null && current.signalCode === null) {
        if (await accepting(host, listeningAt)) {
          everReady = true;
          markReady();
          if (child === current && !stopping) onReady(listeningAt, restarts);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    current.on('exit', async (code, signal) => {
      if (child === current) child = null;
      if (stopping) return markStopped();
      if (!everReady) {
        log(`next start exited (${signal ?? code}) before it served a request; not restarting it`);
        process.off('exit', killOnExit);
        markStopped();
        return onGiveUp(code, signal);
      }
      const ranFor = Date.now() - startedAt;
      quickDeaths = ranFor >= stableMs ? 0 : quickDeaths + 1;
      const delay = quickDeaths === 0 ? 0 : Math.min(maxBackoffMs, initialBackoffMs * 2 ** (quickDeaths - 1));
      log(`next start exited (${signal ?? code}) after ${Math.round(ranFor / 1000)} s; restarting it in ${delay} ms`);
      restartTimer = setTimeout(async () => {
        restartTimer = null;
        if (stopping) return markStopped();
        // A fresh port: the old one may still be in TIME_WAIT or taken meanwhile.
        port = await freePort(host);
        if (stopping) return markStopped();
        restarts++;
        onPort(port);
        launch();
      }, delay);
    });
  };
  launch();

  return {
    /** The port the child listens (or will listen) on now. */
    get port() {
      return port;
    },
    get pid() {
      return child?.pid;
    },
    get restarts() {
      return restarts;
    },
    /** Resolves once the child has accepted a connection for the first time. */
    ready,
    /**
     * Sends the child `signal`, SIGKILLs it after the grace period, resolves when it has exited.
     * @param {NodeJS.Signals} [signal]
     */
    async stop(signal = 'SIGTERM') {
      stopping = true;
      if (restartTimer) {
        clearTimeout(restartTimer);
        restartTimer = null;
        markStopped();
      }
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) {
        markStopped();
      } else {
        running.kill(signal);
        const force = setTimeout(() => running.kill('SIGKILL'), killGraceMs);
        running.once('exit', () => clearTimeout(force));
      }
      await stopped;
      process.off('exit', killOnExit);
    },
  };
}
