import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { editorsOnly, nobody } from '../features/content/access.js'
import { groups, label } from '../core/labels.js'
import { subtractDeletedVote } from '../features/ratings/hooks.js'
import { ARTICLES_SLUG, RATINGS_SLUG, componentPaths } from '../core/constants.js'

/** The vote log: never readable by the public; editors list, filter and delete (moderate) votes. */
export const ratingsCollection = (options: ResolvedNewsPortalOptions): CollectionConfig => ({
  slug: RATINGS_SLUG,
  labels: {
    singular: label('Lượt đánh giá', 'Rating'),
    plural: label('Đánh giá của bạn đọc', 'Reader ratings'),
  },
  graphQL: { singularName: 'Rating', pluralName: 'Ratings' },
  admin: {
    group: groups.statistics,
    defaultColumns: ['article', 'score', 'createdAt'],
    description: label(
      'Mỗi dòng là một lượt chấm điểm. Xóa một dòng để gỡ phiếu đó khỏi tổng điểm của bài.',
      "One row per vote. Delete a row to take that vote out of the article's total.",
    ),
    components: { beforeListTable: [componentPaths.recomputeRatingsButton] },
  },
  access: {
    read: editorsOnly(options),
    // Votes arrive only through rateArticle / POST /api/articles/:id/rate, and are never edited.
    create: nobody,
    update: nobody,
    delete: editorsOnly(options),
  },
  hooks: { afterDelete: [subtractDeletedVote] },
  // One vote per voter per article, enforced by the database.
  indexes: [{ fields: ['article', 'voterHash'], unique: true }],
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'article',
      type: 'relationship',
      relationTo: ARTICLES_SLUG,
      // No index of its own: the unique (article, voterHash) index serves `where article = …` too.
      label: label('Bài viết', 'Article'),
      admin: { description: label('Bài được chấm điểm.', 'The article rated.') },
    },
    {
      name: 'score',
      type: 'number',
      min: 1,
      max: 5,
      label: label('Điểm', 'Score'),
      admin: {
        description: label('Điểm bạn đọc chấm, từ 1 đến 5.', "The reader's score, 1 to 5."),
      },
    },
    {
      name: 'voterHash',
      type: 'text',
      label: label('Mã người chấm (băm)', 'Voter (keyed hash)'),
      admin: {
        description: label(
          'HMAC của người chấm; không lưu IP hay mã gốc.',
          'An HMAC of the voter; no IP or raw token is stored.',
        ),
      },
    },
  ],
})
