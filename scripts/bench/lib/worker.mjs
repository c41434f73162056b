// Runs the archive worker (./archive.mjs) the way the CMS runs its own scripts — `NODE_OPTIONS=--conditions=production
// tsx`, from apps/cms — and hands each JSON line it prints to `onEvent`.
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { startProcess, stopProcess } from '../../../apps/web/scripts/bench/lib/processes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const tsxCli = createRequire(path.join(root, 'package.json')).resolve('tsx/cli');

/** Resolves with the worker's last `done` event; rejects with its `error` event or when it exits without one. */
export function runArchiveWorker(args, env, { logFile, onEvent = () => {} } = {}) {
  const child = startProcess(process.execPath, [tsxCli, path.join(here, 'archive.mjs'), ...args], {
    cwd: path.join(root, 'apps', 'cms'),
    env: { ...env, NODE_OPTIONS: '--conditions=production' },
    logFile,
    pipeStdout: true,
  });
  return new Promise((resolve, reject) => {
    let done;
    let failed;
    createInterface({ input: child.stdout }).on('line', (line) => {
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        return;
      }
      if (event.event === 'done') done = event;
      if (event.event === 'error') failed = event.message;
      onEvent(event);
    });
    child.on('exit', async (code) => {
      await stopProcess(child);
      if (done && code === 0) resolve(done);
      else reject(new Error(`the archive worker (${args.join(' ')}) failed${failed ? `: ${failed}` : ` with exit ${code}`}${logFile ? ` (log: ${logFile})` : ''}`));
    });
  });
}
