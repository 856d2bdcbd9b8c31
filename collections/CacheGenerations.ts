import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { pluginWritesOnly } from '../features/content/access.js'
import { groups, label } from '../core/labels.js'
import { CACHE_GENERATIONS_SLUG } from '../core/constants.js'
import { keyedRowsCollection } from '../core/keyedRows.js'

/**
 * The public cache's signal between instances: one row per site (key = the site's id, `*` for
 * changes every site shows), `generation` raised by one atomic `$inc` after each committed change;
 * every instance polls the table and drops the answers of a site whose generation moved.
 */
export const cacheGenerationsCollection = (options: ResolvedNewsPortalOptions): CollectionConfig =>
  keyedRowsCollection({
    slug: CACHE_GENERATIONS_SLUG,
    labels: {
      singular: label('Thế hệ bộ nhớ đệm', 'Cache generation'),
      plural: label('Thế hệ bộ nhớ đệm', 'Cache generations'),
    },
    group: groups.system,
    access: pluginWritesOnly(options),
    fields: [
      {
        name: 'generation',
        type: 'number',
        required: true,
        defaultValue: 0,
        label: label('Thế hệ', 'Generation'),
      },
    ],
  })
