import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../plugin/types'
import { anyone, editorsOnly } from '../plugin/access'
import { slugField } from '../plugin/fields/slugField'
import { validateHttpUrl } from '../plugin/fields/validators'
import { populateSlug } from '../plugin/hooks/populateSlug'
import { groups, label } from '../plugin/lib/labels'
import { rejectMalformedId } from '../plugin/hooks/rejectMalformedId'

export const sourcesCollection = (options: ResolvedNewsPortalOptions): CollectionConfig => ({
  slug: 'sources',
  labels: { singular: label('Nguồn tin', 'Source'), plural: label('Nguồn tin', 'Sources') },
  graphQL: { singularName: 'Source', pluralName: 'Sources' },
  admin: { group: groups.news, useAsTitle: 'title', defaultColumns: ['title', 'url'] },
  access: { read: anyone, create: editorsOnly(options), update: editorsOnly(options), delete: editorsOnly(options) },
  hooks: options.disabled
    ? { beforeOperation: [rejectMalformedId] }
    : { beforeOperation: [rejectMalformedId], beforeValidate: [populateSlug({ sourceField: 'title' })] },
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      unique: true,
      label: label('Tên nguồn', 'Title'),
      admin: { description: label('Tên đơn vị cung cấp tin, không trùng.', 'The name of the source; unique.') },
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
