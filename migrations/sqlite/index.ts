import * as migration_20261126_052224_initial from './20261126_052224_initial.js'
import * as migration_20261130_121503_sites from './20261130_121503_sites.js'
import * as migration_20261130_143440_webhooks from './20261130_143440_webhooks.js'

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
    up: migration_20261130_143440_webhooks.up,
    down: migration_20261130_143440_webhooks.down,
    name: '20261130_143440_webhooks',
  },
]
