import { describe, expect, it } from 'vitest';

import { redact, resolveDatabaseTarget } from './database-url';

const defaults = { sqliteFile: '/srv/cms/data/newsroom.db', baseDir: '/srv/cms' };

describe('resolveDatabaseTarget', () => {
  it('uses the SQLite file under the CMS data folder when DATABASE_URL is unset or blank', () => {
    for (const value of [undefined, '', '  ']) {
      expect(resolveDatabaseTarget(value, defaults)).toEqual({ dialect: 'sqlite', url: 'file:/srv/cms/data/newsroom.db', file: '/srv/cms/data/newsroom.db' });
    }
  });

  it('takes an absolute file: URL as that SQLite file', () => {
    expect(resolveDatabaseTarget('file:/tmp/x.db', defaults)).toMatchObject({ dialect: 'sqlite', file: '/tmp/x.db' });
    expect(resolveDatabaseTarget('file:///tmp/y.db', defaults)).toMatchObject({ dialect: 'sqlite', file: '/tmp/y.db' });
  });

  it('anchors a relative file: path at the CMS folder, not the working directory', () => {
    expect(resolveDatabaseTarget('file:./data/other.db', defaults)).toMatchObject({ file: '/srv/cms/data/other.db' });
  });

  it('recognises postgres:// and postgresql:// URLs', () => {
    expect(resolveDatabaseTarget('postgres://u:p@db:5432/news', defaults)).toEqual({ dialect: 'postgres', url: 'postgres://u:p@db:5432/news' });
    expect(resolveDatabaseTarget('postgresql://db/news', defaults).dialect).toBe('postgres');
  });

  it('refuses anything else with an error that hides the password', () => {
    expect(() => resolveDatabaseTarget('mysql://root:hunter2@db/news', defaults)).toThrow(/root:\*\*\*@db\/news" is not supported/);
    expect(() => resolveDatabaseTarget('mysql://root:hunter2@db/news', defaults)).not.toThrow(/hunter2/);
  });

  it('redacts passwords', () => {
    expect(redact('postgres://user:secret@host/db')).toBe('postgres://user:***@host/db');
  });
});
