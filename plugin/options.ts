import type { TypedUser } from 'payload'
import type {
  CountersConfig,
  NewsPortalPluginConfig,
  RateLimitStore,
  ResolvedNewsPortalOptions,
} from '../core/types.js'
import { defaultArticlePath } from '../features/content/bodyHtml.js'
import { assertTimeZone } from '../features/counters/time.js'
import { MemoryRateLimitStore } from '../features/ratings/rateLimit.js'
import { DatabaseRateLimitStore } from '../features/ratings/rateLimitDatabase.js'
import { DEFAULT_TIME_ZONE } from '../core/constants.js'

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

const positive = (value: number | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`newsPortalPlugin: counters.${name} must be a positive number.`)
  return value
}

/** The counters' options with their defaults (`counters` of the plugin options). */
function resolveCountersOptions(options: CountersConfig = {}): Required<CountersConfig> {
  return {
    onlineWindowMinutes: positive(options.onlineWindowMinutes, 5, 'onlineWindowMinutes'),
    sessionIdleMinutes: positive(options.sessionIdleMinutes, 30, 'sessionIdleMinutes'),
    dossierFetchTimeoutMs: positive(options.dossierFetchTimeoutMs, 10_000, 'dossierFetchTimeoutMs'),
    pruneSessionsCron: options.pruneSessionsCron ?? '0 */10 * * * *',
    dossierSyncCron: options.dossierSyncCron ?? '0 * * * * *',
    now: options.now ?? (() => new Date()),
  }
}

/** `CORS_ORIGINS="https://a.vn, https://b.vn"` → the list; `*` → any origin; empty or unset → `undefined`. */
export function corsOriginsFromEnv(value: string | undefined): string[] | '*' | undefined {
  const origins = (value ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean)
  if (origins.includes('*')) return '*'
  return origins.length ? origins : undefined
}

/** Default admin rule: a user whose `roles` include `admin` (every site is theirs). */
export function defaultIsAdmin(user: TypedUser | null | undefined): boolean {
  const roles = (user as { roles?: unknown } | null | undefined)?.roles
  return Array.isArray(roles) && roles.includes('admin')
}

/** The site's time zone, checked once when the plugin starts. */
function timeZone(value: string | undefined): string {
  const zone = value ?? DEFAULT_TIME_ZONE
  assertTimeZone(zone)
  return zone
}

/** Every option with its default filled in: the one place where defaults are decided. */
export function resolveOptions(options: NewsPortalPluginConfig = {}): ResolvedNewsPortalOptions {
  return {
    disabled: options.disabled ?? false,
    timeZone: timeZone(options.timeZone),
    isEditor: options.isEditor ?? defaultIsEditor,
    isAdmin: options.isAdmin ?? defaultIsAdmin,
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
