import type { PayloadRequest, TypedUser } from 'payload'
import type {
  CountersConfig,
  NewsPortalPluginConfig,
  PublicCacheConfig,
  RateLimitStore,
  ResolvedNewsPortalOptions,
} from '../core/types.js'
import { defaultArticlePath } from '../features/content/bodyHtml.js'
import { lookup as dnsLookup } from 'node:dns/promises'
import { assertTimeZone } from '../features/counters/time.js'
import { normalizeHost } from '../features/counters/safeFetch.js'
import { MemoryRateLimitStore } from '../features/ratings/rateLimit.js'
import { DatabaseRateLimitStore } from '../features/ratings/rateLimitDatabase.js'
import { DEFAULT_TIME_ZONE } from '../core/constants.js'
import { resolveWebhooksOptions } from '../features/webhooks/options.js'

/**
 * The editor rule: a user whose `roles` include `admin` or `editor`, from one of `collections`
 * (default: the admin's user collection, `config.admin.user`, read from `req`). A user without
 * roles, or from another auth collection (a site's members), is no editor. A user document without
 * `collection` (a Local API caller's raw doc) is judged by its roles; one that names a collection
 * that cannot be checked (no `req`, no list) is refused.
 */
export function editorRule(
  collections?: string[],
  roleNames: string[] = ['admin', 'editor'],
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
    return Array.isArray(roles) && roleNames.some((role) => roles.includes(role))
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

const positive = (value: number | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`newsPortalPlugin: counters.${name} must be a positive number.`)
  return value
}

/** `allowedInternalHosts`, checked and normalised (lower case, no brackets or trailing dot). */
function hostList(hosts: unknown): string[] {
  if (hosts === undefined) return []
  if (!Array.isArray(hosts) || !hosts.every((host) => typeof host === 'string' && host.trim()))
    throw new Error(
      `newsPortalPlugin: counters.allowedInternalHosts must be a list of host names or IP addresses; got ${JSON.stringify(hosts)}.`,
    )
  return hosts.map(normalizeHost)
}

/** The counters' options with their defaults (`counters` of the plugin options). */
function resolveCountersOptions(options: CountersConfig = {}): Required<CountersConfig> {
  return {
    onlineWindowMinutes: positive(options.onlineWindowMinutes, 5, 'onlineWindowMinutes'),
    sessionIdleMinutes: positive(options.sessionIdleMinutes, 30, 'sessionIdleMinutes'),
    dossierFetchTimeoutMs: positive(options.dossierFetchTimeoutMs, 10_000, 'dossierFetchTimeoutMs'),
    allowedInternalHosts: hostList(options.allowedInternalHosts),
    lookup: options.lookup ?? ((hostname) => dnsLookup(hostname, { all: true, verbatim: true })),
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

/** Default admin rule: `admin` users of the admin user collection (every site is theirs). */
export const defaultIsAdmin = editorRule(undefined, ['admin'])

/** The site's time zone, checked once when the plugin starts. */
function timeZone(value: string | undefined): string {
  const zone = value ?? DEFAULT_TIME_ZONE
  assertTimeZone(zone)
  return zone
}

/** `value` when it is at most `max` (a protocol's limit), else one sentence naming the option. */
function atMost(value: number, max: number, name: string): number {
  if (value > max)
    throw new Error(`newsPortalPlugin: ${name} must be at most ${max}; got ${value}.`)
  return value
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

/** The public cache's bounds with their defaults; `false` when the option or `PUBLIC_CACHE=false` turns it off. */
export function publicCacheOptions(
  value: NewsPortalPluginConfig['publicCache'],
  env: string | undefined,
): Required<PublicCacheConfig> | false {
  if (value === false || env?.trim().toLowerCase() === 'false') return false
  const name = (key: string) => `publicCache.${key}`
  return {
    maxEntries: wholeNumber(value?.maxEntries, 5_000, name('maxEntries'), 1),
    maxBytes: wholeNumber(value?.maxBytes, 64 * 1024 * 1024, name('maxBytes'), 1),
    ttlSeconds: wholeNumber(value?.ttlSeconds, 300, name('ttlSeconds'), 1),
    // At most 5 s: with the 5 s a CDN may add (features/http), counters stay within 10 s.
    counterTtlSeconds: atMost(
      wholeNumber(value?.counterTtlSeconds, 5, name('counterTtlSeconds'), 1),
      5,
      name('counterTtlSeconds'),
    ),
    pollIntervalMs: wholeNumber(value?.pollIntervalMs, 250, name('pollIntervalMs'), 10),
  }
}

/** Every option with its default filled in: the one place where defaults are decided. */
export function resolveOptions(options: NewsPortalPluginConfig = {}): ResolvedNewsPortalOptions {
  return {
    disabled: options.disabled ?? false,
    idFirstReads: options.idFirstReads ?? true,
    categoryListReads: options.categoryListReads ?? true,
    timeZone: timeZone(options.timeZone),
    isEditor: options.isEditor ?? editorRule(editorCollections(options.editorCollections)),
    isAdmin: options.isAdmin ?? editorRule(editorCollections(options.editorCollections), ['admin']),
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
    sitemapPageSize: atMost(
      wholeNumber(options.sitemapPageSize, 50_000, 'sitemapPageSize', 1),
      50_000,
      'sitemapPageSize',
    ),
    publicCache: publicCacheOptions(options.publicCache, process.env.PUBLIC_CACHE),
    webhooks: resolveWebhooksOptions(options.webhooks),
  }
}
