import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { pluginWritesOnly } from '../features/content/access.js'
import { groups, label } from '../core/labels.js'
import { RATE_LIMIT_HITS_SLUG } from '../core/constants.js'
import { hitsField, keyedRowsCollection } from '../core/keyedRows.js'

/**
 * The shared rate-limit store (`ratingRateLimitStore: 'database'`): one row per (client key,
 * window), `hits` changed only by atomic `$inc`; rows whose window has ended are pruned.
 * Always part of the schema, whichever store is chosen, so the migrations do not depend on options.
 * Its `key` is `<keyed hash of the client>@<window start in ms>`: a unique (key, window) pair.
 */
export const rateLimitHitsCollection = (options: ResolvedNewsPortalOptions): CollectionConfig =>
  keyedRowsCollection({
    slug: RATE_LIMIT_HITS_SLUG,
    labels: {
      singular: label('Giới hạn tần suất', 'Rate-limit window'),
      plural: label('Giới hạn tần suất', 'Rate-limit windows'),
    },
    group: groups.system,
    access: pluginWritesOnly(options),
    fields: [
      hitsField(),
      {
        name: 'expiresAt',
        type: 'date',
        required: true,
        index: true,
        label: label('Hết hạn', 'Expires'),
      },
    ],
  })
