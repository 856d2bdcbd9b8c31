import type { Field } from 'payload'
import { label } from '../../core/labels.js'
import { toSummary } from './summary.js'
import { loadSummary } from './summaryLoader.js'
import { componentPaths } from '../../core/constants.js'
import { idOf } from '../../core/ids.js'

const readOnlyNumber = (
  name: string,
  vi: string,
  en: string,
  description: [string, string],
): Field => ({
  name,
  type: 'number',
  label: label(vi, en),
  virtual: true,
  admin: { readOnly: true, description: label(...description) },
  access: { create: () => false, update: () => false },
})

/**
 * `Article.rating { total count average }`: virtual (never stored on the versioned article row),
 * read from the article's aggregate row, batched per request.
 */
export const ratingField: Field = {
  name: 'rating',
  type: 'group',
  // Also the GraphQL type name the rateArticle mutation returns.
  interfaceName: 'RatingSummary',
  virtual: true,
  label: label('Đánh giá của bạn đọc', 'Reader rating'),
  admin: {
    position: 'sidebar',
    readOnly: true,
    description: label(
      'Tổng điểm, số lượt và điểm trung bình.',
      'Total points, votes and average.',
    ),
    components: { Cell: componentPaths.ratingCell },
  },
  access: { create: () => false, update: () => false },
  // Its hook reads only the article's id: a narrow `select` (ArticlePage) may include it alone.
  custom: { computedFrom: [] },
  hooks: {
    afterRead: [
      async ({ data, req }) => {
        const doc = data as { id?: unknown; parent?: unknown; version?: unknown } | undefined
        // Inside a version document the article is its `parent`, not its own id.
        const id = idOf(doc?.version !== undefined ? doc.parent : doc?.id)
        if (id === undefined) return toSummary(null)
        return loadSummary(req, id)
      },
    ],
  },
  fields: [
    readOnlyNumber('total', 'Tổng điểm', 'Total points', [
      'Cộng điểm của mọi lượt chấm.',
      'The sum of every score.',
    ]),
    readOnlyNumber('count', 'Số lượt', 'Votes', [
      'Số lượt bạn đọc chấm điểm.',
      'How many readers rated it.',
    ]),
    readOnlyNumber('average', 'Điểm trung bình', 'Average', [
      'Tổng điểm chia số lượt (1–5).',
      'Total divided by votes (1–5).',
    ]),
  ],
}
