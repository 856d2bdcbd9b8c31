import { ValidationError, type Payload, type PayloadRequest } from 'payload'
import { retryWhileBusy } from '../counters/store.js'
import { RATING_SUMMARIES_SLUG } from '../../core/constants.js'

/** What readers see of an article's ratings. */
export interface RatingSummary {
  total: number
  count: number
  /** `total / count` rounded to 2 decimals; 0 when nobody has voted. */
  average: number
}

type Id = string | number

/** The summary of a stored aggregate row (or of none: no votes yet). */
export function toSummary(row?: { total?: unknown; count?: unknown } | null): RatingSummary {
  const total = Number(row?.total ?? 0)
  const count = Number(row?.count ?? 0)
  return { total, count, average: count > 0 ? Math.round((total * 100) / count) / 100 : 0 }
}

/** A unique index refused the write (every adapter reports it as a Payload `ValidationError`). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof ValidationError ||
    (error as { name?: unknown } | null)?.name === 'ValidationError'
  )
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
  const data = { total: { $inc: total }, count: { $inc: count } }
  for (let attempt = 0; attempt < 3; attempt++) {
    // SQLITE_BUSY (another process on the same SQLite file holds the write lock): the statement
    // wrote nothing, so waiting asynchronously and sending it again is exact.
    const updated = await retryWhileBusy(() =>
      payload.db.updateOne({
        collection: RATING_SUMMARIES_SLUG,
        where: { article: { equals: article } },
        data,
        // One `UPDATE … WHERE article = ? RETURNING` on SQL (as Payload's own forgotPassword uses it).
        options: { atomic: true },
        req,
      }),
    )
    if (updated) return toSummary(updated as { total?: unknown; count?: unknown })
    // Nothing to subtract from: the aggregate was never created (recompute repairs it).
    if (count < 0) return toSummary(null)
    try {
      const created = await retryWhileBusy(() =>
        payload.db.create({
          collection: RATING_SUMMARIES_SLUG,
          data: { article, total, count },
          req,
        }),
      )
      return toSummary(created)
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
    }
  }
  throw new Error(`Could not update the rating summary of article ${String(article)}.`)
}

/** Reads the aggregates of several articles in one query. */
export async function findSummaries(
  payload: Payload,
  articles: Id[],
): Promise<Map<string, RatingSummary>> {
  const found = new Map<string, RatingSummary>()
  if (articles.length === 0) return found
  const result = await retryWhileBusy(() =>
    payload.db.find({
      collection: RATING_SUMMARIES_SLUG,
      where: { article: { in: articles } },
      limit: 0,
      pagination: false,
    }),
  )
  for (const row of result.docs as Array<{ article?: unknown; total?: unknown; count?: unknown }>) {
    found.set(articleKey(row.article), toSummary(row))
  }
  return found
}

export async function findSummary(payload: Payload, article: Id): Promise<RatingSummary> {
  return (await findSummaries(payload, [article])).get(String(article)) ?? toSummary(null)
}

/** A relationship value (an id, or a populated document) as a map key. */
export function articleKey(value: unknown): string {
  if (value && typeof value === 'object' && 'id' in value)
    return String((value as { id: unknown }).id)
  return String(value)
}
