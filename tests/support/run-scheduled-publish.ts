// Publishes an article through Payload's jobs queue, the way "Schedule publish" in the admin does: queues the
// schedulePublish task for `delayMs` from now, runs the queue (too early: nothing happens), waits, runs it again.
// The article's hooks then run inside the job — as they do in the CMS server's cron — and tell the site.
// Usage (env as the CMS's): tsx tests/support/run-scheduled-publish.ts <article id> <delay ms>
// Prints one JSON line: {"queuedAt", "dueAt", "ranAt"} (epoch ms).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The part of Payload's Local API this script uses. */
type Payload = {
  jobs: {
    queue(args: { task: string; input: unknown; waitUntil: Date }): Promise<unknown>;
    run(): Promise<unknown>;
  };
};

// Loaded by URL so that the tests' type-check does not pull in the CMS (and Next's global types with it).
const cmsLib = pathToFileURL(path.resolve(import.meta.dirname, '..', '..', 'apps', 'cms', 'src', 'lib', 'open-payload.ts')).href;
const { closePayload, openPayload } = (await import(cmsLib)) as {
  openPayload(options: { logToStderr: boolean }): Promise<Payload>;
  closePayload(payload: Payload): Promise<void>;
};

const [id, delay = '1000'] = process.argv.slice(2);
if (!id) throw new Error('usage: run-scheduled-publish.ts <article id> <delay ms>');

const payload = await openPayload({ logToStderr: true });
const queuedAt = Date.now();
const dueAt = queuedAt + Number(delay);
await payload.jobs.queue({
  task: 'schedulePublish',
  input: { type: 'publish', doc: { relationTo: 'articles', value: String(id) } },
  waitUntil: new Date(dueAt),
});
await payload.jobs.run();
await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt - Date.now() + 20)));
await payload.jobs.run();
const ranAt = Date.now();
// Waits for the hooks' revalidation requests before closing.
await closePayload(payload);
process.stdout.write(`${JSON.stringify({ queuedAt, dueAt, ranAt })}\n`, () => process.exit(0));
