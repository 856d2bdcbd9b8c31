import type { Payload, Where } from 'payload'
import { RATINGS_SLUG, RATING_SUMMARIES_SLUG } from '../../core/constants.js'
import { isUniqueViolation, retryWhileBusy } from '../../core/database.js'
import { idKey, idOf, type Id } from '../../core/ids.js'
import { toSummary, type RatingSummary } from './summary.js'

export interface RecomputeResult {
  /** Votes read from the log. */
  votes: number
  /** Articles that have at least one vote. */
  articles: number
  /** Aggregate rows that were wrong (or missing) and have been rewritten. */
  corrected: number
}

type Tally = { article: Id; total: number; count: number }

const PAGE = 2000

/** Sums the votes of the log that match `where`, per article (keyed by `idKey`). */
async function tallyVotes(
  payload: Payload,
  where?: Where,
): Promise<{ votes: number; byArticle: Map<string, Tally> }> {
  const byArticle = new Map<string, Tally>()
  let votes = 0
  for (let page = 1; ; page++) {
    // site-scope: votes are keyed by article ids, unique across sites; a repair covers all.
    const result = await payload.db.find({
      collection: RATINGS_SLUG,
      where,
      limit: PAGE,
      page,
      sort: 'id',
      select: { article: true, score: true },
    })
    for (const vote of result.docs as Array<{ article?: unknown; score?: unknown }>) {
      const article = idOf(vote.article)
      if (article === undefined) continue
      const key = String(article)
      const entry = byArticle.get(key) ?? { article, total: 0, count: 0 }
      entry.total += Number(vote.score)
      entry.count += 1
      byArticle.set(key, entry)
      votes += 1
    }
    if (!result.hasNextPage) break
  }
  return { votes, byArticle }
}

/** Sets an article's aggregate row to the given figures, creating the row when it is missing. */
async function setSummary(payload: Payload, { article, total, count }: Tally): Promise<void> {
  const update = () =>
    retryWhileBusy(() =>
      // site-scope: one article's aggregate, by its id (unique across sites).
      payload.db.updateOne({
        collection: RATING_SUMMARIES_SLUG,
        where: { article: { equals: article } },
        data: { total, count },
      }),
    )
  if (await update()) return
  try {
    await retryWhileBusy(() =>
      // site-scope: one article's aggregate, by its id (unique across sites).
      payload.db.create({
        collection: RATING_SUMMARIES_SLUG,
        data: { article, total, count },
        returning: false,
      }),
    )
  } catch (error) {
    // A vote created the row meanwhile: set it to the log's figures.
    if (!isUniqueViolation(error)) throw error
    await update()
  }
}

/**
 * Rebuilds one article's aggregate from the vote log (the repair when a vote's log row and
 * aggregate could not be kept in step). A vote accepted while this runs may be missed; the
 * full recompute catches it.
 */
export async function recomputeSummary(payload: Payload, article: Id): Promise<RatingSummary> {
  const { byArticle } = await tallyVotes(payload, { article: { equals: article } })
  const want = byArticle.get(String(article)) ?? { article, total: 0, count: 0 }
  await setSummary(payload, want)
  return toSummary(want)
}

/**
 * Rebuilds every aggregate from the vote log, for repair. Rows that already match are left alone;
 * a vote accepted while this runs may need a second run to be reflected in a corrected row.
 */
export async function recomputeSummaries(payload: Payload): Promise<RecomputeResult> {
  const { votes, byArticle: truth } = await tallyVotes(payload)

  let corrected = 0
  // site-scope: aggregates are keyed by article ids, unique across sites; a repair covers all.
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
    const key = idKey(row.article)
    if (key !== undefined) seen.add(key)
    const want = (key !== undefined && truth.get(key)) || { total: 0, count: 0 }
    if (Number(row.total) === want.total && Number(row.count) === want.count) continue
    // site-scope: one aggregate row, by its id.
    await payload.db.updateOne({
      collection: RATING_SUMMARIES_SLUG,
      id: row.id,
      data: { total: want.total, count: want.count },
    })
    corrected += 1
  }
  for (const [key, want] of truth) {
    if (seen.has(key)) continue
    await setSummary(payload, want)
    corrected += 1
  }
  return { votes, articles: truth.size, corrected }
}
