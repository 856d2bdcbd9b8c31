import type { TypedUser } from 'payload'
import type {
  NewsPortalPluginConfig,
  RateLimitStore,
  ResolvedNewsPortalOptions,
} from '../core/types.js'
import { defaultArticlePath } from '../features/content/bodyHtml.js'
import { resolveCountersOptions } from '../features/counters/index.js'
import { corsOriginsFromEnv } from '../features/graphql/index.js'
import { MemoryRateLimitStore } from '../features/ratings/rateLimit.js'
import { DatabaseRateLimitStore } from '../features/ratings/rateLimitDatabase.js'

/** Default editor rule: a user whose `roles` include `admin` or `editor`; a user collection without roles counts every user. */
export function defaultIsEditor(user: TypedUser | null | undefined): boolean {
  if (!user) return false
  const roles = (user as { roles?: unknown }).roles
  if (roles === undefined) return true
  return Array.isArray(roles) && (roles.includes('admin') || roles.includes('editor'))
}

/** The rate-limit store an option names (a store object is used as given). */
function rateLimitStore(store: NewsPortalPluginConfig['ratingRateLimitStore']): RateLimitStore {
  if (store === undefined || store === 'memory') return new MemoryRateLimitStore()
  if (store === 'database') return new DatabaseRateLimitStore()
  if (typeof store === 'object' && store !== null && typeof store.hit === 'function') return store
  throw new Error(
    `newsPortalPlugin: ratingRateLimitStore must be 'memory', 'database' or an object with a hit() method; got ${JSON.stringify(store)}.`,
  )
}

/** A whole-number option, `min` or more; its default when unset. */
function wholeNumber(
  value: number | undefined,
  fallback: number,
  name: string,
  min: number,
): number {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value < min)
    throw new Error(
      `newsPortalPlugin: ${name} must be a whole number of at least ${min}; got ${JSON.stringify(value)}.`,
    )
  return value
}

/** Every option with its default filled in: the one place where defaults are decided. */
export function resolveOptions(options: NewsPortalPluginConfig = {}): ResolvedNewsPortalOptions {
  return {
    disabled: options.disabled ?? false,
    timeZone: options.timeZone ?? 'Asia/Ho_Chi_Minh',
    isEditor: options.isEditor ?? defaultIsEditor,
    articlePath: options.articlePath ?? defaultArticlePath,
    ratingVoter: options.ratingVoter ?? 'token',
    trustProxy: options.trustProxy ?? false,
    ratingsPerMinute: options.ratingsPerMinute ?? 30,
    visitsPerMinute: wholeNumber(options.visitsPerMinute, 600, 'visitsPerMinute', 0),
    ratingRateLimitStore: rateLimitStore(options.ratingRateLimitStore),
    maxPublicPageSize: wholeNumber(options.maxPublicPageSize, 100, 'maxPublicPageSize', 1),
    maxRequestBodyBytes: wholeNumber(
      options.maxRequestBodyBytes,
      102_400,
      'maxRequestBodyBytes',
      1,
    ),
    counters: resolveCountersOptions(options.counters),
    graphQLLimits: { maxComplexity: 10_000, maxDepth: 10, ...options.graphQLLimits },
    corsOrigins: options.corsOrigins ?? corsOriginsFromEnv(process.env.CORS_ORIGINS),
    siteUrl: (options.siteUrl ?? process.env.SERVER_URL)?.replace(/\/+$/, '') || undefined,
    siteName: options.siteName ?? 'Cổng thông tin điện tử',
    feedCacheSeconds: options.feedCacheSeconds ?? 300,
  }
}
