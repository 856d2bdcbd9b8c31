import type { CollectionConfig, RelationshipFieldSingleValidation } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { anyone, editorsWrite } from '../features/content/access.js'
import { slugField } from '../features/content/fields/slugField.js'
import { validateRelationExists } from '../features/content/fields/validators.js'
import { slugCollectionHooks } from '../features/content/hooks/slugCollectionHooks.js'
import { forgetOldSlugsOnDelete, keepOldSlug } from '../features/content/oldSlugs/hooks.js'
import { groups, label } from '../core/labels.js'
import { CATEGORIES_SLUG, RESERVED_CATEGORY_SLUGS } from '../core/constants.js'
import { rejectReservedSlug } from '../features/content/hooks/rejectReservedSlug.js'

/** A category's slug is its address (`/{slug}`): never one Payload or the portal answers already. */
const withReservedSlugs = (
  hooks: CollectionConfig['hooks'],
  options: ResolvedNewsPortalOptions,
): CollectionConfig['hooks'] =>
  options.disabled
    ? hooks
    : {
        ...hooks,
        beforeValidate: [
          ...(hooks?.beforeValidate ?? []),
          rejectReservedSlug(RESERVED_CATEGORY_SLUGS),
        ],
      }

/** A parent is an existing category of the same site, and not the category itself. */
const validateParent: RelationshipFieldSingleValidation = (value, options) =>
  value !== undefined &&
  value !== null &&
  options.id !== undefined &&
  String(value) === String(options.id)
    ? 'A category cannot be its own parent.'
    : validateRelationExists(value, options)

export const categoriesCollection = (options: ResolvedNewsPortalOptions): CollectionConfig => ({
  slug: CATEGORIES_SLUG,
  labels: { singular: label('Chuyên mục', 'Category'), plural: label('Chuyên mục', 'Categories') },
  graphQL: { singularName: 'Category', pluralName: 'Categories' },
  admin: {
    group: groups.news,
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'parent', 'order'],
  },
  access: {
    read: anyone,
    ...editorsWrite(options),
  },
  hooks: options.disabled
    ? slugCollectionHooks(options, 'title')
    : withReservedSlugs(
        {
          ...slugCollectionHooks(options, 'title'),
          afterChange: [keepOldSlug],
          afterDelete: [forgetOldSlugsOnDelete],
        },
        options,
      ),
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
      relationTo: CATEGORIES_SLUG,
      label: label('Chuyên mục cha', 'Parent'),
      admin: {
        description: label('Để trống nếu là chuyên mục gốc.', 'Empty for a top-level category.'),
      },
      validate: validateParent,
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
