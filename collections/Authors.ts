import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { anyone, editorsOnly } from '../features/content/access.js'
import { slugField } from '../features/content/fields/slugField.js'
import { populateSlug } from '../features/content/hooks/populateSlug.js'
import { groups, label } from '../core/labels.js'
import { rejectMalformedId } from '../features/content/hooks/rejectMalformedId.js'
import { rejectMalformedWhere } from '../features/content/hooks/rejectMalformedWhere.js'

export const authorsCollection = (options: ResolvedNewsPortalOptions): CollectionConfig => ({
  slug: 'authors',
  labels: { singular: label('Tác giả', 'Author'), plural: label('Tác giả', 'Authors') },
  graphQL: { singularName: 'Author', pluralName: 'Authors' },
  admin: { group: groups.news, useAsTitle: 'name', defaultColumns: ['name', 'pseudonym', 'slug'] },
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
        beforeValidate: [populateSlug({ sourceField: 'name' })],
      },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      label: label('Họ tên', 'Name'),
      admin: {
        description: label('Tên hiển thị dưới bài viết.', 'The name shown under articles.'),
      },
    },
    slugField('name'),
    {
      name: 'pseudonym',
      type: 'text',
      label: label('Bút danh', 'Pseudonym'),
      admin: { description: label('Bút danh nếu có.', 'A pen name, if any.') },
    },
    {
      name: 'bio',
      type: 'textarea',
      localized: true,
      label: label('Giới thiệu', 'Bio'),
      admin: { description: label('Vài dòng về tác giả.', 'A few lines about the author.') },
    },
    {
      name: 'avatar',
      type: 'upload',
      relationTo: 'media',
      label: label('Ảnh đại diện', 'Avatar'),
      admin: { description: label('Ảnh chân dung.', 'A portrait.') },
    },
  ],
})
