import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { pluginWritesOnly } from '../features/content/access.js'
import { groups, label } from '../core/labels.js'
import { recomputeEndpoint } from '../features/ratings/endpoints.js'
import { ARTICLES_SLUG, RATING_SUMMARIES_SLUG } from '../core/constants.js'

/**
 * One row per rated article: total points and vote count. Unversioned and apart from the article,
 * changed only by atomic `$inc`, so saving or publishing an article never writes back a stale total.
 */
export const ratingSummariesCollection = (
  options: ResolvedNewsPortalOptions,
): CollectionConfig => ({
  slug: RATING_SUMMARIES_SLUG,
  labels: {
    singular: label('Tổng điểm bài viết', 'Rating summary'),
    plural: label('Tổng điểm bài viết', 'Rating summaries'),
  },
  // Readers get the figures as Article.rating; the rows themselves stay internal.
  graphQL: false,
  admin: { group: groups.statistics, defaultColumns: ['article', 'total', 'count', 'updatedAt'] },
  access: pluginWritesOnly(options),
  endpoints: options.disabled ? [] : [recomputeEndpoint(options)],
  fields: [
    {
      name: 'article',
      type: 'relationship',
      relationTo: ARTICLES_SLUG,
      unique: true,
      label: label('Bài viết', 'Article'),
      admin: { description: label('Bài được chấm điểm.', 'The article rated.') },
    },
    {
      name: 'total',
      type: 'number',
      defaultValue: 0,
      label: label('Tổng điểm', 'Total points'),
      admin: { description: label('Cộng điểm của mọi lượt chấm.', 'The sum of every score.') },
    },
    {
      name: 'count',
      type: 'number',
      defaultValue: 0,
      label: label('Số lượt', 'Votes'),
      admin: { description: label('Số lượt bạn đọc chấm điểm.', 'How many readers rated it.') },
    },
  ],
})
