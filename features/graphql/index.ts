import type { PortalFeature } from '../../core/feature.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { articlePageQuery } from './articlePage.js'
import { hardenPublicApi } from './hardening.js'
import { feedEndpoint } from '../feed/endpoint.js'

export { findArticlePage } from './articlePage.js'

/**
 * The public read surface: `ArticlePage` in GraphQL, the RSS feed at `/api/feed.xml`, and the
 * limits that keep the API up (complexity, depth, introspection, CORS).
 */
export function publicApiFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  return {
    queries: articlePageQuery,
    endpoints: [feedEndpoint(options)],
    finalizeConfig: hardenPublicApi(options),
  }
}
