import * as migration_20261126_044626_initial from './20261126_044626_initial';

export const migrations = [
  {
    up: migration_20261126_044626_initial.up,
    down: migration_20261126_044626_initial.down,
    name: '20261126_044626_initial'
  },
];
