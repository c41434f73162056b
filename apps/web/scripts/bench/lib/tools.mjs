// The programs a benchmark drives (nginx, wrk, …): installed with apt-get when missing and running as root, else
// the benchmark stops with one line saying what to install. And a description of the machine for the report.
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** `tools`: [command, Debian package] pairs (or plain names when they are the same). */
export function ensureTools(tools, { what, log, fail }) {
  const missing = tools.map((tool) => (Array.isArray(tool) ? tool : [tool, tool])).filter(([command]) => !has(command)).map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0 || !has('apt-get')) {
    fail(`${what} needs ${missing.join(' and ')}: install with "sudo apt-get install -y ${missing.join(' ')}", then run it again.`);
  }
  log(`installing ${missing.join(', ')} with apt-get …`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: aptEnv });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env: aptEnv });
}

export function machine(chromePath) {
  const chromium = chromePath ? spawnSync(chromePath, ['--version'], { encoding: 'utf8' }).stdout?.trim() : undefined;
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim(),
    node: process.versions.node,
    load: os.loadavg()[0].toFixed(2),
    ...(chromePath ? { chromium } : {}),
  };
}
