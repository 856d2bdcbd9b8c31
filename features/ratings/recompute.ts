import type { Payload } from 'payload'
import { RATINGS_SLUG, RATING_SUMMARIES_SLUG } from '../../core/constants.js'
import { articleKey, isUniqueViolation } from './summary.js'

type Id = string | number

export interface RecomputeResult {
  /** Votes read from the log. */
  votes: number
  /** Articles that have at least one vote. */
  articles: number
  /** Aggregate rows that were wrong (or missing) and have been rewritten. */
  corrected: number
}

const PAGE = 2000

/**
 * Rebuilds every aggregate from the vote log, for repair. Rows that already match are left alone;
 * a vote accepted while this runs may need a second run to be reflected in a corrected row.
 */
export async function recomputeSummaries(payload: Payload): Promise<RecomputeResult> {
  const truth = new Map<string, { article: Id; total: number; count: number }>()
  let votes = 0
  for (let page = 1; ; page++) {
    const result = await payload.db.find({
      collection: RATINGS_SLUG,
      limit: PAGE,
      page,
      sort: 'id',
      select: { article: true, score: true },
    })
    for (const vote of result.docs as Array<{ article?: unknown; score?: unknown }>) {
      if (vote.article === null || vote.article === undefined) continue
      const article = (
        typeof vote.article === 'object' ? (vote.article as { id: Id }).id : vote.article
      ) as Id
      const key = articleKey(article)
      const entry = truth.get(key) ?? { article, total: 0, count: 0 }
      entry.total += Number(vote.score)
      entry.count += 1
      truth.set(key, entry)
      votes += 1
    }
    if (!result.hasNextPage) break
  }

  let corrected = 0
  const existing = await payload.db.find({
    collection: RATING_SUMMARIES_SLUG,
    limit: 0,
    pagination: false,
  })
  const seen = new Set<string>()
  for (const row of existing.docs as Array<{
    id: Id
    article?: unknown
    total?: unknown
    count?: unknown
  }>) {
    const key = articleKey(row.article)
    seen.add(key)
    const want = truth.get(key) ?? { total: 0, count: 0 }
    if (Number(row.total) === want.total && Number(row.count) === want.count) continue
    await payload.db.updateOne({
      collection: RATING_SUMMARIES_SLUG,
      id: row.id,
      data: { total: want.total, count: want.count },
    })
    corrected += 1
  }
  for (const [key, want] of truth) {
    if (seen.has(key)) continue
    const data = { total: want.total, count: want.count }
    try {
      await payload.db.create({
        collection: RATING_SUMMARIES_SLUG,
        data: { article: want.article, ...data },
      })
    } catch (error) {
      // A vote created the row meanwhile: set it to the log's figures.
      if (!isUniqueViolation(error)) throw error
      await payload.db.updateOne({
        collection: RATING_SUMMARIES_SLUG,
        where: { article: { equals: want.article } },
        data,
      })
    }
    corrected += 1
  }
  return { votes, articles: truth.size, corrected }
}
