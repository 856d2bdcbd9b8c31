import type { Config, CORSConfig } from 'payload'
import { payloadGraphQL } from '../../core/graphqlModule.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { depthLimitRule } from './depthLimit.js'
import { SDK_HEADERS } from './corsPreflight.js'
import { BODY_LIMIT_KEY } from './limitRequestBody.js'

/**
 * Limits for the public API, on top of the site's own settings: Payload's complexity limit and a
 * depth rule (both checked during validation, before any resolver), introspection and the
 * playground off in production, CORS origins with the SDK's headers, and the body limit that
 * `limitRequestBody` reads.
 */
export const hardenPublicApi =
  (options: ResolvedNewsPortalOptions) =>
  (config: Config): Config => {
    const graphQL = config.graphQL ?? {}
    const siteRules = graphQL.validationRules
    const next: Config = {
      ...config,
      custom: { ...config.custom, [BODY_LIMIT_KEY]: options.maxRequestBodyBytes },
      graphQL: {
        ...graphQL,
        maxComplexity: options.graphQLLimits.maxComplexity,
        disableIntrospectionInProduction: graphQL.disableIntrospectionInProduction ?? true,
        disablePlaygroundInProduction: graphQL.disablePlaygroundInProduction ?? true,
        validationRules: (args) => [
          depthLimitRule(options.graphQLLimits.maxDepth, payloadGraphQL().GraphQLError),
          ...(siteRules ? siteRules(args) : []),
        ],
      },
    }
    if (options.corsOrigins) {
      const existing = config.cors
      const site: Partial<CORSConfig> =
        existing && typeof existing === 'object' && !Array.isArray(existing) ? existing : {}
      const headers = [...new Set([...(site.headers ?? []), ...SDK_HEADERS])]
      next.cors = { ...site, origins: options.corsOrigins, headers }
    }
    return next
  }
