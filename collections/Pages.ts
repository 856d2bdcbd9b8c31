import type { CollectionConfig } from 'payload'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { editorsOnly, editorsWrite, readPublicPages } from '../features/content/access.js'
import { slugField } from '../features/content/fields/slugField.js'
import { metaFields } from '../features/content/fields/metaFields.js'
import { canonicalUrlField } from '../features/content/fields/canonicalUrl.js'
import { validateNoCycleParent } from '../features/content/fields/pageParent.js'
import { pagePath } from '../features/content/paths.js'
import { groups, label } from '../core/labels.js'
import { renderBodyHtmlOnSave } from '../features/content/hooks/renderBodyHtml.js'
import { slugCollectionHooks } from '../features/content/hooks/slugCollectionHooks.js'
import { bodyHtmlField } from '../features/content/fields/bodyHtmlField.js'
import { publicReadsPublished } from '../features/content/hooks/publicReadsPublished.js'
import { PAGES_SLUG } from '../core/constants.js'

/** Standing pages of a site ("Giới thiệu", "Cơ cấu tổ chức", "Liên hệ"), with drafts, in vi and en. */
export const pagesCollection = (options: ResolvedNewsPortalOptions): CollectionConfig => ({
  slug: PAGES_SLUG,
  labels: { singular: label('Trang tĩnh', 'Page'), plural: label('Trang tĩnh', 'Pages') },
  graphQL: { singularName: 'Page', pluralName: 'Pages' },
  admin: {
    group: groups.news,
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'parent', '_status', 'updatedAt'],
  },
  access: {
    read: readPublicPages(options),
    readVersions: editorsOnly(options),
    ...editorsWrite(options),
  },
  hooks: slugCollectionHooks(options, 'title', {
    guards: [publicReadsPublished(options)],
    beforeChange: [renderBodyHtmlOnSave],
  }),
  versions: { drafts: true, maxPerDoc: 50 },
  defaultSort: 'order',
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      localized: true,
      label: label('Tiêu đề', 'Title'),
      admin: { description: label('Tiêu đề của trang.', "The page's title.") },
    },
    {
      name: 'body',
      type: 'richText',
      localized: true,
      label: label('Nội dung', 'Body'),
      admin: { description: label('Nội dung của trang.', "The page's text.") },
      editor: lexicalEditor({}),
    },
    bodyHtmlField(options),
    slugField(),
    {
      name: 'parent',
      type: 'relationship',
      relationTo: PAGES_SLUG as never,
      validate: validateNoCycleParent as never,
      label: label('Trang cha', 'Parent'),
      admin: {
        position: 'sidebar',
        description: label('Để trống nếu là trang gốc.', 'Empty for a top-level page.'),
      },
    },
    {
      name: 'order',
      type: 'number',
      defaultValue: 0,
      label: label('Thứ tự', 'Order'),
      admin: {
        position: 'sidebar',
        description: label('Số nhỏ hiện trước.', 'Lower numbers come first.'),
      },
    },
    metaFields(),
    canonicalUrlField((doc) => pagePath(doc.slug as string), ['slug']),
  ],
})
