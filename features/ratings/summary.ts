import type { Payload, PayloadRequest } from 'payload'
import { incrementRow, retryWhileBusy } from '../../core/database.js'
import { idKey, type Id } from '../../core/ids.js'
import { RATING_SUMMARIES_SLUG } from '../../core/constants.js'

/** What readers see of an article's ratings. */
export interface RatingSummary {
  total: number
  count: number
  /** `total / count` rounded to 2 decimals; 0 when nobody has voted. */
  average: number
}

/** The summary of a stored aggregate row (or of none: no votes yet). */
export function toSummary(row?: { total?: unknown; count?: unknown } | null): RatingSummary {
  const total = Number(row?.total ?? 0)
  const count = Number(row?.count ?? 0)
  return { total, count, average: count > 0 ? Math.round((total * 100) / count) / 100 : 0 }
}

/**
 * Adds to an article's aggregate with one atomic `$inc` (never read-modify-write). The first vote
 * of an article creates its row; when two first votes race, the unique index on `article` refuses
 * one creation and that one increments the row the other created.
 */
export async function incrementSummary(
  payload: Payload,
  article: Id,
  total: number,
  count: number,
  req?: PayloadRequest,
): Promise<RatingSummary> {
  // site-scope: one article's aggregate, by its id (unique across sites).
  const row = await incrementRow(payload, {
    collection: RATING_SUMMARIES_SLUG,
    where: { article: { equals: article } },
    inc: { total, count },
    // Nothing to subtract from: the aggregate was never created (recompute repairs it).
    create: count < 0 ? null : { article, total, count },
    req,
  })
  return toSummary(row)
}

/** Reads the aggregates of several articles in one query. */
export async function findSummaries(
  payload: Payload,
  articles: Id[],
): Promise<Map<string, RatingSummary>> {
  const found = new Map<string, RatingSummary>()
  if (articles.length === 0) return found
  const result = await retryWhileBusy(() =>
    // site-scope: the aggregates of the given articles, by their ids (unique across sites).
    payload.db.find({
      collection: RATING_SUMMARIES_SLUG,
      where: { article: { in: articles } },
      limit: 0,
      pagination: false,
    }),
  )
  for (const row of result.docs as Array<{ article?: unknown; total?: unknown; count?: unknown }>) {
    const key = idKey(row.article)
    if (key !== undefined) found.set(key, toSummary(row))
  }
  return found
}

export async function findSummary(payload: Payload, article: Id): Promise<RatingSummary> {
  return (await findSummaries(payload, [article])).get(String(article)) ?? toSummary(null)
}
