import * as migration_20261126_052224_initial from './20261126_052224_initial';
import * as migration_20261130_121503_sites from './20261130_121503_sites';
import * as migration_20261130_141842_webhooks from './20261130_141842_webhooks';

export const migrations = [
  {
    up: migration_20261126_052224_initial.up,
    down: migration_20261126_052224_initial.down,
    name: '20261126_052224_initial',
  },
  {
    up: migration_20261130_121503_sites.up,
    down: migration_20261130_121503_sites.down,
    name: '20261130_121503_sites',
  },
  {
    up: migration_20261130_141842_webhooks.up,
    down: migration_20261130_141842_webhooks.down,
    name: '20261130_141842_webhooks'
  },
];
