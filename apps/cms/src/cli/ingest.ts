/**
 * npm run ingest -- --watch DIR [--publish] [--year YYYY]
 *
 * Watches a drop folder (import/drop-folder.ts): every wire file — text or ninjs — that lands in DIR is imported once
 * it is complete, then moved to DIR/done/, or to DIR/failed/ beside NAME.err. One JSON line per file on stdout.
 * Runs until SIGINT/SIGTERM. `npm start` runs it when WIRE_DROP_DIR is set.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { watchDropFolder } from '../import/drop-folder';
import { useLocalInstallTarget } from '../jobs/revalidate';
import { closePayload, openPayload } from '../lib/open-payload';
import { UsageError, parseYearOption } from './args';

const USAGE = 'usage: npm run ingest -- --watch DIR [--publish] [--year YYYY]';

function readArgs(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      watch: { type: 'string' },
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
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (!values.watch) throw new UsageError('--watch DIR is required');
  return { dir: path.resolve(process.env.INIT_CWD ?? process.cwd(), values.watch), publish: values.publish ?? false, year: parseYearOption(values.year) };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof readArgs>;
  try {
    args = readArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`ingest: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  mkdirSync(args.dir, { recursive: true });
  if (!process.env.DATABASE_URL) useLocalInstallTarget();
  const payload = await openPayload({ logToStderr: true });
  const folder = watchDropFolder(payload, {
    dir: args.dir,
    publish: args.publish,
    year: args.year,
    siteUrl: process.env.WEB_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
  });
  await folder.ready;
  process.stderr.write(`ingest: watching ${args.dir}${args.publish ? ' (publishing)' : ' (as drafts)'}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await folder.close();
  await closePayload(payload);
  return 0;
}

const code = await main();
process.stdout.write('', () => process.exit(code));
