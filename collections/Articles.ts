import type { CollectionConfig } from 'payload'
import { lexicalEditor, UploadFeature } from '@payloadcms/richtext-lexical'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { editorsOnly, editorsWrite, readPublicArticles } from '../features/content/access.js'
import { slugField } from '../features/content/fields/slugField.js'
import { validateHttpUrl, validateRelationExists } from '../features/content/fields/validators.js'
import { groups, label } from '../core/labels.js'
import { renderBodyHtmlOnSave } from '../features/content/hooks/renderBodyHtml.js'
import { slugCollectionHooks } from '../features/content/hooks/slugCollectionHooks.js'
import { bodyHtmlField } from '../features/content/fields/bodyHtmlField.js'
import { setPublishedAt } from '../features/content/hooks/setPublishedAt.js'
import { setPrimaryCategory } from '../features/content/hooks/setPrimaryCategory.js'
import { publicReadsPublished } from '../features/content/hooks/publicReadsPublished.js'
import { articlePreviewUrl } from '../features/content/previewUrl.js'
import { forgetOldSlugsOnDelete, keepOldSlug } from '../features/content/oldSlugs/hooks.js'
import { metaFields } from '../features/content/fields/metaFields.js'
import { canonicalUrlField } from '../features/content/fields/canonicalUrl.js'
import { categorySlugOf } from '../features/content/categorySlugs.js'
import { articleReadIndexes } from '../features/content/readIndexes.js'
import {
  ARTICLES_SLUG,
  AUTHORS_SLUG,
  CATEGORIES_SLUG,
  MEDIA_SLUG,
  SOURCES_SLUG,
  TOPICS_SLUG,
} from '../core/constants.js'

export const articlesCollection = (options: ResolvedNewsPortalOptions): CollectionConfig => ({
  slug: ARTICLES_SLUG,
  labels: { singular: label('Bài viết', 'Article'), plural: label('Bài viết', 'Articles') },
  graphQL: { singularName: 'Article', pluralName: 'Articles' },
  admin: {
    group: groups.news,
    useAsTitle: 'title',
    defaultColumns: ['title', 'primaryCategory', '_status', 'publishedAt', 'views', 'rating'],
    listSearchableFields: ['title', 'slug'],
    preview: articlePreviewUrl(options),
  },
  access: {
    read: readPublicArticles(options),
    readVersions: editorsOnly(options),
    ...editorsWrite(options),
  },
  hooks: slugCollectionHooks(options, 'title', {
    guards: [publicReadsPublished(options)],
    beforeChange: [setPublishedAt, setPrimaryCategory, renderBodyHtmlOnSave],
    afterChange: [keepOldSlug],
    afterDelete: [forgetOldSlugsOnDelete],
  }),
  versions: { drafts: true, maxPerDoc: 50 },
  defaultSort: '-publishedAt',
  indexes: articleReadIndexes,
  fields: [
    {
      name: 'title',
      type: 'text',
      label: label('Tiêu đề', 'Title'),
      required: true,
      localized: true,
      admin: { description: label('Tiêu đề bài viết.', 'The headline.') },
    },
    {
      name: 'lead',
      type: 'textarea',
      label: label('Tóm tắt', 'Lead'),
      localized: true,
      admin: {
        description: label('Đoạn mở đầu, văn bản thuần.', 'The opening paragraph, plain text.'),
      },
    },
    {
      name: 'body',
      type: 'richText',
      label: label('Nội dung', 'Body'),
      localized: true,
      admin: {
        description: label(
          'Nội dung bài; chèn ảnh bằng nút "+" hoặc gõ "/", thêm chú thích trong hộp thoại của ảnh.',
          'The article text; insert an image with "+" or by typing "/", and add its caption in its drawer.',
        ),
      },
      editor: lexicalEditor({
        features: ({ defaultFeatures }) => [
          ...defaultFeatures.filter((feature) => feature.key !== 'upload'),
          UploadFeature({
            collections: {
              [MEDIA_SLUG]: {
                fields: [
                  {
                    name: 'caption',
                    type: 'text',
                    label: label('Chú thích ảnh', 'Caption'),
                    admin: {
                      description: label(
                        'Để trống để dùng chú thích của ảnh.',
                        "Leave empty to use the image's own caption.",
                      ),
                    },
                  },
                ],
              },
            },
          }),
        ],
      }),
    },
    bodyHtmlField(options),
    slugField(),
    {
      name: 'publishedAt',
      type: 'date',
      label: label('Ngày đăng', 'Published at'),
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: label(
          'Bài chỉ hiện với công chúng từ thời điểm này. Để trống: lúc xuất bản.',
          'The public sees the article from this time on. Empty: when published.',
        ),
      },
    },
    {
      name: 'expiresAt',
      type: 'date',
      label: label('Ngày hết hạn', 'Expires at'),
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: label(
          'Sau thời điểm này bài bị ẩn với công chúng.',
          'After this time the public no longer sees it.',
        ),
      },
      validate: (value: unknown, { siblingData }: { siblingData: { publishedAt?: unknown } }) => {
        if (!value || !siblingData.publishedAt) return true
        return new Date(value as string) > new Date(siblingData.publishedAt as string)
          ? true
          : 'expiresAt must be later than publishedAt.'
      },
    },
    {
      name: 'coverImage',
      type: 'upload',
      relationTo: MEDIA_SLUG,
      validate: validateRelationExists as never,
      label: label('Ảnh đại diện', 'Cover image'),
      admin: {
        description: label(
          'Ảnh hiển thị trong danh sách tin.',
          'The picture shown in article lists.',
        ),
      },
    },
    {
      name: 'categories',
      type: 'relationship',
      relationTo: CATEGORIES_SLUG,
      validate: validateRelationExists,
      hasMany: true,
      label: label('Chuyên mục', 'Categories'),
      admin: {
        position: 'sidebar',
        description: label(
          'Chuyên mục đầu tiên là chuyên mục chính.',
          'The first category is the primary one.',
        ),
      },
    },
    {
      name: 'primaryCategory',
      type: 'relationship',
      relationTo: CATEGORIES_SLUG,
      index: true,
      label: label('Chuyên mục chính', 'Primary category'),
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: label(
          'Tự động: chuyên mục đầu tiên.',
          'Set automatically: the first category.',
        ),
      },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: AUTHORS_SLUG,
      validate: validateRelationExists,
      hasMany: true,
      label: label('Tác giả', 'Authors'),
      admin: {
        position: 'sidebar',
        description: label('Tác giả có hồ sơ.', 'Authors with a record.'),
      },
    },
    {
      name: 'byline',
      type: 'text',
      label: label('Bút danh / tác giả khác', 'Byline'),
      admin: {
        position: 'sidebar',
        description: label('Tên tác giả không có hồ sơ.', 'A name with no author record.'),
      },
    },
    {
      name: 'source',
      type: 'relationship',
      relationTo: SOURCES_SLUG,
      validate: validateRelationExists,
      label: label('Nguồn tin', 'Source'),
      admin: {
        position: 'sidebar',
        description: label('Đơn vị cung cấp tin.', 'Where the story comes from.'),
      },
    },
    {
      name: 'sourceUrl',
      type: 'text',
      label: label('Đường dẫn nguồn', 'Source URL'),
      validate: validateHttpUrl,
      admin: {
        position: 'sidebar',
        description: label('Liên kết tới bài gốc.', 'Link to the original.'),
      },
    },
    {
      name: 'tags',
      type: 'text',
      hasMany: true,
      label: label('Từ khóa', 'Tags'),
      admin: { position: 'sidebar', description: label('Từ khóa của bài.', 'Keywords.') },
    },
    {
      name: 'topics',
      type: 'relationship',
      relationTo: TOPICS_SLUG as never,
      validate: validateRelationExists,
      hasMany: true,
      label: label('Dòng sự kiện', 'Topics'),
      admin: {
        position: 'sidebar',
        description: label(
          'Các dòng sự kiện bài thuộc về; bài cùng dòng hiện ở mục "Tin liên quan".',
          'The topics it follows; articles sharing one show as related.',
        ),
      },
    },
    metaFields(),
    canonicalUrlField(
      async (doc, req) =>
        options.articlePath({
          slug: doc.slug as string,
          primaryCategorySlug: await categorySlugOf(req, doc.primaryCategory),
        }),
      ['slug', 'primaryCategory'],
    ),
    {
      name: 'allowRatings',
      type: 'checkbox',
      defaultValue: true,
      label: label('Cho phép đánh giá', 'Allow ratings'),
      admin: {
        position: 'sidebar',
        description: label('Bạn đọc được chấm điểm bài.', 'Readers may rate it.'),
      },
    },
  ],
})
