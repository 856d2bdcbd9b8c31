import type { Id } from '../../core/ids.js'
import type { SearchIndexQuery } from './indexContract.js'
import { checkedWords } from './sql.js'

/** One article's search document in MongoDB (the `portal_search` collection). */
export interface MongoSearchDocument {
  /** The article's `_id` (same type as in `articles`, so `$lookup` joins on it). */
  _id: unknown
  site: unknown
  /** Folded title words, as the SQL index's `title` column. */
  title: string
  /** Folded lead, body text, byline, authors and source, as the SQL index's `body` column. */
  body: string
  /** Every distinct word of both: a multikey index serves exact and `^prefix` matches. */
  words: string[]
}

export function mongoSearchDocument(
  id: unknown,
  site: unknown,
  title: string,
  body: string,
): MongoSearchDocument {
  const words = [...new Set(`${checkedWords(title)} ${checkedWords(body)}`.split(' '))]
  return { _id: id, site, title, body, words: words.filter(Boolean) }
}

/** Every regex metacharacter escaped: a word is matched as itself, never read as a pattern. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
}

/** Ids cast to the types the collections store (ObjectId on Payload's default ids). */
export interface MongoSearchIds {
  siteId: unknown
  categoryId: unknown
}

/**
 * The aggregation on `portal_search` answering one search: every term among the article's words
 * (the last as a prefix), joined to `articles` for the public rule, site and category read now;
 * then one facet counts them all and another orders them (title matches first, newest first, ties
 * by id) and cuts the page. `articles` is the articles' MongoDB collection name.
 */
export function mongoSearchPipeline(
  query: SearchIndexQuery,
  ids: MongoSearchIds,
  articles: string,
): Array<Record<string, unknown>> {
  const terms = query.terms.map(checkedWords)
  if (!terms.length || terms.some((term) => !term || term.includes(' ')))
    throw new Error('search: every term must be one word.')
  const last = terms.length - 1
  // Whole words are equal to an element of `words`; the last is a prefix of one.
  const matchesEvery = terms.map((term, index) =>
    index === last ? { words: { $regex: `^${escapeRegex(term)}` } } : { words: term },
  )
  const inTitle = terms.map((term, index) => ({
    $regexMatch: {
      input: '$title',
      regex: `(?:^| )${escapeRegex(term)}${index === last ? '' : '(?: |$)'}`,
    },
  }))
  const site = ids.siteId !== null ? { site: ids.siteId } : {}
  const isPublic = {
    _status: 'published',
    publishedAt: { $lte: query.now },
    // null also matches an article that never had an expiry.
    $or: [{ expiresAt: null }, { expiresAt: { $gt: query.now } }],
    ...site,
    ...(ids.categoryId !== null ? { categories: ids.categoryId } : {}),
  }
  return [
    { $match: { ...site, $and: matchesEvery } },
    {
      $lookup: {
        from: articles,
        // `let` + `$expr`: localField together with a pipeline needs MongoDB 5.0; this joins on _id's index from 4.2.
        let: { articleId: '$_id' },
        pipeline: [
          { $match: { $expr: { $eq: ['$_id', '$$articleId'] } } },
          { $match: isPublic },
          { $project: { _id: 0, publishedAt: 1 } },
        ],
        as: 'article',
      },
    },
    { $unwind: '$article' },
    {
      $facet: {
        total: [{ $count: 'count' }],
        page: [
          { $set: { tier: { $cond: [{ $and: inTitle }, 0, 1] } } },
          { $sort: { tier: 1, 'article.publishedAt': -1, _id: -1 } },
          { $skip: query.offset },
          { $limit: query.limit },
          { $project: { _id: 1 } },
        ],
      },
    },
  ]
}

/** The ids and total of the pipeline's one answer (ObjectIds as Payload's hex strings). */
export function mongoSearchAnswer(rows: Array<Record<string, unknown>>): {
  ids: Id[]
  total: number
} {
  const [answer] = rows as Array<{
    total?: Array<{ count?: number }>
    page?: Array<{ _id: unknown }>
  }>
  const total = answer?.total?.[0]?.count ?? 0
  const ids = (answer?.page ?? []).map(({ _id }) =>
    typeof _id === 'number' || typeof _id === 'string' ? _id : String(_id),
  )
  return { ids, total }
}
