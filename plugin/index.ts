import type { CollectionConfig, Config, Plugin, TypedUser } from 'payload'
import { chainGraphQL, type PortalFeature } from './feature'
import type { NewsPortalPluginConfig, ResolvedNewsPortalOptions } from './types'
import { applyOverrides } from './lib/applyOverrides'
import { defaultArticlePath } from './lib/bodyHtml'
import { corsOriginsFromEnv, publicApiFeature } from './graphql'
import { articlesCollection } from '../collections/Articles'
import { authorsCollection } from '../collections/Authors'
import { sourcesCollection } from '../collections/Sources'
import { categoriesCollection } from '../collections/Categories'
import { mediaCollection } from '../collections/Media'
import { ratingsFeature } from './ratings'
import { MemoryRateLimitStore, type RateLimitStore } from './ratings/rateLimit'
import { DatabaseRateLimitStore } from './ratings/rateLimitDatabase'
import { countersFeature, resolveCountersOptions } from './counters'

export type { NewsPortalPluginConfig } from './types'
export { slugify } from './lib/slugify'
export { publicArticleWhere } from './lib/publicWhere'
export { MemoryRateLimitStore, type RateLimitStore, type RatingSummary } from './ratings'
export { DatabaseRateLimitStore } from './ratings/rateLimitDatabase'

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
  throw new Error(`newsPortalPlugin: ratingRateLimitStore must be 'memory', 'database' or an object with a hit() method; got ${JSON.stringify(store)}.`)
}

export function resolveOptions(options: NewsPortalPluginConfig = {}): ResolvedNewsPortalOptions {
  return {
    disabled: options.disabled ?? false,
    timeZone: options.timeZone ?? 'Asia/Ho_Chi_Minh',
    isEditor: options.isEditor ?? defaultIsEditor,
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

/**
 * Turns any Payload site into a news portal: articles, authors, sources, categories and media,
 * with public read access limited to what is published and in its time window.
 */
export const newsPortalPlugin =
  (pluginOptions: NewsPortalPluginConfig = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const options = resolveOptions(pluginOptions)
    // Each feature lives in its own folder under plugin/ and is registered here.
    const features: PortalFeature[] = [ratingsFeature(options), countersFeature(options), publicApiFeature(options)]

    const articles = articlesCollection(options)
    articles.fields = [...articles.fields, ...features.flatMap((feature) => feature.articleFields ?? [])]
    if (!options.disabled) {
      articles.endpoints = [...(articles.endpoints || []), ...features.flatMap((feature) => feature.articleEndpoints ?? [])]
    }
    const portalCollections: CollectionConfig[] = [
      applyOverrides(mediaCollection(options), pluginOptions.mediaOverrides),
      applyOverrides(categoriesCollection(options), pluginOptions.categoriesOverrides),
      applyOverrides(authorsCollection(options), pluginOptions.authorsOverrides),
      applyOverrides(sourcesCollection(options), pluginOptions.sourcesOverrides),
      applyOverrides(articles, pluginOptions.articlesOverrides),
      ...features.flatMap((feature) => feature.collections ?? []),
    ]
    const existing = incomingConfig.collections ?? []
    const clash = existing.find((collection) => portalCollections.some((own) => own.slug === collection.slug))
    if (clash) {
      throw new Error(
        `newsPortalPlugin: the site already has a collection "${clash.slug}"; use ${clash.slug}Overrides to change the plugin's instead.`,
      )
    }
    const config: Config = { ...incomingConfig, collections: [...existing, ...portalCollections] }
    if (options.disabled) return config

    config.endpoints = [...(incomingConfig.endpoints ?? []), ...features.flatMap((feature) => feature.endpoints ?? [])]
    config.graphQL = {
      ...incomingConfig.graphQL,
      queries: chainGraphQL(incomingConfig.graphQL?.queries, features.flatMap((feature) => feature.queries ?? [])),
      mutations: chainGraphQL(incomingConfig.graphQL?.mutations, features.flatMap((feature) => feature.mutations ?? [])),
    }
    const validationRules = features.flatMap((feature) => (feature.graphQLValidationRules ? [feature.graphQLValidationRules] : []))
    if (validationRules.length) {
      const existingRules = incomingConfig.graphQL?.validationRules
      config.graphQL.validationRules = (args) => [
        ...(existingRules ? existingRules(args) : []),
        ...validationRules.flatMap((rules) => rules(args)),
      ]
    }
    const afterError = features.flatMap((feature) => feature.afterError ?? [])
    if (afterError.length) {
      config.hooks = { ...incomingConfig.hooks, afterError: [...(incomingConfig.hooks?.afterError ?? []), ...afterError] }
    }
    const tasks = features.flatMap((feature) => feature.tasks ?? [])
    if (tasks.length) {
      config.jobs = { ...incomingConfig.jobs, tasks: [...(incomingConfig.jobs?.tasks ?? []), ...tasks] }
    }
    const beforeDashboard = features.flatMap((feature) => feature.beforeDashboard ?? [])
    if (beforeDashboard.length) {
      const components = { ...incomingConfig.admin?.components }
      components.beforeDashboard = [...(components.beforeDashboard ?? []), ...beforeDashboard]
      config.admin = { ...incomingConfig.admin, components }
    }
    const inits = features.flatMap((feature) => (feature.onInit ? [feature.onInit] : []))
    if (inits.length) {
      config.onInit = async (payload) => {
        await incomingConfig.onInit?.(payload)
        for (const init of inits) await init(payload)
      }
    }
    return features.reduce((current, feature) => feature.finalizeConfig?.(current) ?? current, config)
  }
