import { lstat, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { watch, type FSWatcher } from 'chokidar';
import type { Payload } from 'payload';

import { WireImportError, parseWireFile, type ParsedWireFile } from './wire-files';
import { importWireStories, type ImportedStory } from './wire-import';

/**
 * A watched drop folder: agencies' files (wire text or ninjs) land in DIR and come out as stories.
 *
 * - A file is read only once it is complete: chokidar's `awaitWriteFinish` waits until its size has not changed for
 *   {@link DropFolderOptions.settleMs}. Names starting with "." and ending in `.tmp`, `.part`, `.partial`, `.crdownload`
 *   or `.swp` are in-progress copies and are never read (writers that rename into place are picked up on the rename).
 * - A complete file is first claimed: moved into `DIR/.processing/`, so a sender that writes the same name again makes
 *   a new file (read in its turn) rather than changing one being imported. Only regular files are read (no links,
 *   no pipes).
 * - Claimed files are imported — several at once when many are waiting, each run all-or-nothing — then moved to
 *   `DIR/done/`. A file that cannot be imported goes to `DIR/failed/` beside `NAME.err`, which names the problem. When
 *   a run fails, its files are tried one by one; a file that fails alone three times (whatever the reason) is failed,
 *   so no file can hold the folder up; a database outage is retried with backoff meanwhile.
 * - Idempotent: every story remembers the item it came from (ninjs `uri` + `version`, or the digest of a text file),
 *   so a file seen again — after a restart that came between the import and the move — changes nothing.
 * - Survives restarts: files already in DIR or left in `.processing/` when it starts are processed like new ones.
 * - One JSON line per file on `log`.
 */

export type DropFolderOptions = {
  dir: string;
  publish?: boolean;
  year?: number;
  siteUrl?: string;
  /** How long a file's size must hold still before it is read. Default 1,000 ms. */
  settleMs?: number;
  /** At most this many files per import run. Default 200. */
  maxBatch?: number;
  log?: (line: Record<string, unknown>) => void;
};

export type DropFolder = {
  /** Resolves once the folder is watched and the files present at start are claimed. */
  ready: Promise<void>;
  /** Resolves when nothing claimed is waiting or being imported. */
  idle: () => Promise<void>;
  close: () => Promise<void>;
};

const IN_PROGRESS = /(^\.|\.(tmp|part|partial|crdownload|swp)$|~$)/i;
/** Larger files are refused unread: wire text stops at 512 KiB, ninjs at 2 MiB. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** After a run fails as a whole (the database, not a file), wait this long before trying its files again. */
const RETRY_MS = [1_000, 5_000, 30_000];
/** A file that fails this many times on its own is failed, whatever the reason. */
const MAX_ATTEMPTS = 3;

type Claimed = { path: string; name: string };
type Ready = { file: Claimed; parsed: ParsedWireFile };

export function watchDropFolder(payload: Payload, options: DropFolderOptions): DropFolder {
  const dir = path.resolve(options.dir);
  const processing = path.join(dir, '.processing');
  const done = path.join(dir, 'done');
  const failed = path.join(dir, 'failed');
  const log = options.log ?? ((line) => process.stdout.write(`${JSON.stringify(line)}\n`));
  const maxBatch = options.maxBatch ?? 200;
  /** Claimed files, in arrival order, by their path in `.processing/`. */
  const waiting = new Map<string, Claimed>();
  const attempts = new Map<string, number>();
  let running: Promise<void> | undefined;
  let failures = 0;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  const idleWaiters: (() => void)[] = [];

  const settleIdle = () => {
    if (waiting.size === 0 && !running && !retryTimer) for (const resolve of idleWaiters.splice(0)) resolve();
  };

  const kick = () => {
    if (running || closed || retryTimer || waiting.size === 0) return settleIdle();
    running = drain()
      .catch((error: unknown) => {
        if (closed) return;
        const delay = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]!;
        failures++;
        log({ event: 'retry', error: (error as Error).message, retryInMs: delay });
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          kick();
        }, delay);
      })
      .finally(() => {
        running = undefined;
        kick();
      });
  };

  async function drain(): Promise<void> {
    while (waiting.size > 0 && !closed) {
      const batch = [...waiting.values()].slice(0, maxBatch);
      const good: Ready[] = [];
      for (const file of batch) {
        const outcome = await readOne(file);
        if (outcome === 'gone') waiting.delete(file.path);
        else if (outcome instanceof WireImportError) await fail(file, outcome.message);
        else good.push({ file, parsed: outcome });
      }
      if (good.length === 0) continue;
      if (good.length === 1) await importAlone(good[0]!);
      else {
        try {
          await importAndReport(good);
        } catch {
          // One story the CMS refuses must not hold back the rest: each goes on its own.
          for (const one of good) await importAlone(one);
        }
      }
      failures = 0;
    }
  }

  /** A file on its own: a refusal of its content, or a third failure of any kind, fails it; else the error is retried. */
  async function importAlone(one: Ready): Promise<void> {
    try {
      await importAndReport([one]);
    } catch (error) {
      const tries = (attempts.get(one.file.path) ?? 0) + 1;
      attempts.set(one.file.path, tries);
      if (!isContentError(error) && tries < MAX_ATTEMPTS) throw error;
      await fail(one.file, `${one.file.name}: ${(error as Error).message}`);
    }
  }

  /** Imports files as one run, then moves each to done/ with its JSON line. */
  async function importAndReport(files: Ready[]): Promise<void> {
    const started = performance.now();
    const imported: ImportedStory[] = await importWireStories(
      payload,
      files.map((g) => g.parsed),
      { publish: options.publish, siteUrl: options.siteUrl },
    );
    const ms = Math.round((performance.now() - started) / files.length);
    for (const [k, { file, parsed }] of files.entries()) {
      await moveInto(done, file.path, file.name);
      forget(file);
      log({
        file: file.name,
        ...imported[k]!,
        ...(parsed.warnings && parsed.warnings.length > 0 ? { warnings: parsed.warnings } : {}),
        ms,
      });
    }
  }

  async function fail(file: Claimed, message: string): Promise<void> {
    const moved = await moveInto(failed, file.path, file.name);
    if (moved) await writeFile(`${moved}.err`, `${message}\n`);
    forget(file);
    log({ file: file.name, status: 'failed', error: message });
  }

  function forget(file: Claimed): void {
    waiting.delete(file.path);
    attempts.delete(file.path);
  }

  async function readOne(file: Claimed): Promise<ParsedWireFile | WireImportError | 'gone'> {
    let content: Uint8Array;
    try {
      const info = await lstat(file.path);
      if (info.size > MAX_FILE_BYTES) return new WireImportError(file.name, `the file is ${info.size} bytes; at most ${MAX_FILE_BYTES} are read`);
      content = new Uint8Array(await readFile(file.path));
    } catch {
      return 'gone';
    }
    try {
      return parseWireFile({ name: file.name, content }, { year: options.year });
    } catch (error) {
      if (error instanceof WireImportError) return error;
      return new WireImportError(file.name, (error as Error).message);
    }
  }

  /** Takes a complete file out of DIR into `.processing/`; only regular files, never links or pipes. */
  async function claim(file: string): Promise<void> {
    if (closed || path.dirname(file) !== dir) return;
    try {
      if (!(await lstat(file)).isFile()) return;
    } catch {
      return;
    }
    const name = path.basename(file);
    const claimed = await moveInto(processing, file, name).catch((error: unknown) => {
      log({ file: name, event: 'error', error: `could not claim it: ${(error as Error).message}` });
      return undefined;
    });
    if (!claimed) return;
    waiting.set(claimed, { path: claimed, name });
    kick();
  }

  const claims = new Set<Promise<void>>();
  const onFile = (file: string) => {
    const pending = claim(file).finally(() => claims.delete(pending));
    claims.add(pending);
  };

  let watcher: FSWatcher | undefined;
  const ready = (async () => {
    for (const folder of [processing, done, failed]) await mkdir(folder, { recursive: true });
    // Left claimed by a process that stopped half way: imported again (idempotent), in name order.
    for (const entry of (await readdir(processing, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort()) {
      const claimed = path.join(processing, entry);
      waiting.set(claimed, { path: claimed, name: entry });
    }
    kick();
    watcher = watch(dir, {
      depth: 0,
      ignoreInitial: false,
      ignored: (candidate, stats) => {
        if (candidate === dir) return false;
        if (path.dirname(candidate) !== dir) return true;
        if (stats?.isDirectory()) return true;
        return IN_PROGRESS.test(path.basename(candidate)) || candidate.endsWith('.err');
      },
      awaitWriteFinish: { stabilityThreshold: options.settleMs ?? 1_000, pollInterval: 100 },
    });
    watcher.on('add', onFile);
    watcher.on('change', onFile);
    watcher.on('error', (error: unknown) => log({ event: 'error', error: `watching ${dir}: ${(error as Error).message}` }));
    await new Promise<void>((resolve) => watcher!.once('ready', () => resolve()));
    await Promise.all([...claims]);
  })();

  return {
    ready,
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      }),
    close: async () => {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      await ready.catch(() => undefined);
      await watcher?.close();
      await Promise.all([...claims]);
      await running;
    },
  };
}

/** Errors that come from a story's content (the CMS refused it), as opposed to the database being unavailable. */
function isContentError(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  return name === 'ValidationError' || name === 'Forbidden' || name === 'WireImportError' || name === 'APIError';
}

/** Moves `file` into `folder` as `name` (with `-2`, `-3` … when taken). Returns the new path, or undefined if it is gone. */
async function moveInto(folder: string, file: string, name: string): Promise<string | undefined> {
  const ext = path.extname(name);
  const stem = path.basename(name, ext);
  for (let n = 1; n < 10_000; n++) {
    const target = path.join(folder, n === 1 ? `${stem}${ext}` : `${stem}-${n}${ext}`);
    try {
      await lstat(target);
      continue;
    } catch {
      // free
    }
    try {
      await rename(file, target);
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
  throw new Error(`no free name for ${name} in ${folder}`);
}
