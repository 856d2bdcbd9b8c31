import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { anyone, editorsWrite } from '../features/content/access.js'
import { groups, label } from '../core/labels.js'
import { rejectMalformedId } from '../features/content/hooks/rejectMalformedId.js'
import { MEDIA_SLUG } from '../core/constants.js'
import { rejectMalformedWhere } from '../features/content/hooks/rejectMalformedWhere.js'

/** The image library: global, shared by every site (no `site` field, no scoping by site). */
export const mediaCollection = (options: ResolvedNewsPortalOptions): CollectionConfig => ({
  slug: MEDIA_SLUG,
  labels: { singular: label('Tệp ảnh', 'Media'), plural: label('Thư viện ảnh', 'Media') },
  graphQL: { singularName: 'Media', pluralName: 'allMedia' },
  admin: { group: groups.news, useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'caption'] },
  access: {
    read: anyone,
    ...editorsWrite(options),
  },
  upload: {
    mimeTypes: ['image/*'],
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 240, position: 'centre' },
      { name: 'card', width: 768, height: 432, position: 'centre' },
    ],
    adminThumbnail: 'thumbnail',
  },
  hooks: { beforeOperation: [rejectMalformedId, rejectMalformedWhere] },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      localized: true,
      label: label('Mô tả ảnh (alt)', 'Alt text'),
      admin: {
        description: label(
          'Mô tả cho người khiếm thị; bắt buộc.',
          'Describes the image for screen readers; required.',
        ),
      },
    },
    {
      name: 'caption',
      type: 'text',
      localized: true,
      label: label('Chú thích', 'Caption'),
      admin: {
        description: label('Hiện dưới ảnh trong bài.', 'Shown under the image in articles.'),
      },
    },
  ],
})
