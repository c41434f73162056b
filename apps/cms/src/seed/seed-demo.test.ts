import { describe, expect, it } from 'vitest';

import { demoLoginLines, randomDemoPassword, shouldSeedDemo } from './seed-demo';

describe('shouldSeedDemo', () => {
  it('seeds a SQLite database by default and a PostgreSQL one only when asked', () => {
    expect(shouldSeedDemo('sqlite', {})).toBe(true);
    expect(shouldSeedDemo('postgres', {})).toBe(false);
    expect(shouldSeedDemo('postgres', { SEED_DEMO: 'true' })).toBe(true);
    expect(shouldSeedDemo('postgres', { SEED_DEMO: 'TRUE' })).toBe(true);
  });

  it('seeds nothing anywhere with SEED_DEMO=false', () => {
    expect(shouldSeedDemo('sqlite', { SEED_DEMO: 'false' })).toBe(false);
    expect(shouldSeedDemo('postgres', { SEED_DEMO: 'false' })).toBe(false);
  });
});

describe('randomDemoPassword', () => {
  it('is at least 12 characters and different every time', () => {
    const passwords = Array.from({ length: 50 }, randomDemoPassword);
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9_-]{12,}$/);
    expect(new Set(passwords).size).toBe(50);
  });
});

describe('demoLoginLines', () => {
  it('prints "<role>  <email>  password: <password>", one line per account, in the order admin, editor, contributor', () => {
    const lines = demoLoginLines({ passwords: { 'admin@example.com': 'pw-admin-123456', 'contributor@example.com': 'pw-contrib-1234' } });
    expect(lines).toEqual([
      '  admin        admin@example.com          password: pw-admin-123456',
      '  editor       editor@example.com         (password as printed when it was created)',
      '  contributor  contributor@example.com    password: pw-contrib-1234',
    ]);
  });
});
