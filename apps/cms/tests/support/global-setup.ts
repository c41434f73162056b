import type { TestProject } from 'vitest/node';

import { startTemporaryPostgres } from '../../../../scripts/postgres-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** One real PostgreSQL server for the whole run; each test file makes its own databases in it. */
export default async function setup(project: TestProject) {
  const server = await startTemporaryPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
