import type { Field } from 'payload'
import { label } from '../../../core/labels.js'
import { MEDIA_SLUG } from '../../../core/constants.js'
import { validateRelationExists } from './validators.js'

/**
 * `meta { title, description, image }`: what search engines and link previews show when it differs
 * from the headline, lead and cover. All optional; a front end falls back to those.
 */
export const metaFields = (): Field => ({
  name: 'meta',
  type: 'group',
  label: label('SEO', 'SEO'),
  admin: {
    description: label(
      'Tiêu đề, mô tả và ảnh cho công cụ tìm kiếm và mạng xã hội. Để trống để dùng tiêu đề, tóm tắt và ảnh đại diện.',
      'Title, description and image for search engines and shared links. Empty: the title, lead and cover are used.',
    ),
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      localized: true,
      maxLength: 120,
      label: label('Tiêu đề SEO', 'Meta title'),
      admin: {
        description: label('Nên dưới 60 ký tự.', 'Best under 60 characters.'),
      },
    },
    {
      name: 'description',
      type: 'textarea',
      localized: true,
      maxLength: 320,
      label: label('Mô tả SEO', 'Meta description'),
      admin: {
        description: label('Nên dưới 160 ký tự.', 'Best under 160 characters.'),
      },
    },
    {
      name: 'image',
      type: 'upload',
      relationTo: MEDIA_SLUG,
      validate: validateRelationExists as never,
      label: label('Ảnh chia sẻ', 'Meta image'),
      admin: {
        description: label(
          'Ảnh khi chia sẻ liên kết (tỉ lệ 1,91:1).',
          'The picture of a shared link (1.91:1).',
        ),
      },
    },
  ],
})
