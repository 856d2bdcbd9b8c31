import type { Config, CORSConfig } from 'payload'
import type * as GraphQL from 'graphql'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { depthLimitRule } from './depthLimit.js'
import { SDK_HEADERS } from './corsPreflight.js'
import { BODY_LIMIT_KEY } from './limitRequestBody.js'

/** `CORS_ORIGINS="https://a.vn, https://b.vn"` → the list; `*` → any origin; empty or unset → `undefined`. */
export function corsOriginsFromEnv(value: string | undefined): string[] | '*' | undefined {
  const origins = (value ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean)
  if (origins.includes('*')) return '*'
  return origins.length ? origins : undefined
}

/** The graphql module Payload builds its schema with, captured when the schema is built. */
export interface PayloadGraphQL {
  module?: typeof GraphQL
}

/**
 * Limits for the public API, on top of the site's own settings: Payload's complexity limit and a
 * depth rule (both checked during validation, before any resolver), introspection and the
 * playground off in production, CORS origins with the SDK's headers, and the body limit that
 * `limitRequestBody` reads.
 */
export const hardenPublicApi =
  (options: ResolvedNewsPortalOptions, runtime: PayloadGraphQL) =>
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
          depthLimitRule(options.graphQLLimits.maxDepth, runtime.module?.GraphQLError),
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
