import * as migration_20261126_052224_initial from './20261126_052224_initial';
import * as migration_20261130_121503_sites from './20261130_121503_sites';
import * as migration_20261130_150428_topics_pages_old_slugs from './20261130_150428_topics_pages_old_slugs';

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
    up: migration_20261130_150428_topics_pages_old_slugs.up,
    down: migration_20261130_150428_topics_pages_old_slugs.down,
    name: '20261130_150428_topics_pages_old_slugs'
  },
];
