import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { pluginWritesOnly } from '../features/content/access.js'
import { OLD_SLUG_COLLECTIONS } from '../features/content/oldSlugs/keys.js'
import { groups, label } from '../core/labels.js'
import { SITE_FIELD, SLUG_REDIRECTS_SLUG } from '../core/constants.js'

/**
 * The old slugs of articles and categories: one row per (site, collection, old slug), written only
 * by the plugin when a slug changes. The unique index keeps one owner per old slug on a site.
 */
export const slugRedirectsCollection = (options: ResolvedNewsPortalOptions): CollectionConfig => ({
  slug: SLUG_REDIRECTS_SLUG,
  labels: {
    singular: label('Đường dẫn cũ', 'Old slug'),
    plural: label('Đường dẫn cũ', 'Old slugs'),
  },
  admin: { group: groups.system, hidden: true, useAsTitle: 'oldSlug' },
  access: pluginWritesOnly(options),
  // Internal: no GraphQL types (the portal's own queries resolve old slugs).
  graphQL: false,
  indexes: [{ fields: [SITE_FIELD, 'collection', 'oldSlug'], unique: true }],
  fields: [
    {
      name: 'collection',
      type: 'select',
      required: true,
      options: [...OLD_SLUG_COLLECTIONS],
      label: label('Loại', 'Collection'),
    },
    {
      name: 'oldSlug',
      type: 'text',
      required: true,
      label: label('Đường dẫn cũ', 'Old slug'),
    },
    {
      name: 'doc',
      type: 'text',
      required: true,
      index: true,
      label: label('Mã tài liệu hiện tại', 'Current document id'),
    },
  ],
})
