import * as migration_20261126_052224_initial from './20261126_052224_initial.js'
import * as migration_20261130_121503_sites from './20261130_121503_sites.js'
import * as migration_20261130_143000_search from './20261130_143000_search.js'
import * as migration_20261130_152039_round2 from './20261130_152039_round2.js'
import * as migration_20261130_152100_article_read_indexes from './20261130_152100_article_read_indexes.js'
import * as migration_20261130_170000_category_lists from './20261130_170000_category_lists.js'

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
    up: migration_20261130_143000_search.up,
    down: migration_20261130_143000_search.down,
    name: '20261130_143000_search',
  },
  {
    up: migration_20261130_152039_round2.up,
    down: migration_20261130_152039_round2.down,
    name: '20261130_152039_round2',
  },
  {
    up: migration_20261130_152100_article_read_indexes.up,
    down: migration_20261130_152100_article_read_indexes.down,
    name: '20261130_152100_article_read_indexes',
  },
  {
    up: migration_20261130_170000_category_lists.up,
    down: migration_20261130_170000_category_lists.down,
    name: '20261130_170000_category_lists',
  },
]
