import type { CollectionConfig, Field, Payload, PayloadRequest, TypedUser } from 'payload'
import type {
  ARTICLES_SLUG,
  AUTHORS_SLUG,
  CATEGORIES_SLUG,
  MEDIA_SLUG,
  SOURCES_SLUG,
} from './constants.js'

/** The collections the plugin adds, by slug. */
export type NewsPortalCollectionSlug =
  | typeof ARTICLES_SLUG
  | typeof AUTHORS_SLUG
  | typeof SOURCES_SLUG
  | typeof CATEGORIES_SLUG
  | typeof MEDIA_SLUG

/**
 * Overrides for one collection the plugin adds: any collection config key, merged over the
 * plugin's defaults (objects such as `admin`, `access`, `upload` one level deep, hook lists
 * appended), plus `fields`, a function that receives the plugin's fields and returns the final list.
 */
export type CollectionOverrides = Partial<Omit<CollectionConfig, 'fields' | 'slug'>> & {
  fields?: (args: { defaultFields: Field[] }) => Field[]
}

/** What `articlePath` receives: the article and its primary category, as far as they are known. */
export interface ArticlePathInput {
  slug?: string | null
  primaryCategorySlug?: string | null
}

export interface NewsPortalPluginConfig {
  /** Turns the plugin's behaviour off while keeping its collections, so the schema stays stable. Default `false`. */
  disabled?: boolean
  /** Pages after the first of `articles` read their ids, then those rows (SQL adapters; same docs and figures). Default `true`. */
  idFirstReads?: boolean
  /** Lists of one category (`categories: { equals }`, newest first) read their page and total from the plugin's category table (SQL adapters; same docs and figures). Default `true`. */
  categoryListReads?: boolean
  /** The site's time zone, for day and month boundaries and date display. Default `DEFAULT_TIME_ZONE` (Asia/Ho_Chi_Minh). */
  timeZone?: string
  /** Which logged-in users may write portal content. Default: users of `editorCollections` whose `roles` include `admin` or `editor`; a user without roles writes nothing. */
  isEditor?: (user: TypedUser | null | undefined, req?: PayloadRequest) => boolean
  /** Which logged-in users administer every site (create sites, edit any site's content). Default: users whose `roles` include `admin`. */
  isAdmin?: (user: TypedUser | null | undefined, req?: PayloadRequest) => boolean
  /** The auth collections whose `admin`/`editor` users are editors (for the default `isEditor`). Default: the admin's user collection (`config.admin.user`) only, so a site's members collection writes nothing. */
  editorCollections?: string[]
  /** The public path of an article, used for internal links in `bodyHtml`. Default `/{category-slug}/{article-slug}`. */
  articlePath?: (article: ArticlePathInput) => string
  /** Overrides for the `articles` collection. */
  articlesOverrides?: CollectionOverrides
  /** Overrides for the `authors` collection. */
  authorsOverrides?: CollectionOverrides
  /** Overrides for the `sources` collection. */
  sourcesOverrides?: CollectionOverrides
  /** Overrides for the `categories` collection. */
  categoriesOverrides?: CollectionOverrides
  /** Overrides for the `topics` collection. */
  topicsOverrides?: CollectionOverrides
  /** Overrides for the `pages` collection. */
  pagesOverrides?: CollectionOverrides
  /** Overrides for the `media` collection (for example `upload.staticDir`). */
  mediaOverrides?: CollectionOverrides
  /** What identifies an anonymous voter: the `x-voter-token` header, the client address, or both together. Default `'token'` (see docs/ratings.md). */
  ratingVoter?: 'token' | 'ip' | 'token+ip'
  /** Read the client address from `x-forwarded-for` / `x-real-ip`: `true` trusts the whole chain, a number trusts that many proxies in front. Default `false`. */
  trustProxy?: boolean | number
  /** Votes accepted per client address per minute before `RATE_LIMITED`. Default `30`. */
  ratingsPerMinute?: number
  /** Visits (`recordVisit`, `POST /api/visits`) accepted per client address (IPv6: per /64) per minute before `RATE_LIMITED`; `0` turns the limit off. Default `600`. */
  visitsPerMinute?: number
  /** Where the rate limiters (votes and visits) keep their counts: `'memory'` (this process), `'database'` (the `rate-limit-hits` collection, shared by every instance) or a store object. Default `'memory'`. */
  ratingRateLimitStore?: RateLimitStore | 'memory' | 'database'
  /** Most documents one page of a public list (REST or GraphQL, every plugin collection) returns; `limit: 0` and `pagination: false` get this many, editors keep Payload's behaviour. Default `100`. */
  maxPublicPageSize?: number
  /** Largest request body, in bytes, of GraphQL (through `limitRequestBody`) and the plugin's endpoints; larger ones get 413 before they are parsed. Default `102400` (100 KB). */
  maxRequestBodyBytes?: number
  /** The visitor counter, article views and dossier panel (see docs/counters.md). Default: every field's own default. */
  counters?: CountersConfig
  /** Limits of the public GraphQL API, checked before any resolver runs. Default `{ maxComplexity: 10000, maxDepth: 10 }`. */
  graphQLLimits?: GraphQLLimits
  /** Origins allowed to call the API from a browser (Payload `cors`). Default: `CORS_ORIGINS` (comma-separated), else the site's own `cors`. */
  corsOrigins?: string[] | '*'
  /** The public site's address, for absolute links in the RSS feed. Default: `SERVER_URL`, else the config's `serverURL`, else the request's own origin. */
  siteUrl?: string
  /** The site's name, the RSS channel title. Default `'Cổng thông tin điện tử'`. */
  siteName?: string
  /** How long caches may keep `/api/feed.xml`, in seconds. Default `300`. */
  feedCacheSeconds?: number
  /** Most URLs in one sitemap file; past it `/api/sitemap.xml` is an index of `?page=N` files. Default `50000` (the protocol's limit). */
  sitemapPageSize?: number
  /** The in-process cache of anonymous public reads (see docs/cache.md); `false` (or env `PUBLIC_CACHE=false`) turns it off. */
  publicCache?: PublicCacheConfig | false
  /** Signed POSTs to front ends on every public change (see docs/webhooks.md). Default: no endpoint, nothing sent. */
  webhooks?: WebhooksConfig
}

/** Bounds of the public response cache (docs/cache.md). */
export interface PublicCacheConfig {
  /** Most answers kept. Default `5000`. */
  maxEntries?: number
  /** Most bytes the kept answers (and their keys) weigh. Default `64 MiB`. */
  maxBytes?: number
  /** Longest an answer is kept when nothing changes, in seconds (a safety net: changes invalidate at once). Default `300`. */
  ttlSeconds?: number
  /** Longest an answer carrying counters (views, rating, VisitorStats, DossierStats) is kept, in seconds: 1 to 5 (a CDN may add 5 s more; readers see figures at most 10 s old). Default `5`. */
  counterTtlSeconds?: number
  /** How often each instance reads the other instances' change signal, in ms. Default `250`. */
  pollIntervalMs?: number
}

/** One front end that hears of public changes. */
export interface WebhookEndpoint {
  /** Where the POST goes: `http://` or `https://`, without user name or password. */
  url: string
  /** The HMAC-SHA256 key of `x-news-portal-signature` (at least 16 characters; keep it out of the repository). */
  secret: string
  /** Slugs of the sites whose changes it hears. Default: every site. */
  sites?: string[]
}

/** Options of the front-end webhooks (issue 14). */
export interface WebhooksConfig {
  /** The front ends to notify. Default `[]`. */
  endpoints?: WebhookEndpoint[]
  /** How long one POST may take (DNS and connection included), in ms. Default `10000`. */
  timeoutMs?: number
  /** Attempts per delivery before it is `failed` (network errors, timeouts, 5xx and 429 are retried). Default `8`. */
  maxAttempts?: number
  /** The wait before the second attempt, in ms; each later wait doubles it (1 s, 2 s, 4 s…). Default `1000`. */
  retryDelayMs?: number
  /** Delivery log rows older than this many days are deleted by the prune job. Default `30`. */
  keepDeliveriesDays?: number
  /** Cron of the job that prunes the delivery log. Default `'0 17 * * * *'` (hourly). */
  pruneCron?: string
  /** Hosts a webhook URL may point to although they are not public (loopback, private, …). Default `[]`. */
  allowedInternalHosts?: string[]
  /** Resolves a host name to all its addresses before each POST (tests stub it). Default: `dns.lookup(name, { all: true })`. */
  lookup?: (hostname: string) => Promise<Array<{ address: string; family: number }>>
}

/** Options of the counter widgets (issue 4). */
export interface CountersConfig {
  /** `online` counts distinct sessions seen within this many minutes. Default `5`. */
  onlineWindowMinutes?: number
  /** A session counts again as a visit (or article view) after this many idle minutes. Default `30`. */
  sessionIdleMinutes?: number
  /** How long a dossier `url` fetch may take before it counts as failed (DNS, redirects and body included), in ms. Default `10000`. */
  dossierFetchTimeoutMs?: number
  /**
   * Hosts a dossier `url` may point to although they are not public (loopback, private, link-local,
   * …): host names or IP literals, e.g. `['motcua.tinh.gov.vn']` for a province's one-stop-shop
   * system on its own network. Default `[]`: only public addresses.
   */
  allowedInternalHosts?: string[]
  /** Resolves a host name to all its addresses before a dossier fetch (tests stub it). Default: `dns.lookup(name, { all: true })`. */
  lookup?: (hostname: string) => Promise<Array<{ address: string; family: number }>>
  /** Cron of the job that prunes stale session rows. Default `'0 *\/10 * * * *'` (every 10 minutes). */
  pruneSessionsCron?: string
  /** Cron of the job that refreshes `url`-sourced dossier panels that are due. Default `'0 * * * * *'` (every minute). */
  dossierSyncCron?: string
  /** The clock (tests move time with it). Default `() => new Date()`. */
  now?: () => Date
}

/** Limits of the public GraphQL API. */
export interface GraphQLLimits {
  /** Highest query complexity (Payload's estimator: 1 a field, 10 a relationship, and a list field its selection × the rows it may return). Default `10000`. */
  maxComplexity?: number
  /** Deepest selection nesting, fragments followed (introspection exempt). Default `10`. */
  maxDepth?: number
}

/** The options with every default filled in, as hooks and collections receive them. */
export interface ResolvedNewsPortalOptions {
  disabled: boolean
  idFirstReads: boolean
  categoryListReads: boolean
  timeZone: string
  isEditor: (user: TypedUser | null | undefined, req?: PayloadRequest) => boolean
  isAdmin: (user: TypedUser | null | undefined, req?: PayloadRequest) => boolean
  articlePath: (article: ArticlePathInput) => string
  ratingVoter: 'token' | 'ip' | 'token+ip'
  trustProxy: boolean | number
  ratingsPerMinute: number
  visitsPerMinute: number
  ratingRateLimitStore: RateLimitStore
  maxPublicPageSize: number
  maxRequestBodyBytes: number
  counters: Required<CountersConfig>
  graphQLLimits: Required<GraphQLLimits>
  /** `undefined`: keep the site's own `cors`. */
  corsOrigins: string[] | '*' | undefined
  /** Without a trailing slash; `undefined` until the config's `serverURL` is known. */
  siteUrl: string | undefined
  siteName: string
  feedCacheSeconds: number
  sitemapPageSize: number
  publicCache: Required<PublicCacheConfig> | false
  webhooks: ResolvedWebhooksOptions
}

/** `webhooks` with every default filled in and every endpoint checked. */
export type ResolvedWebhooksOptions = Required<Omit<WebhooksConfig, 'endpoints'>> & {
  /** `sites: null`: every site. */
  endpoints: Array<{ url: string; secret: string; sites: string[] | null }>
}

/** What a rate limiter answers for one attempt. */
export interface RateLimitDecision {
  allowed: boolean
  /** Whole seconds until the next attempt would be allowed (0 when allowed). */
  retryAfter: number
}

/**
 * Where vote attempts are counted. The default keeps them in this process's memory; several
 * instances behind a load balancer need a shared store (Redis, the database, …) with the same
 * contract: count this attempt under `key` and say whether it is within `limit` per `windowMs`.
 * The plugin also passes the Payload instance (the database store uses it; others may ignore it).
 */
export interface RateLimitStore {
  hit(
    key: string,
    limit: number,
    windowMs: number,
    payload?: Payload,
  ): Promise<RateLimitDecision> | RateLimitDecision
}
