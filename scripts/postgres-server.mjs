// A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temp folder, listen on a
// private loopback port, stop and delete on request. PostgreSQL refuses to run as root, so as
// root the server runs as the `postgres` system user that Debian's package creates.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensurePrerequisites, postgresBinDir } from './prerequisites.mjs';

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function userIds(name) {
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Starts a cluster; resolves to `{ url, port, dir, stop() }`. `url` points at the `postgres` database. */
export async function startTemporaryPostgres() {
  if (!postgresBinDir()) ensurePrerequisites();
  const bin = postgresBinDir();
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? userIds('postgres') : undefined;
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const run = (program, args) => {
    const result = spawnSync(path.join(bin, program), args, {
      encoding: 'utf8',
      ...(ids ? { uid: ids.uid, gid: ids.gid } : {}),
      env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
    });
    if (result.status !== 0) {
      throw new Error(`${program} failed (exit ${result.status}): ${result.stderr || result.stdout || result.error?.message}`);
    }
  };
  run('initdb', ['-D', data, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    dir,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** `postgres://…/postgres` → the same server, database `name`. */
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
