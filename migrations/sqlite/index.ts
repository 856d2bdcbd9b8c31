import * as migration_20261126_052224_initial from './20261126_052224_initial.js'

export const migrations = [
  {
    up: migration_20261126_052224_initial.up,
    down: migration_20261126_052224_initial.down,
    name: '20261126_052224_initial',
  },
]
