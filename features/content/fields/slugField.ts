import type { TextField } from 'payload'
import { label } from '../../../core/labels.js'
import { componentPaths } from '../../../core/constants.js'

/**
 * The `slug` field every portal collection shares: indexed, filled from the title when empty, and
 * unique within its site (globally with `unique: true`, as the sites' own slugs are).
 * Not `required` in the schema, so API clients may leave it out; `populateSlug` guarantees one.
 * In the admin it previews, as its placeholder, the slug made from `sourceField` while the editor types.
 */
export const slugField = (sourceField = 'title', { unique = false } = {}): TextField => ({
  name: 'slug',
  type: 'text',
  label: label('Đường dẫn (slug)', 'Slug'),
  // Unique per site: the collection's compound (site, slug) index (see features/sites/fields.ts).
  unique,
  index: true,
  admin: {
    position: 'sidebar',
    components: { Field: { path: componentPaths.slugField, clientProps: { sourceField } } },
    description: label(
      'Để trống để tạo tự động từ tiêu đề (bỏ dấu, đ → d). Có thể sửa.',
      'Leave empty to generate it from the title (tones removed, đ → d). Editable.',
    ),
  },
})
