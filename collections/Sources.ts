import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { anyone, editorsOnly } from '../features/content/access.js'
import { slugField } from '../features/content/fields/slugField.js'
import { validateHttpUrl } from '../features/content/fields/validators.js'
import { populateSlug } from '../features/content/hooks/populateSlug.js'
import { groups, label } from '../core/labels.js'
import { rejectMalformedId } from '../features/content/hooks/rejectMalformedId.js'
import { rejectMalformedWhere } from '../features/content/hooks/rejectMalformedWhere.js'

export const sourcesCollection = (options: ResolvedNewsPortalOptions): CollectionConfig => ({
  slug: 'sources',
  labels: { singular: label('Nguồn tin', 'Source'), plural: label('Nguồn tin', 'Sources') },
  graphQL: { singularName: 'Source', pluralName: 'Sources' },
  admin: { group: groups.news, useAsTitle: 'title', defaultColumns: ['title', 'url'] },
  access: {
    read: anyone,
    create: editorsOnly(options),
    update: editorsOnly(options),
    delete: editorsOnly(options),
  },
  hooks: options.disabled
    ? { beforeOperation: [rejectMalformedId, rejectMalformedWhere] }
    : {
        beforeOperation: [rejectMalformedId, rejectMalformedWhere],
        beforeValidate: [populateSlug({ sourceField: 'title' })],
      },
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
      relationTo: 'media',
      label: label('Biểu trưng', 'Logo'),
      admin: { description: label('Logo của nguồn tin.', "The source's logo.") },
    },
  ],
})
