import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
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
 * - Good files are imported — several at once when many are waiting, each run all-or-nothing — then moved to
 *   `DIR/done/`. A file that cannot be imported goes to `DIR/failed/` beside `NAME.err`, which names the problem.
 * - Idempotent: every story remembers the item it came from (ninjs `uri` + `version`, or the digest of a text file),
 *   so a file seen again — after a restart that came between the import and the move — changes nothing.
 * - Survives restarts: files already in DIR when it starts are processed like new ones.
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
  /** Resolves once the files present at start have been processed. */
  ready: Promise<void>;
  /** Resolves when nothing is waiting or being imported. */
  idle: () => Promise<void>;
  close: () => Promise<void>;
};

const IN_PROGRESS = /(^\.|\.(tmp|part|partial|crdownload|swp)$|~$)/i;
/** Larger files are refused unread: wire text stops at 512 KiB, ninjs at its own limit. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** After a run fails as a whole (the database, not a file), wait this long before trying its files again. */
const RETRY_MS = [1_000, 5_000, 30_000];

export function watchDropFolder(payload: Payload, options: DropFolderOptions): DropFolder {
  const dir = path.resolve(options.dir);
  const done = path.join(dir, 'done');
  const failed = path.join(dir, 'failed');
  const log = options.log ?? ((line) => process.stdout.write(`${JSON.stringify(line)}\n`));
  const maxBatch = options.maxBatch ?? 200;
  const waiting = new Set<string>();
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
      const names = [...waiting].slice(0, maxBatch);
      const good: { file: string; parsed: ParsedWireFile }[] = [];
      for (const file of names) {
        const outcome = await readOne(file);
        if (outcome === 'gone') waiting.delete(file);
        else if (outcome instanceof WireImportError) {
          waiting.delete(file);
          await moveToFailed(file, outcome.message);
          log({ file: path.basename(file), status: 'failed', error: outcome.message });
        } else good.push({ file, parsed: outcome });
      }
      if (good.length === 0) continue;
      try {
        await importAndReport(good);
      } catch (error) {
        if (good.length === 1 || !isContentError(error)) throw error;
        // One story the CMS refuses must not hold back the rest: each goes on its own.
        for (const one of good) await importAndReport([one]);
      }
      failures = 0;
    }
  }

  /** Imports files as one run and moves them to done/; a single file the CMS refuses goes to failed/ instead. */
  async function importAndReport(files: { file: string; parsed: ParsedWireFile }[]): Promise<void> {
    const started = performance.now();
    let imported: ImportedStory[];
    try {
      imported = await importWireStories(payload, files.map((g) => g.parsed), { publish: options.publish, siteUrl: options.siteUrl });
    } catch (error) {
      if (files.length > 1 || !isContentError(error)) throw error;
      const file = files[0]!.file;
      waiting.delete(file);
      const message = `${path.basename(file)}: ${(error as Error).message}`;
      await moveToFailed(file, message);
      log({ file: path.basename(file), status: 'failed', error: message });
      return;
    }
    const ms = Math.round((performance.now() - started) / files.length);
    for (const [k, { file, parsed }] of files.entries()) {
      waiting.delete(file);
      await moveInto(done, file);
      log({
        file: path.basename(file),
        ...imported[k]!,
        ...(parsed.warnings && parsed.warnings.length > 0 ? { warnings: parsed.warnings } : {}),
        ms,
      });
    }
  }

  async function readOne(file: string): Promise<ParsedWireFile | WireImportError | 'gone'> {
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      return 'gone';
    }
    const name = path.basename(file);
    if (size > MAX_FILE_BYTES) return new WireImportError(name, `the file is ${size} bytes; at most ${MAX_FILE_BYTES} are read`);
    let content: Uint8Array;
    try {
      content = new Uint8Array(await readFile(file));
    } catch {
      return 'gone';
    }
    try {
      return parseWireFile({ name, content }, { year: options.year });
    } catch (error) {
      if (error instanceof WireImportError) return error;
      return new WireImportError(name, (error as Error).message);
    }
  }

  async function moveToFailed(file: string, message: string): Promise<void> {
    const moved = await moveInto(failed, file);
    if (moved) await writeFile(`${moved}.err`, `${message}\n`);
  }

  const watcher: FSWatcher = watch(dir, {
    depth: 0,
    ignoreInitial: false,
    ignored: (candidate, stats) => {
      if (candidate === dir) return false;
      const base = path.basename(candidate);
      if (path.dirname(candidate) !== dir) return true;
      if (stats?.isDirectory()) return true;
      return IN_PROGRESS.test(base) || base.endsWith('.err');
    },
    awaitWriteFinish: { stabilityThreshold: options.settleMs ?? 1_000, pollInterval: 100 },
  });
  const add = (file: string) => {
    if (path.dirname(file) !== dir) return;
    waiting.add(file);
    kick();
  };
  watcher.on('add', add);
  watcher.on('change', add);
  const ready = (async () => {
    await mkdir(done, { recursive: true });
    await mkdir(failed, { recursive: true });
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
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
      await watcher.close();
      await running;
    },
  };
}

/** Errors that come from a story's content (the CMS refused it), as opposed to the database being unavailable. */
function isContentError(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  return name === 'ValidationError' || name === 'Forbidden' || name === 'WireImportError' || name === 'APIError';
}

/** Moves `file` into `folder`, keeping its name (with `-2`, `-3` … when taken). Returns the new path. */
async function moveInto(folder: string, file: string): Promise<string | undefined> {
  const ext = path.extname(file);
  const stem = path.basename(file, ext);
  for (let n = 1; n < 10_000; n++) {
    const target = path.join(folder, n === 1 ? `${stem}${ext}` : `${stem}-${n}${ext}`);
    try {
      await stat(target);
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
  throw new Error(`no free name for ${file} in ${folder}`);
}
