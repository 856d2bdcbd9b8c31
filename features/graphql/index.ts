import type { PortalFeature } from '../../core/feature.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { articlePageQuery } from './articlePage.js'
import { categoryBySlugQuery } from './categoryBySlug.js'
import { hardenPublicApi } from './hardening.js'
import { chargeListsByRows } from './listComplexity.js'
import { preflightEndpoint } from './corsPreflight.js'
import { feedEndpoint } from '../feed/endpoint.js'

export { findArticlePage } from './articlePage.js'
export { capPublicPageSize } from './publicPageSize.js'
export { limitRequestBody } from './limitRequestBody.js'
export { graphqlGet } from './graphqlGet.js'
export { jsonParamError } from './jsonParamError.js'

/**
 * The public read surface: `ArticlePage` in GraphQL, the RSS feed at `/api/feed.xml`, the
 * limits that keep the API up (complexity, depth, introspection, CORS), and 400s for malformed
 * query parameters.
 */
export function publicApiFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  // With CORS origins set, browsers on them may call the public paths with the SDK's methods only.
  const preflight = (path: string) => (options.corsOrigins ? [preflightEndpoint(path)] : [])
  return {
    queries: (graphQL, context) => {
      // Payload's list queries are built by now: charge each by the rows it may return.
      chargeListsByRows(context.Query.fields, options.maxPublicPageSize)
      return {
        ...articlePageQuery(options)(graphQL, context),
        ...categoryBySlugQuery(options)(graphQL, context),
      }
    },
    endpoints: [
      feedEndpoint(options),
      ...preflight('/graphql'),
      ...preflight('/visits'),
      ...preflight('/feed.xml'),
    ],
    articleEndpoints: preflight('/:id/rate'),
    finalizeConfig: hardenPublicApi(options),
  }
}
