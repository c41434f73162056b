/**
 * npm run import -- [--publish] [--year YYYY] FILE…
 *
 * Imports wire stories — wire text or IPTC ninjs 3.x JSON, told apart by content — into the CMS database that
 * `npm start` uses, with or without the CMS running. Prints one JSON line per file:
 * {"id","slug","status","change","url","uri","version"}; `"status":"unchanged"` when the file's item was imported
 * already at that version or a later one. Any bad file: exit 1, stderr names the file and the problem (the line, or
 * the JSON path), and nothing from the run is written. On a terminal, stderr shows the progress of a long run.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { WireImportError, importWireStories, parseWireFile, type ParsedWireFile, type WireFile } from '../import/wire-import';
import { closePayload, openPayload } from '../lib/open-payload';
import { useLocalInstallTarget } from '../jobs/revalidate';
import { UsageError, parseYearOption } from './args';
import { terminalProgress } from './progress';

const USAGE = 'usage: npm run import -- [--publish] [--year YYYY] FILE…';

type CliArgs = { publish: boolean; year?: number; files: string[] };

function readArgs(argv: string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      publish: { type: 'boolean', default: false },
      year: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (positionals.length === 0) throw new UsageError('no FILE given');
  return { publish: values.publish ?? false, year: parseYearOption(values.year), files: positionals };
}

async function readFiles(names: string[]): Promise<WireFile[]> {
  const errors: WireImportError[] = [];
  const files: WireFile[] = [];
  for (const name of names) {
    try {
      files.push({ name, content: new Uint8Array(await readFile(path.resolve(process.env.INIT_CWD ?? process.cwd(), name))) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push(new WireImportError(name, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : String((error as Error).message)));
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return files;
}

async function main(): Promise<number> {
  let args: CliArgs;
  try {
    args = readArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`import: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }

  const progress = terminalProgress();
  const parsed: ParsedWireFile[] = [];
  const errors: unknown[] = [];
  try {
    const files = await readFiles(args.files);
    for (const [index, file] of files.entries()) {
      try {
        parsed.push(parseWireFile(file, { year: args.year }));
      } catch (error) {
        errors.push(error);
      }
      progress.parsed(index + 1, files.length);
    }
  } catch (error) {
    errors.push(...(error instanceof AggregateError ? error.errors : [error]));
  }
  if (errors.length > 0) {
    progress.finish();
    for (const e of errors) process.stderr.write(`import: ${(e as Error).message}\n`);
    process.stderr.write('import: nothing was imported\n');
    return 1;
  }
  for (const file of parsed) for (const warning of file.warnings ?? []) process.stderr.write(`import: ${file.name}: warning: ${warning}\n`);

  // On the default database (the one `npm start` uses), the import tells that install's site what it published, with
  // the secret `npm start` keeps; with any other database, only a site named by REVALIDATE_SECRET and WEB_INTERNAL_URL.
  if (!process.env.DATABASE_URL) useLocalInstallTarget();
  const payload = await openPayload({ logToStderr: true });
  try {
    const imported = await importWireStories(payload, parsed, {
      publish: args.publish,
      siteUrl: process.env.WEB_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
      onBatch: (written, total) => progress.written(written, total),
    });
    progress.finish();
    for (const story of imported) process.stdout.write(`${JSON.stringify(story)}\n`);
    return 0;
  } catch (error) {
    progress.finish();
    process.stderr.write(`import: ${(error as Error).message}\nimport: nothing was imported\n`);
    return 1;
  } finally {
    await closePayload(payload);
  }
}

const code = await main();
// Exit once stdout has drained, whatever timers the database drivers still hold.
process.stdout.write('', () => process.exit(code));
