import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { editorsOnly } from '../features/content/access.js'
import { groups, label } from '../core/labels.js'
import { RATE_LIMIT_HITS_SLUG } from '../core/constants.js'

const nobody = () => false

/**
 * The shared rate-limit store (`ratingRateLimitStore: 'database'`): one row per (client key,
 * window), `hits` changed only by atomic `$inc`; rows whose window has ended are pruned.
 * Always part of the schema, whichever store is chosen, so the migrations do not depend on options.
 */
export const rateLimitHitsCollection = (options: ResolvedNewsPortalOptions): CollectionConfig => ({
  slug: RATE_LIMIT_HITS_SLUG,
  labels: {
    singular: label('Giới hạn tần suất', 'Rate-limit window'),
    plural: label('Giới hạn tần suất', 'Rate-limit windows'),
  },
  graphQL: false,
  timestamps: false,
  admin: { group: groups.system, hidden: true, useAsTitle: 'key' },
  access: { read: editorsOnly(options), create: nobody, update: nobody, delete: nobody },
  fields: [
    // `<keyed hash of the client>@<window start in ms>`: a unique (key, window) pair.
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: label('Khóa', 'Key'),
    },
    {
      name: 'hits',
      type: 'number',
      required: true,
      defaultValue: 0,
      label: label('Số lượt', 'Hits'),
    },
    {
      name: 'expiresAt',
      type: 'date',
      required: true,
      index: true,
      label: label('Hết hạn', 'Expires'),
    },
  ],
})
