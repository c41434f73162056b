import path from 'node:path';

export type DatabaseTarget =
  | { dialect: 'sqlite'; url: string; file: string }
  | { dialect: 'postgres'; url: string };

/**
 * Reads the `DATABASE_URL` contract (ARCHITECTURE.md §3): unset → the SQLite file under
 * `apps/cms/data/`; `file:/abs/path.db` → that SQLite file; `postgres://…` → Postgres.
 * A relative `file:` path is resolved against `baseDir`, never against the process's cwd.
 */
export function resolveDatabaseTarget(
  databaseUrl: string | undefined,
  defaults: { sqliteFile: string; baseDir: string },
): DatabaseTarget {
  const raw = databaseUrl?.trim();
  if (!raw) return sqliteTarget(defaults.sqliteFile);
  if (/^postgres(ql)?:\/\//i.test(raw)) return { dialect: 'postgres', url: raw };
  if (raw.startsWith('file:')) {
    const filePath = decodeURIComponent(raw.slice('file:'.length).replace(/^\/\/(?=\/)/, ''));
    if (!filePath) throw new Error(`DATABASE_URL "${raw}" names no file`);
    return sqliteTarget(path.resolve(defaults.baseDir, filePath));
  }
  throw new Error(
    `DATABASE_URL "${redact(raw)}" is not supported: use file:/absolute/path.db for SQLite or postgres://user:pass@host:port/db`,
  );
}

function sqliteTarget(file: string): DatabaseTarget {
  return { dialect: 'sqlite', url: `file:${file}`, file };
}

/** Hides a password in a connection string before it reaches a log or an error. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
