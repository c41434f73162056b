// What a stack's processes spend: CPU ticks (utime + stime from /proc/<pid>/stat) summed over process groups, waiting
// for a stack to fall quiet, and the resident memory of each process.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { commandLine, groupPids, procStat, sleep } from '../../../apps/web/scripts/bench/lib/processes.mjs';

export const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const PAGE_BYTES = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;

/**
 * The processes of one entry of `groups`: a number is a process group; `{ tree: pid }` is a process and its children
 * (PostgreSQL's backends each lead a session of their own, so they are not in the postmaster's group).
 */
function pidsOf(spec) {
  if (typeof spec === 'number') return groupPids(spec);
  const children = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = procStat(Number(name));
    if (stat && stat.ppid === spec.tree && stat.state !== 'Z') children.push(stat.pid);
  }
  return [spec.tree, ...children];
}

/**
 * `groups`: { name: pgid or { tree: pid } }. Ticks spent so far by each live process (`byPid`, keyed `name:pid`), by
 * each group and in all.
 */
export function ticks(groups) {
  const byGroup = {};
  const byPid = {};
  let total = 0;
  for (const [name, spec] of Object.entries(groups)) {
    let sum = 0;
    for (const pid of pidsOf(spec)) {
      const stat = procStat(pid);
      if (!stat) continue;
      byPid[`${name}:${pid}`] = stat.utime + stat.stime;
      sum += stat.utime + stat.stime;
    }
    byGroup[name] = sum;
    total += sum;
  }
  return { byGroup, byPid, total };
}

/**
 * Ticks spent between two readings, by group and in all: each process's own difference, the whole life of one that
 * started in between, nothing for one that ended in between (what it spent is gone with it — PostgreSQL ends idle
 * backends, the CMS's pool opens new ones), so never less than zero.
 */
export function spent(before, after) {
  const byGroup = {};
  let total = 0;
  for (const [key, now] of Object.entries(after.byPid)) {
    const delta = Math.max(0, now - (before.byPid[key] ?? 0));
    const group = key.slice(0, key.lastIndexOf(':'));
    byGroup[group] = (byGroup[group] ?? 0) + delta;
    total += delta;
  }
  return { byGroup, total };
}

/** Ticks per second the groups spend doing nothing in particular (timers, health checks), over `ms`. */
export async function idleRate(groups, ms = 3000) {
  const before = ticks(groups);
  await sleep(ms);
  return (spent(before, ticks(groups)).total * 1000) / ms;
}

/**
 * Waits until a window of `windowMs` in which the groups spent at most `maxTicks`; resolves with the ticks and time
 * at that window's start (the moment the work was over), or after `timeoutMs` with `quiet: false`.
 */
export async function untilQuiet(groups, { windowMs = 1000, maxTicks = 3, timeoutMs = 60_000 } = {}) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const at = performance.now();
    const start = ticks(groups);
    await sleep(windowMs);
    const end = ticks(groups);
    if (spent(start, end).total <= maxTicks) return { ...start, at, quiet: true };
    if (performance.now() > deadline) return { ...end, at: performance.now(), quiet: false };
  }
}

/** The PostgreSQL server's processes: its postmaster (first line of postmaster.pid in the data folder) and children. */
export function postgresProcesses(dataDir) {
  return { tree: Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) };
}

/** Resident memory of every live process in the groups, named for what it is; PostgreSQL's processes summed. */
export function residentMemory(groups) {
  const rows = [];
  for (const [group, spec] of Object.entries(groups)) {
    const pids = pidsOf(spec);
    if (group === 'postgres') {
      const bytes = pids.reduce((sum, pid) => sum + (procStat(pid)?.rssPages ?? 0) * PAGE_BYTES, 0);
      rows.push({ group, process: `postgres (${pids.length} processes, summed)`, bytes });
      continue;
    }
    for (const pid of pids) {
      const stat = procStat(pid);
      if (stat) rows.push({ group, process: describe(stat.comm, commandLine(pid)), bytes: stat.rssPages * PAGE_BYTES });
    }
  }
  return rows;
}

function describe(comm, cmd) {
  if (comm.startsWith('next-server') || /next\/dist\/bin\/next start/.test(cmd)) return 'next start (next-server)';
  if (cmd.includes('serve.mjs')) return 'front door (serve.mjs)';
  if (comm === 'sh') return 'sh';
  if (comm === 'npm' || cmd.startsWith('npm')) return 'npm';
  // tsx runs the script in a child node process (with its loader) and waits for it.
  if (cmd.includes('cli/start.ts')) return /tsx\/dist\/(loader|preflight)/.test(cmd) ? 'CMS launcher (src/cli/start.ts, waits on next start)' : 'tsx';
  return comm;
}
