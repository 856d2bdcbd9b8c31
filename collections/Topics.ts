import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { anyone, editorsWrite } from '../features/content/access.js'
import { slugField } from '../features/content/fields/slugField.js'
import { validateRelationExists } from '../features/content/fields/validators.js'
import { canonicalUrlField } from '../features/content/fields/canonicalUrl.js'
import { topicPath } from '../features/content/paths.js'
import { slugCollectionHooks } from '../features/content/hooks/slugCollectionHooks.js'
import { groups, label } from '../core/labels.js'
import { MEDIA_SLUG, TOPICS_SLUG } from '../core/constants.js'

/** Event threads ("dòng sự kiện"): articles of any category that follow one story. */
export const topicsCollection = (options: ResolvedNewsPortalOptions): CollectionConfig => ({
  slug: TOPICS_SLUG,
  labels: { singular: label('Dòng sự kiện', 'Topic'), plural: label('Dòng sự kiện', 'Topics') },
  graphQL: { singularName: 'Topic', pluralName: 'Topics' },
  admin: {
    group: groups.news,
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'updatedAt'],
  },
  access: {
    read: anyone,
    ...editorsWrite(options),
  },
  hooks: slugCollectionHooks(options, 'title'),
  defaultSort: 'title',
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      localized: true,
      label: label('Tên dòng sự kiện', 'Title'),
      admin: { description: label('Tên hiển thị của dòng sự kiện.', 'The name readers see.') },
    },
    slugField(),
    {
      name: 'description',
      type: 'textarea',
      localized: true,
      label: label('Mô tả', 'Description'),
      admin: { description: label('Giới thiệu ngắn về sự kiện.', 'A short description.') },
    },
    {
      name: 'cover',
      type: 'upload',
      relationTo: MEDIA_SLUG,
      validate: validateRelationExists as never,
      label: label('Ảnh bìa', 'Cover'),
      admin: {
        description: label(
          'Ảnh đầu trang dòng sự kiện.',
          "The picture at the top of the topic's page.",
        ),
      },
    },
    canonicalUrlField((doc) => topicPath(doc.slug as string), ['slug']),
  ],
})
