import type { Payload } from 'payload'
import type { PortalFeature } from '../../core/feature.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { rateEndpoint } from './endpoints.js'
import { rateArticleMutation, rateArticleValidation } from './graphql.js'
import { ratingField } from './ratingField.js'
import { deleteArticleRatings, rememberArticleRatings } from './hooks.js'
import { RATE_LIMIT_HITS_SLUG, RATINGS_SLUG, RATING_SUMMARIES_SLUG } from '../../core/constants.js'

export { MemoryRateLimitStore, type RateLimitStore, type RateLimitDecision } from './rateLimit.js'
export type { RatingSummary } from './summary.js'

/** Reader ratings: the vote log, per-article aggregates, `Article.rating` and the vote API. */
export function ratingsFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  return {
    articleFields: [ratingField],
    articleEndpoints: [rateEndpoint(options)],
    articleHooks: {
      beforeDelete: [rememberArticleRatings],
      afterDelete: [deleteArticleRatings],
    },
    mutations: rateArticleMutation(options),
    graphQLValidationRules: rateArticleValidation,
    onInit: ensureUniqueIndexes,
  }
}

/**
 * SQL adapters create the unique indexes with the schema (dev push, or the migration in
 * production). Mongoose builds them in the background after connecting; wait for them, so the
 * very first votes are already guarded by the database.
 */
async function ensureUniqueIndexes(payload: Payload): Promise<void> {
  // site-scope: the adapter's name and its index builds, no rows.
  const adapter = payload.db as unknown as {
    name: string
    collections: Record<string, { createIndexes?: () => Promise<unknown> }>
  }
  if (adapter.name !== 'mongoose') return
  const models = adapter.collections
  await Promise.all(
    [RATINGS_SLUG, RATING_SUMMARIES_SLUG, RATE_LIMIT_HITS_SLUG].map((slug) =>
      models[slug]?.createIndexes?.(),
    ),
  )
}
