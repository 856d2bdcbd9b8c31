import type { PortalFeature } from '../../core/feature.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { articlePageQuery } from './articlePage.js'
import { hardenPublicApi, type PayloadGraphQL } from './hardening.js'
import { jsonParamError } from './jsonParamError.js'
import { feedEndpoint } from '../feed/endpoint.js'

export { corsOriginsFromEnv } from './hardening.js'
export { findArticlePage } from './articlePage.js'

/**
 * The public read surface: `ArticlePage` in GraphQL, the RSS feed at `/api/feed.xml`, the
 * limits that keep the API up (complexity, depth, introspection, CORS), and 400s for malformed
 * query parameters.
 */
export function publicApiFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  const runtime: PayloadGraphQL = {}
  return {
    queries: (graphQL, context) => {
      runtime.module = graphQL
      return articlePageQuery(graphQL, context)
    },
    endpoints: [feedEndpoint(options)],
    afterError: [jsonParamError],
    finalizeConfig: hardenPublicApi(options, runtime),
  }
}
