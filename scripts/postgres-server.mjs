// PostgreSQL servers for tests, benchmarks and `npm run start:cluster`: initdb into a folder, listen on a private
// loopback port, stop (and, for throwaway ones, delete) on request. Optionally a streaming replica of it, made with
// pg_basebackup the way a managed database makes one. PostgreSQL refuses to run as root, so as root the servers run
// as the `postgres` system user that Debian's package creates.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensurePrerequisites, postgresBinDir } from './prerequisites.mjs';

export async function freePort() {
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

function runner() {
  if (!postgresBinDir()) ensurePrerequisites();
  const bin = postgresBinDir();
  const ids = process.getuid?.() === 0 ? userIds('postgres') : undefined;
  const run = (program, args) => {
    const result = spawnSync(path.join(bin, program), args, {
      encoding: 'utf8',
      ...(ids ? { uid: ids.uid, gid: ids.gid } : {}),
      env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
    });
    if (result.status !== 0) {
      throw new Error(`${program} failed (exit ${result.status}): ${result.stderr || result.stdout || result.error?.message}`);
    }
    return result.stdout;
  };
  const own = (dir) => ids && chownSync(dir, ids.uid, ids.gid);
  return { run, own };
}

/**
 * Starts a server; resolves to `{ url, port, dir, replicaUrl?, stop() }`. `url` points at the `postgres` database.
 * `dir` keeps the data there (reused when it already holds a cluster) instead of a temp folder deleted on stop;
 * `replica` also starts a hot standby streaming from it, at `replicaUrl`; `durable` keeps fsync on; `port` picks the
 * primary's port (to start the same data again where its clients expect it); `sharedBuffers` sets `shared_buffers`.
 * @param {{ dir?: string, replica?: boolean, durable?: boolean, port?: number, sharedBuffers?: string }} [options]
 */
export async function startTemporaryPostgres({ dir: keepIn, replica = false, durable = false, port: fixedPort, sharedBuffers } = {}) {
  const { run, own } = runner();
  const dir = keepIn ?? mkdtempSync(path.join(tmpdir(), 'newsroom-pg-'));
  mkdirSync(dir, { recursive: true });
  own(dir);
  const primary = path.join(dir, 'data');
  const fast = durable ? '' : '-c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  // Benchmarks size PostgreSQL's cache for their archive (e.g. '1GB'), as a production server's is sized for its data;
  // tests keep the default 128 MB.
  const buffers = sharedBuffers ? `-c shared_buffers=${sharedBuffers}` : '';
  const common = `-c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} ${fast} -c max_connections=200 ${buffers}`;
  if (!existsSync(path.join(primary, 'PG_VERSION'))) {
    run('initdb', ['-D', primary, '--auth=trust', '--username=postgres', '--encoding=UTF8', ...(durable ? [] : ['--no-sync'])]);
  }
  const port = fixedPort ?? (await freePort());
  const replication = replica ? '-c wal_level=replica -c max_wal_senders=5 -c hot_standby=on' : '';
  run('pg_ctl', ['-D', primary, '-o', `-p ${port} ${common} ${replication}`, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const servers = [primary];
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let replicaUrl;
  if (replica) {
    const standby = path.join(dir, 'replica');
    // A standby is always made afresh from the primary: cheap at these sizes, and never out of step.
    rmSync(standby, { recursive: true, force: true });
    run('pg_basebackup', ['-D', standby, '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-R', '-X', 'stream']);
    const replicaPort = await freePort();
    run('pg_ctl', ['-D', standby, '-o', `-p ${replicaPort} ${common} -c hot_standby=on`, '-l', path.join(dir, 'replica.log'), '-w', '-t', '60', 'start']);
    servers.unshift(standby);
    replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/postgres`;
  }
  let stopped = false;
  return {
    url,
    port,
    dir,
    replicaUrl,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        for (const data of servers) run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        if (!keepIn) rmSync(dir, { recursive: true, force: true });
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
