import type { PortalFeature } from '../feature'
import type { ResolvedNewsPortalOptions } from '../types'
import { articlePageQuery } from './articlePage'
import { hardenPublicApi, type PayloadGraphQL } from './hardening'
import { feedEndpoint } from '../feed/endpoint'

export { corsOriginsFromEnv } from './hardening'
export { findArticlePage } from './articlePage'

/**
 * The public read surface: `ArticlePage` in GraphQL, the RSS feed at `/api/feed.xml`, and the
 * limits that keep the API up (complexity, depth, introspection, CORS).
 */
export function publicApiFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  const runtime: PayloadGraphQL = {}
  return {
    queries: (graphQL, context) => {
      runtime.module = graphQL
      return articlePageQuery(graphQL, context)
    },
    endpoints: [feedEndpoint(options)],
    finalizeConfig: hardenPublicApi(options, runtime),
  }
}
