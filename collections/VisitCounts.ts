import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { pluginWritesOnly } from '../features/content/access.js'
import { groups, label } from '../core/labels.js'
import { VISIT_COUNTS_SLUG, VISIT_SESSIONS_SLUG } from '../core/constants.js'
import { hitsField, keyedRowsCollection } from '../core/keyedRows.js'

/**
 * Visit and view counts, one row per key, each site's under its prefix (`site:<id>:total`,
 * `site:<id>:month:YYYY-MM`, `site:<id>:day:YYYY-MM-DD`, `site:<id>:article:<id>`). Unversioned
 * and written only by atomic `$inc` through the database adapter.
 */
export const visitCountsCollection = (options: ResolvedNewsPortalOptions): CollectionConfig =>
  keyedRowsCollection({
    slug: VISIT_COUNTS_SLUG,
    labels: { singular: label('Bộ đếm', 'Visit count'), plural: label('Bộ đếm', 'Visit counts') },
    group: groups.statistics,
    access: pluginWritesOnly(options),
    fields: [hitsField()],
  })

/**
 * When each browser session was last seen on a site (`site:<id>:visit:<session>`) or on one
 * article (`site:<id>:view:<article>:<session>`). Pruned by a job.
 */
export const visitSessionsCollection = (options: ResolvedNewsPortalOptions): CollectionConfig =>
  keyedRowsCollection({
    slug: VISIT_SESSIONS_SLUG,
    labels: {
      singular: label('Phiên truy cập', 'Visit session'),
      plural: label('Phiên truy cập', 'Visit sessions'),
    },
    group: groups.statistics,
    access: pluginWritesOnly(options),
    // "Online" counts visit sessions by lastSeenAt: one index range serves it.
    indexes: [{ fields: ['scope', 'lastSeenAt'] }],
    fields: [
      {
        // Text, not a select: a site's rows carry its prefix (`site:<id>:visit`, features/sites/keys.ts).
        name: 'scope',
        type: 'text',
        required: true,
        label: label('Phạm vi', 'Scope'),
      },
      {
        name: 'lastSeenAt',
        type: 'date',
        required: true,
        index: true,
        label: label('Lần cuối', 'Last seen'),
      },
    ],
  })
