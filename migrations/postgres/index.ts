import * as migration_20261126_052229_initial from './20261126_052229_initial.js'
import * as migration_20261130_121508_sites from './20261130_121508_sites.js'
import * as migration_20261130_143458_webhooks from './20261130_143458_webhooks.js'

export const migrations = [
  {
    up: migration_20261126_052229_initial.up,
    down: migration_20261126_052229_initial.down,
    name: '20261126_052229_initial',
  },
  {
    up: migration_20261130_121508_sites.up,
    down: migration_20261130_121508_sites.down,
    name: '20261130_121508_sites',
  },
  {
    up: migration_20261130_143458_webhooks.up,
    down: migration_20261130_143458_webhooks.down,
    name: '20261130_143458_webhooks',
  },
]
