import * as migration_20261129_230926_initial from './20261129_230926_initial';

export const migrations = [
  {
    up: migration_20261129_230926_initial.up,
    down: migration_20261129_230926_initial.down,
    name: '20261129_230926_initial'
  },
];
