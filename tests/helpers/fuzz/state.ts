import type { CollectionSlug, Payload } from 'payload'
import { RATINGS_SLUG, RATING_SUMMARIES_SLUG } from '../../../core/constants.js'

const COUNTED = [RATINGS_SLUG, RATING_SUMMARIES_SLUG, 'visit-counts', 'visit-sessions']

/**
 * What a refused vote or visit must leave alone: the rows of the vote log, the rating summaries,
 * the visit counts and sessions, and the figures they hold.
 */
export async function countersState(payload: Payload): Promise<Record<string, number>> {
  const rows = await Promise.all(
    COUNTED.map((collection) =>
      payload.db
        .count({ collection: collection as CollectionSlug, where: {} })
        .then(({ totalDocs }) => [`${collection} rows`, totalDocs] as const),
    ),
  )
  const sum = async (collection: string, field: string) => {
    const { docs } = await payload.find({
      collection: collection as CollectionSlug,
      pagination: false,
      depth: 0,
      select: { [field]: true },
      overrideAccess: true,
    })
    return docs.reduce((total, doc) => total + Number((doc as Record<string, unknown>)[field]), 0)
  }
  const [hits, votes] = await Promise.all([
    sum('visit-counts', 'hits'),
    sum(RATING_SUMMARIES_SLUG, 'count'),
  ])
  return { ...Object.fromEntries(rows), 'visit hits': hits, 'votes counted': votes }
}
