// Processes a benchmark starts: each in its own process group (so stopping it stops what it spawned — npm, tsx,
// next-server), stopped with SIGTERM and then SIGKILL, and all of them stopped if the benchmark exits early.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';

const running = new Set();

process.on('exit', () => {
  for (const child of running) signalGroup(child.pid, 'SIGTERM');
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

/**
 * Starts `command` detached in a process group of its own. Its stdout goes to `logFile` (or nowhere; or to
 * `child.stdout` with `pipeStdout`), its stderr to `logFile` (or this process's stderr).
 */
export function startProcess(command, args, { cwd, env = process.env, logFile, pipeStdout = false } = {}) {
  const fd = logFile ? openSync(logFile, 'a') : undefined;
  const stdout = pipeStdout ? 'pipe' : (fd ?? 'ignore');
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', stdout, fd ?? 'inherit'] });
  if (fd !== undefined) closeSync(fd);
  running.add(child);
  return child;
}

/** Stops a process group: SIGTERM, then SIGKILL for whatever is left after `graceMs`; resolves once it is gone. */
export async function stopProcess(child, graceMs = 8000) {
  if (!child?.pid) return;
  signalGroup(child.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && groupAlive(child.pid)) await sleep(100);
  if (groupAlive(child.pid)) {
    signalGroup(child.pid, 'SIGKILL');
    const hard = Date.now() + 5000;
    while (Date.now() < hard && groupAlive(child.pid)) await sleep(100);
  }
  running.delete(child);
}

/** Stops every process group started here that is still running. */
export async function stopAll() {
  await Promise.all([...running].map((child) => stopProcess(child)));
}

export function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    /* gone */
  }
}

/** Whether any process (not a zombie) is left in process group `pgid`. */
export function groupAlive(pgid) {
  return groupPids(pgid).length > 0;
}

/** The live processes of process group `pgid`, read from /proc. */
export function groupPids(pgid) {
  const pids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = procStat(Number(name));
    if (stat && stat.pgrp === pgid && stat.state !== 'Z') pids.push(stat.pid);
  }
  return pids;
}

/**
 * `/proc/<pid>/stat`: the command, state, process group, CPU ticks spent in user and kernel mode, and resident pages;
 * undefined when the process is gone.
 */
export function procStat(pid) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const close = text.lastIndexOf(')');
  const comm = text.slice(text.indexOf('(') + 1, close);
  // Fields from the third on (state), numbered as in proc(5) minus 3.
  const fields = text.slice(close + 2).split(' ');
  return {
    pid,
    comm,
    state: fields[0],
    ppid: Number(fields[1]),
    pgrp: Number(fields[2]),
    utime: Number(fields[11]),
    stime: Number(fields[12]),
    rssPages: Number(fields[21]),
  };
}

/** The command line of a process, as one string ('' when it is gone). */
export function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
