import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { anyone, editorsWrite } from '../features/content/access.js'
import { slugField } from '../features/content/fields/slugField.js'
import { slugCollectionHooks } from '../features/content/hooks/slugCollectionHooks.js'
import { groups, label } from '../core/labels.js'
import { AUTHORS_SLUG, MEDIA_SLUG } from '../core/constants.js'

export const authorsCollection = (options: ResolvedNewsPortalOptions): CollectionConfig => ({
  slug: AUTHORS_SLUG,
  labels: { singular: label('Tác giả', 'Author'), plural: label('Tác giả', 'Authors') },
  graphQL: { singularName: 'Author', pluralName: 'Authors' },
  admin: { group: groups.news, useAsTitle: 'name', defaultColumns: ['name', 'pseudonym', 'slug'] },
  access: {
    read: anyone,
    ...editorsWrite(options),
  },
  hooks: slugCollectionHooks(options, 'name'),
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
      relationTo: MEDIA_SLUG,
      label: label('Ảnh đại diện', 'Avatar'),
      admin: { description: label('Ảnh chân dung.', 'A portrait.') },
    },
  ],
})
