// Collections the plugin owns, by slug.
/** Articles: the portal's news, drafts and versions. */
export const ARTICLES_SLUG = 'articles'
/** Authors with a record (name, pen name, portrait). */
export const AUTHORS_SLUG = 'authors'
/** Where a story comes from (news agencies, ministries, …). */
export const SOURCES_SLUG = 'sources'
/** Sections of the portal; an article's first category is its primary one. */
export const CATEGORIES_SLUG = 'categories'
/** Event threads ("dòng sự kiện") grouping articles across categories. */
export const TOPICS_SLUG = 'topics'
/** Standing pages of a site: about, organisation, contact (drafts, vi/en). */
export const PAGES_SLUG = 'pages'
/** The old slugs of articles and categories, reserved on their site and resolved to the document. */
export const SLUG_REDIRECTS_SLUG = 'slug-redirects'
/** Images (uploads) used as covers and inside article bodies. */
export const MEDIA_SLUG = 'media'
/** Editor-managed side-column widgets: the visitor counter and the dossier panel. */
export const COUNTER_WIDGETS_SLUG = 'counter-widgets'
/** Day, month, total and per-article counts: one row per key, changed only by `$inc`. */
export const VISIT_COUNTS_SLUG = 'visit-counts'
/** One row per (session, scope): when that session was last seen there. */
export const VISIT_SESSIONS_SLUG = 'visit-sessions'
/** The vote log: one row per accepted vote. */
export const RATINGS_SLUG = 'ratings'
/** One unversioned row per rated article: running total and count, changed only by `$inc`. */
export const RATING_SUMMARIES_SLUG = 'rating-summaries'
/** The database rate-limit store: one row per (client key, window), changed only by `$inc`. */
export const RATE_LIMIT_HITS_SLUG = 'rate-limit-hits'

/** Front ends admins add without a redeploy: URL, secret (never read back) and sites. */
export const WEBHOOK_ENDPOINTS_SLUG = 'webhook-endpoints'
/** The webhook delivery log: one row per (change, front-end URL), with its attempts and outcome. */
export const WEBHOOK_DELIVERIES_SLUG = 'webhook-deliveries'

/** The sites of one deployment (a province portal and its communes and departments). */
export const SITES_SLUG = 'sites'
/** The relationship that puts a document on one site (absent on a shared author or source). */
export const SITE_FIELD = 'site'
/** The sites a user may edit (`users.sites`, has many). */
export const USER_SITES_FIELD = 'sites'
/** The request header naming the site a request is for, by the site's slug. */
export const SITE_HEADER = 'x-portal-site'
/** The admin's chosen site (a site id; absent = every site the user may edit), checked on every use. */
export const ADMIN_SITE_COOKIE = 'portal-admin-site'

/** The kinds of counter widget (`counter-widgets.kind`). */
export const WIDGET_KINDS = {
  /** The visitor counter (online, today, this month, last month, total). */
  visitors: 'visitors',
  /** The dossier-processing panel ("Tình hình giải quyết hồ sơ"). */
  dossierStats: 'dossier-stats',
} as const

/** The queue the plugin's scheduled jobs go to (a site runs it with `jobs.autoRun` or `/api/payload-jobs/run`). */
export const COUNTERS_QUEUE = 'news-portal'
/** The job task that prunes stale visit-session rows. */
export const PRUNE_TASK = 'newsPortalPruneVisitSessions'
/** The job task that refreshes `url`-sourced dossier panels. */
export const DOSSIER_SYNC_TASK = 'newsPortalSyncDossierStats'

/** The job task that deletes webhook deliveries older than `webhooks.keepDeliveriesDays`. */
export const WEBHOOK_PRUNE_TASK = 'newsPortalPruneWebhookDeliveries'

/** The site's time zone unless the `timeZone` option says otherwise (Vietnam, UTC+7, no DST). */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh'

/** The plugin's npm package name: admin components are referenced through it, so any app's import map resolves them. */
export const PACKAGE_NAME = 'payload-plugin-news-portal'

/** Import-map paths of the plugin's admin components (`<package>/client#Name`, `<package>/rsc#Name`). */
export const componentPaths = {
  slugField: `${PACKAGE_NAME}/client#SlugField`,
  ratingCell: `${PACKAGE_NAME}/client#RatingCell`,
  viewsCell: `${PACKAGE_NAME}/client#ViewsCell`,
  recomputeRatingsButton: `${PACKAGE_NAME}/client#RecomputeRatingsButton`,
  countersDashboard: `${PACKAGE_NAME}/rsc#CountersDashboard`,
  siteSelector: `${PACKAGE_NAME}/rsc#SiteSelector`,
} as const

/** The public cache's shared signal: one row per site (`*` for all), its generation bumped on each change. */
export const CACHE_GENERATIONS_SLUG = 'cache-generations'
/** The response header saying what the public cache did: `hit`, `miss` or `bypass`. */
export const CACHE_STATUS_HEADER = 'x-news-portal-cache'

/**
 * First path segments a category's slug may not take: Payload's own (`/admin`, `/api`) and the
 * demo portal's pages (search, static pages, topics, the English prefix), since `/{category}` sits beside them.
 */
export const RESERVED_CATEGORY_SLUGS: readonly string[] = [
  'admin',
  'api',
  'tim-kiem',
  'trang',
  'chu-de',
  'en',
]
