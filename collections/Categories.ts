import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { anyone, editorsOnly } from '../features/content/access.js'
import { slugField } from '../features/content/fields/slugField.js'
import { populateSlug } from '../features/content/hooks/populateSlug.js'
import { groups, label } from '../core/labels.js'
import { rejectMalformedId } from '../features/content/hooks/rejectMalformedId.js'
import { rejectMalformedWhere } from '../features/content/hooks/rejectMalformedWhere.js'

export const categoriesCollection = (options: ResolvedNewsPortalOptions): CollectionConfig => ({
  slug: 'categories',
  labels: { singular: label('Chuyên mục', 'Category'), plural: label('Chuyên mục', 'Categories') },
  graphQL: { singularName: 'Category', pluralName: 'Categories' },
  admin: {
    group: groups.news,
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'parent', 'order'],
  },
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
  defaultSort: 'order',
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      localized: true,
      label: label('Tên chuyên mục', 'Title'),
      admin: { description: label('Tên hiển thị của chuyên mục.', 'The name readers see.') },
    },
    slugField(),
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'categories',
      label: label('Chuyên mục cha', 'Parent'),
      admin: {
        description: label('Để trống nếu là chuyên mục gốc.', 'Empty for a top-level category.'),
      },
      validate: (value: unknown, { id }: { id?: string | number }) =>
        value !== undefined && value !== null && id !== undefined && String(value) === String(id)
          ? 'A category cannot be its own parent.'
          : true,
    },
    {
      name: 'description',
      type: 'textarea',
      localized: true,
      label: label('Mô tả', 'Description'),
      admin: { description: label('Giới thiệu ngắn về chuyên mục.', 'A short description.') },
    },
    {
      name: 'order',
      type: 'number',
      defaultValue: 0,
      label: label('Thứ tự', 'Order'),
      admin: { description: label('Số nhỏ hiện trước.', 'Lower numbers come first.') },
    },
  ],
})
