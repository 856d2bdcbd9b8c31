import * as migration_20261126_052229_initial from './20261126_052229_initial.js'
import * as migration_20261130_121508_sites from './20261130_121508_sites.js'
import * as migration_20261130_141606_cache_generations from './20261130_141606_cache_generations.js'
import * as migration_20261130_141613_article_read_indexes from './20261130_141613_article_read_indexes.js'
import * as migration_20261130_143000_search from './20261130_143000_search.js'
import * as migration_20261130_143458_webhooks from './20261130_143458_webhooks.js'
import * as migration_20261130_150453_topics_pages_old_slugs from './20261130_150453_topics_pages_old_slugs.js'

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
    up: migration_20261130_141606_cache_generations.up,
    down: migration_20261130_141606_cache_generations.down,
    name: '20261130_141606_cache_generations',
  },
  {
    up: migration_20261130_141613_article_read_indexes.up,
    down: migration_20261130_141613_article_read_indexes.down,
    name: '20261130_141613_article_read_indexes',
  },
  {
    up: migration_20261130_143000_search.up,
    down: migration_20261130_143000_search.down,
    name: '20261130_143000_search',
  },
  {
    up: migration_20261130_143458_webhooks.up,
    down: migration_20261130_143458_webhooks.down,
    name: '20261130_143458_webhooks',
  },
  {
    up: migration_20261130_150453_topics_pages_old_slugs.up,
    down: migration_20261130_150453_topics_pages_old_slugs.down,
    name: '20261130_150453_topics_pages_old_slugs',
  },
]
