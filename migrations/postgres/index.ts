import * as migration_20261126_052229_initial from './20261126_052229_initial.js'

export const migrations = [
  {
    up: migration_20261126_052229_initial.up,
    down: migration_20261126_052229_initial.down,
    name: '20261126_052229_initial',
  },
]
