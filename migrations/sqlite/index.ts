import * as migration_20261126_052224_initial from './20261126_052224_initial.js'
import * as migration_20261130_121503_sites from './20261130_121503_sites.js'
import * as migration_20261130_141553_cache_generations from './20261130_141553_cache_generations.js'
import * as migration_20261130_141601_article_read_indexes from './20261130_141601_article_read_indexes.js'
import * as migration_20261130_143000_search from './20261130_143000_search.js'
import * as migration_20261130_143440_webhooks from './20261130_143440_webhooks.js'
import * as migration_20261130_150428_topics_pages_old_slugs from './20261130_150428_topics_pages_old_slugs.js'

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
    up: migration_20261130_141553_cache_generations.up,
    down: migration_20261130_141553_cache_generations.down,
    name: '20261130_141553_cache_generations',
  },
  {
    up: migration_20261130_141601_article_read_indexes.up,
    down: migration_20261130_141601_article_read_indexes.down,
    name: '20261130_141601_article_read_indexes',
  },
  {
    up: migration_20261130_143000_search.up,
    down: migration_20261130_143000_search.down,
    name: '20261130_143000_search',
  },
  {
    up: migration_20261130_143440_webhooks.up,
    down: migration_20261130_143440_webhooks.down,
    name: '20261130_143440_webhooks',
  },
  {
    up: migration_20261130_150428_topics_pages_old_slugs.up,
    down: migration_20261130_150428_topics_pages_old_slugs.down,
    name: '20261130_150428_topics_pages_old_slugs',
  },
]
