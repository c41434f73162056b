import * as migration_20261129_230929_initial from './20261129_230929_initial';

export const migrations = [
  {
    up: migration_20261129_230929_initial.up,
    down: migration_20261129_230929_initial.down,
    name: '20261129_230929_initial'
  },
];
