import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { anyone, editorsWrite } from '../features/content/access.js'
import { slugField } from '../features/content/fields/slugField.js'
import { validateHttpUrl } from '../features/content/fields/validators.js'
import { slugCollectionHooks } from '../features/content/hooks/slugCollectionHooks.js'
import { groups, label } from '../core/labels.js'
import { MEDIA_SLUG, SOURCES_SLUG } from '../core/constants.js'

export const sourcesCollection = (options: ResolvedNewsPortalOptions): CollectionConfig => ({
  slug: SOURCES_SLUG,
  labels: { singular: label('Nguồn tin', 'Source'), plural: label('Nguồn tin', 'Sources') },
  graphQL: { singularName: 'Source', pluralName: 'Sources' },
  admin: { group: groups.news, useAsTitle: 'title', defaultColumns: ['title', 'url'] },
  access: {
    read: anyone,
    ...editorsWrite(options),
  },
  hooks: slugCollectionHooks(options, 'title'),
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      unique: true,
      label: label('Tên nguồn', 'Title'),
      admin: {
        description: label(
          'Tên đơn vị cung cấp tin, không trùng.',
          'The name of the source; unique.',
        ),
      },
    },
    slugField(),
    {
      name: 'url',
      type: 'text',
      label: label('Trang web', 'Website'),
      validate: validateHttpUrl,
      admin: { description: label('Trang web của nguồn tin.', "The source's website.") },
    },
    {
      name: 'logo',
      type: 'upload',
      relationTo: MEDIA_SLUG,
      label: label('Biểu trưng', 'Logo'),
      admin: { description: label('Logo của nguồn tin.', "The source's logo.") },
    },
  ],
})
