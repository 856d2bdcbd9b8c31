import type { PortalFeature } from '../feature'
import type { ResolvedNewsPortalOptions } from '../types'
import { ratingsCollection } from '../../collections/Ratings'
import { ratingSummariesCollection } from '../../collections/RatingSummaries'
import { rateEndpoint } from './endpoints'
import { ratingErrorExtensions } from './errors'
import { rateArticleMutation, rateArticleValidation } from './graphql'
import { ratingField } from './ratingField'

export { MemoryRateLimitStore, type RateLimitStore, type RateLimitDecision } from './rateLimit'
export type { RatingSummary } from './summary'

/** Reader ratings: the vote log, per-article aggregates, `Article.rating` and the vote API. */
export function ratingsFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  return {
    collections: [ratingsCollection(options), ratingSummariesCollection(options)],
    articleFields: [ratingField],
    articleEndpoints: [rateEndpoint(options)],
    mutations: rateArticleMutation(options),
    graphQLValidationRules: rateArticleValidation,
    afterError: [ratingErrorExtensions],
  }
}
