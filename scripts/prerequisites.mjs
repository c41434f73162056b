// Makes sure the programs the test suites drive are on this machine: Debian's Chromium, PostgreSQL server binaries,
// exiftool (the tests read photo metadata back with a reader other than the CMS's own), and for the multi-instance suite Varnish with varnish-modules (xkey), Redis, nginx and wrk. Installs them with
// apt-get when running as root; otherwise says, in one line, what to install.
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

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const hasXkey = () => spawnSync('sh', ['-c', 'ls /usr/lib/*/varnish/vmods/libvmod_xkey.so'], { stdio: 'ignore' }).status === 0;

function missingPackages() {
  const missing = [];
  if (!existsSync(chromiumPath)) missing.push('chromium');
  if (!postgresBinDir()) missing.push('postgresql');
  // The multi-instance suite runs the cluster's engines and loads it with wrk.
  if (!has('varnishd')) missing.push('varnish');
  if (!hasXkey()) missing.push('varnish-modules');
  if (!has('redis-server')) missing.push('redis-server');
  if (!has('nginx')) missing.push('nginx');
  if (!has('wrk')) missing.push('wrk');
  if (!has('exiftool')) missing.push('libimage-exiftool-perl');
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
