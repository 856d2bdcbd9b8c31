import type { Payload } from 'payload'
import type { PortalFeature } from '../feature'
import type { ResolvedNewsPortalOptions } from '../types'
import { ratingsCollection } from '../../collections/Ratings'
import { ratingSummariesCollection } from '../../collections/RatingSummaries'
import { rateLimitHitsCollection } from '../../collections/RateLimitHits'
import { rateEndpoint } from './endpoints'
import { ratingErrorExtensions } from './errors'
import { rateArticleMutation, rateArticleValidation } from './graphql'
import { ratingField } from './ratingField'
import { RATE_LIMIT_HITS_SLUG, RATINGS_SLUG, RATING_SUMMARIES_SLUG } from './slugs'

export { MemoryRateLimitStore, type RateLimitStore, type RateLimitDecision } from './rateLimit'
export type { RatingSummary } from './summary'

/** Reader ratings: the vote log, per-article aggregates, `Article.rating` and the vote API. */
export function ratingsFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  return {
    collections: [ratingsCollection(options), ratingSummariesCollection(options), rateLimitHitsCollection(options)],
    articleFields: [ratingField],
    articleEndpoints: [rateEndpoint(options)],
    mutations: rateArticleMutation(options),
    graphQLValidationRules: rateArticleValidation,
    afterError: [ratingErrorExtensions],
    onInit: ensureUniqueIndexes,
  }
}

/**
 * SQL adapters create the unique indexes with the schema (dev push, or the migration in
 * production). Mongoose builds them in the background after connecting; wait for them, so the
 * very first votes are already guarded by the database.
 */
async function ensureUniqueIndexes(payload: Payload): Promise<void> {
  if (payload.db.name !== 'mongoose') return
  const models = (payload.db as unknown as { collections: Record<string, { createIndexes?: () => Promise<unknown> }> }).collections
  await Promise.all([RATINGS_SLUG, RATING_SUMMARIES_SLUG, RATE_LIMIT_HITS_SLUG].map((slug) => models[slug]?.createIndexes?.()))
}
