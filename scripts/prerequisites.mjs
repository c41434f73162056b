// Makes sure the programs the test suites drive are on this machine: Debian's Chromium and PostgreSQL server
// binaries. Installs them with apt-get when running as root; otherwise says, in one line, what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export function postgresBinDir() {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(`${root}/${v}/bin/initdb`)).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? `${root}/${versions[0]}/bin` : undefined;
}

function missingPackages() {
  const missing = [];
  if (!existsSync(chromiumPath)) missing.push('chromium');
  if (!postgresBinDir()) missing.push('postgresql');
  return missing;
}

/**
 * Undefined when everything is there (installing it first with apt-get when root and `install` is set), else one
 * line saying what is missing and how to install it.
 */
export function missingPrerequisites({ install = true } = {}) {
  const missing = missingPackages();
  if (missing.length === 0) return undefined;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  const howTo = `install with "sudo apt-get install -y ${missing.join(' ')}" (Chromium at ${chromiumPath}, or set CHROME_PATH)`;
  if (!install || !isRoot || !hasApt) return `Missing ${missing.join(' and ')}: ${howTo}, then run npm test again.`;
  console.log(`Installing ${missing.join(', ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  } catch (error) {
    return `apt-get could not install ${missing.join(' and ')} (${error.message.split('\n')[0]}): ${howTo}.`;
  }
  const still = missingPackages();
  return still.length === 0 ? undefined : `apt-get finished but ${still.join(' and ')} is still missing: install it by hand.`;
}

/** For tools that cannot go on without them: installs or exits with the one line. */
export function ensurePrerequisites() {
  const missing = missingPrerequisites();
  if (missing) {
    console.error(missing);
    process.exit(1);
  }
}
