import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { postgresAdapter } from '@payloadcms/db-postgres';
import { lexicalEditor } from '@payloadcms/richtext-lexical';
import { buildConfig, type Config, type Migration } from 'payload';

import { AdSlots } from './collections/AdSlots';
import { Articles } from './collections/Articles/index';
import { AuditLog } from './collections/AuditLog';
import { Authors } from './collections/Authors';
import { Headlines } from './collections/Headlines';
import { keepConnectionLossesNonFatal } from './lib/database-outage';
import { LicenseRequests } from './collections/LicenseRequests';
import { Media } from './collections/Media';
import { Sections } from './collections/Sections';
import { usersCollection } from './collections/Users';
import { canManageSchedules, guardJobsCollection } from './access/scheduling';
import { hideUserReferences } from './access/userReferences';
import { databaseIdentityEndpoint } from './lib/database-identity';
import { type DatabaseTarget, resolveDatabaseTarget } from './lib/database-url';
import { holdsJobsLock } from './lib/jobs-leader';
import { startRevalidationDelivery } from './jobs/outbox';
import { REVALIDATE_QUEUE, revalidateTask } from './jobs/revalidate';
import { liftEmbargoTask } from './jobs/liftEmbargo';
import { redeliverEndpoint } from './jobs/redeliver';
import { cmsRoot, defaultSqliteFile } from './lib/paths';
import { postgresExtraIndexes } from './lib/indexes';
import { resolvePayloadSecret } from './lib/secret';
import { searchEndpoints } from './search/endpoints';
import { newsroomSqliteAdapter } from './lib/sqlite';
import { mediaStoragePlugins } from './lib/media-storage';
import { limitedSharp, multipartUploadOptions } from './lib/upload-limits';
import { migrations as postgresMigrations } from './migrations/postgres/index';
import { migrations as sqliteMigrations } from './migrations/sqlite/index';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/** Migrations are committed, one folder per dialect, and applied by the app itself — never a schema push. */
function databaseAdapter(target: DatabaseTarget): Config['db'] {
  if (target.dialect === 'postgres') {
    return postgresAdapter({
      pool: { connectionString: target.url },
      // Indexes Payload's field options cannot express (lib/indexes.ts).
      afterSchemaInit: [postgresExtraIndexes],
      // Reads go to the streaming replicas when there are any; a request that has just written reads the primary
      // for two seconds after (Payload's read-after-write window).
      ...(replicaUrls().length > 0 ? { readReplicas: replicaUrls() } : {}),
      push: false,
      migrationDir: path.join(dirname, 'migrations', 'postgres'),
      prodMigrations: migrationsFor('postgres'),
    });
  }
  // WAL, a busy timeout on every connection, and one queued writer per process: lib/sqlite.ts (ADR 0015).
  return newsroomSqliteAdapter({
    client: { url: target.url },
    push: false,
    migrationDir: path.join(dirname, 'migrations', 'sqlite'),
    prodMigrations: migrationsFor('sqlite'),
    // Without this the SQLite adapter runs every write outside a transaction.
    transactionOptions: {},
  });
}

/** DATABASE_REPLICA_URLS: comma-separated PostgreSQL URLs of read replicas. */
function replicaUrls(): string[] {
  return (process.env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => /^postgres(ql)?:\/\//.test(url));
}

/** The committed migrations of one dialect, in the shape Payload's migrate() takes. */
export function migrationsFor(dialect: DatabaseTarget['dialect']): Migration[] {
  return (dialect === 'postgres' ? postgresMigrations : sqliteMigrations) as unknown as Migration[];
}

/** A loopback origin under both of its names (localhost and 127.0.0.1): people type either. */
function withLoopbackAlias(origin: string): string[] {
  const url = new URL(origin);
  const alias = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname === '127.0.0.1' ? 'localhost' : undefined;
  if (!alias) return [url.origin];
  const other = new URL(url.origin);
  other.hostname = alias;
  return [url.origin, other.origin];
}

export function databaseTargetFromEnv(): DatabaseTarget {
  return resolveDatabaseTarget(process.env.DATABASE_URL, { sqliteFile: defaultSqliteFile, baseDir: cmsRoot });
}

export type ConfigOptions = {
  database?: DatabaseTarget;
  /** Command-line tools keep stdout for their own output. */
  logToStderr?: boolean;
};

export function createConfig({ database = databaseTargetFromEnv(), logToStderr = false }: ConfigOptions = {}) {
  const port = process.env.CMS_PORT ?? 3001;
  const publicUrl = process.env.CMS_PUBLIC_URL;
  const webUrl = process.env.WEB_URL ?? 'http://localhost:3000';
  return buildConfig({
    // Without a public URL the admin and API use relative links, so the CMS works at localhost and 127.0.0.1 alike.
    serverURL: publicUrl ?? '',
    // Cookie-authenticated requests are accepted only from these origins.
    csrf: publicUrl ? withLoopbackAlias(publicUrl) : [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
    secret: resolvePayloadSecret(),
    admin: {
      user: 'users',
      meta: { titleSuffix: ' — Newsroom CMS' },
      // No third-party avatar service: the admin makes no requests off this origin.
      avatar: 'default',
      importMap: { baseDir: dirname },
      components: {
        views: {
          importWire: { Component: '/components/ImportWire/ImportWireView#ImportWireView', path: '/import-wire' },
          storyBudget: { Component: '/components/StoryBudget/StoryBudgetView#StoryBudgetView', path: '/budget' },
        },
        // The story budget is the desk's first page: first in the navigation and on the dashboard.
        beforeNavLinks: ['/components/StoryBudget/StoryBudgetNavLink#StoryBudgetNavLink'],
        afterNavLinks: ['/components/ImportWire/ImportWireNavLink#ImportWireNavLink'],
        beforeDashboard: [
          '/components/StoryBudget/StoryBudgetDashboard#StoryBudgetDashboard',
          '/components/ImportWire/ImportWireDashboardLink#ImportWireDashboardLink',
        ],
      },
    },
    // Fields that refer to accounts (createdBy) are for staff only in every collection.
    collections: [Articles, Media, Authors, Sections, AdSlots, Headlines, AuditLog, LicenseRequests, usersCollection(publicUrl)].map(hideUserReferences),
    editor: lexicalEditor(),
    db: databaseAdapter(database),
    // Photos over 20 MB or 50 megapixels are refused (lib/upload-limits.ts).
    sharp: limitedSharp,
    upload: multipartUploadOptions,
    // Photos in MEDIA_DIR, or with S3_BUCKET set in that bucket (lib/media-storage.ts).
    plugins: mediaStoragePlugins(),
    // The generated types live in packages/cms-types, shared with the reader site; src/payload-types.ts types the Local
    // API with them (`declare: false`: the declaration is there, not in the shared file).
    typescript: { outputFile: path.join(dirname, '..', '..', '..', 'packages', 'cms-types', 'src', 'payload-types.ts'), declare: false },
    graphQL: { disablePlaygroundInProduction: true },
    cors: [webUrl],
    jobs: {
      // Telling the reader site what changed (src/jobs/revalidate.ts): queued in each change's own transaction.
      // …and putting an embargoed story out when its embargo lifts (src/jobs/liftEmbargo.ts), on the default queue.
      tasks: [revalidateTask, liftEmbargoTask],
      // Scheduled publishing runs in the CMS process itself, every minute. Revalidations are delivered right after
      // their transaction commits (src/jobs/outbox.ts); every 5 s the server also delivers any another process left.
      autoRun: [
        { cron: '* * * * *', queue: 'default', limit: 20 },
        { cron: '*/5 * * * * *', queue: REVALIDATE_QUEUE, limit: 20, silent: true, disableScheduling: true },
      ],
      // On PostgreSQL only the instance holding the jobs lock runs them: exactly once across instances.
      shouldAutoRun: async (payload) => process.env.CMS_RUN_JOBS !== 'false' && (await holdsJobsLock(payload)),
      // Queueing, cancelling and running jobs (scheduled publishing) are for editors and admins.
      access: { queue: canManageSchedules, cancel: canManageSchedules, run: canManageSchedules },
      jobsCollectionOverrides: guardJobsCollection,
    },
    // Watches transactions for the revalidation outbox, and delivers what earlier processes left queued; a
    // database connection the server drops is logged, never fatal (lib/database-outage.ts).
    onInit: (payload) => {
      keepConnectionLossesNonFatal(payload);
      startRevalidationDelivery(payload);
    },
    // GET /api/search (readers' full-text search) and /api/search/tags/:slug (tag pages): src/search/.
    // …and GET /api/database-identity: which database this is, for the site's caches (lib/database-identity.ts).
    endpoints: [...searchEndpoints, databaseIdentityEndpoint, redeliverEndpoint],
    telemetry: false,
    ...(logToStderr
      ? { logger: { options: { name: 'payload', level: process.env.PAYLOAD_LOG_LEVEL ?? 'error' }, destination: process.stderr } }
      : {}),
  });
}

export default createConfig();
