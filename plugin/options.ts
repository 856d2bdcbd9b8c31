import type { PayloadRequest, TypedUser } from 'payload'
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

/**
 * The editor rule: a user whose `roles` include `admin` or `editor`, from one of `collections`
 * (default: the admin's user collection, `config.admin.user`, read from `req`). A user without
 * roles, or from another auth collection (a site's members), is no editor. A user document without
 * `collection` (a Local API caller's raw doc) is judged by its roles; one that names a collection
 * that cannot be checked (no `req`, no list) is refused.
 */
export function editorRule(
  collections?: string[],
): (user: TypedUser | null | undefined, req?: PayloadRequest) => boolean {
  return (user, req) => {
    if (!user) return false
    const collection = (user as { collection?: unknown }).collection
    if (collection !== undefined) {
      const adminUser = req?.payload?.config?.admin?.user
      const allowed = collections ?? (adminUser ? [adminUser] : [])
      if (typeof collection !== 'string' || !allowed.includes(collection)) return false
    }
    const roles = (user as { roles?: unknown }).roles
    return Array.isArray(roles) && (roles.includes('admin') || roles.includes('editor'))
  }
}

/** Default editor rule: `admin` or `editor` users of the admin user collection (see `editorRule`). */
export const defaultIsEditor = editorRule()

/** `editorCollections`, checked: a non-empty list of slugs, or undefined. */
function editorCollections(value: unknown): string[] | undefined {
  if (value === undefined) return undefined
  if (
    !Array.isArray(value) ||
    !value.length ||
    !value.every((slug) => typeof slug === 'string' && slug.trim())
  ) {
    throw new Error(
      `newsPortalPlugin: editorCollections must be a list of auth collection slugs; got ${JSON.stringify(value)}.`,
    )
  }
  return value
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

/** Every option with its default filled in: the one place where defaults are decided. */
export function resolveOptions(options: NewsPortalPluginConfig = {}): ResolvedNewsPortalOptions {
  return {
    disabled: options.disabled ?? false,
    timeZone: options.timeZone ?? 'Asia/Ho_Chi_Minh',
    isEditor: options.isEditor ?? editorRule(editorCollections(options.editorCollections)),
    articlePath: options.articlePath ?? defaultArticlePath,
    ratingVoter: options.ratingVoter ?? 'token',
    trustProxy: options.trustProxy ?? false,
    ratingsPerMinute: options.ratingsPerMinute ?? 30,
    ratingRateLimitStore: rateLimitStore(options.ratingRateLimitStore),
    counters: resolveCountersOptions(options.counters),
    graphQLLimits: { maxComplexity: 1000, maxDepth: 10, ...options.graphQLLimits },
    corsOrigins: options.corsOrigins ?? corsOriginsFromEnv(process.env.CORS_ORIGINS),
    siteUrl: (options.siteUrl ?? process.env.SERVER_URL)?.replace(/\/+$/, '') || undefined,
    siteName: options.siteName ?? 'Cổng thông tin điện tử',
    feedCacheSeconds: options.feedCacheSeconds ?? 300,
  }
}
