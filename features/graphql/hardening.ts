import type { Config } from 'payload'
import { payloadGraphQL } from '../../core/graphqlModule.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { depthLimitRule } from './depthLimit.js'

/**
 * Limits for the public API, on top of the site's own settings: Payload's complexity limit and a
 * depth rule (both checked during validation, before any resolver), introspection and the
 * playground off in production, and CORS origins.
 */
export const hardenPublicApi =
  (options: ResolvedNewsPortalOptions) =>
  (config: Config): Config => {
    const graphQL = config.graphQL ?? {}
    const siteRules = graphQL.validationRules
    const next: Config = {
      ...config,
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
      next.cors =
        existing && typeof existing === 'object' && !Array.isArray(existing)
          ? { ...existing, origins: options.corsOrigins }
          : options.corsOrigins
    }
    return next
  }
