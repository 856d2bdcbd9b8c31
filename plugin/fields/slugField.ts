import type { TextField } from 'payload'
import { label } from '../lib/labels'

/**
 * The `slug` field every portal collection shares: unique, indexed, filled from the title when empty.
 * Not `required` in the schema, so API clients may leave it out; `populateSlug` guarantees one.
 */
export const slugField = (): TextField => ({
  name: 'slug',
  type: 'text',
  label: label('Đường dẫn (slug)', 'Slug'),
  unique: true,
  index: true,
  admin: {
    position: 'sidebar',
    description: label(
      'Để trống để tạo tự động từ tiêu đề (bỏ dấu, đ → d). Có thể sửa.',
      'Leave empty to generate it from the title (tones removed, đ → d). Editable.',
    ),
  },
})
