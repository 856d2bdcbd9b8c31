import type { PortalFeature } from '../../core/feature.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { articlePageQuery } from './articlePage.js'
import { hardenPublicApi, type PayloadGraphQL } from './hardening.js'
import { chargeListsByRows } from './listComplexity.js'
import { feedEndpoint } from '../feed/endpoint.js'

export { corsOriginsFromEnv } from './hardening.js'
export { findArticlePage } from './articlePage.js'
export { capPublicPageSize } from './publicPageSize.js'
export { limitRequestBody } from './limitRequestBody.js'

/**
 * The public read surface: `ArticlePage` in GraphQL, the RSS feed at `/api/feed.xml`, and the
 * limits that keep the API up (complexity, depth, introspection, CORS).
 */
export function publicApiFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  const runtime: PayloadGraphQL = {}
  return {
    queries: (graphQL, context) => {
      runtime.module = graphQL
      // Payload's list queries are built by now: charge each by the rows it may return.
      chargeListsByRows(context.Query.fields, options.maxPublicPageSize)
      return articlePageQuery(graphQL, context)
    },
    endpoints: [feedEndpoint(options)],
    finalizeConfig: hardenPublicApi(options, runtime),
  }
}
