import * as migration_20261126_052229_initial from './20261126_052229_initial';
import * as migration_20261130_121508_sites from './20261130_121508_sites';
import * as migration_20261130_150453_topics_pages_old_slugs from './20261130_150453_topics_pages_old_slugs';

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
    up: migration_20261130_150453_topics_pages_old_slugs.up,
    down: migration_20261130_150453_topics_pages_old_slugs.down,
    name: '20261130_150453_topics_pages_old_slugs'
  },
];
