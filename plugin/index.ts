import type { CollectionConfig, Config, Plugin } from 'payload'
import { chainGraphQL, type PortalFeature } from '../core/feature.js'
import { portalErrorExtensions } from '../core/errors.js'
import type { CollectionOverrides, NewsPortalPluginConfig } from '../core/types.js'
import { applyOverrides } from './applyOverrides.js'
import { resolveOptions } from './options.js'
import { capPublicPageSize, jsonParamError, publicApiFeature } from '../features/graphql/index.js'
import { ratingsFeature } from '../features/ratings/index.js'
import { countersFeature } from '../features/counters/index.js'
import { articlesCollection } from '../collections/Articles.js'
import { authorsCollection } from '../collections/Authors.js'
import { sourcesCollection } from '../collections/Sources.js'
import { categoriesCollection } from '../collections/Categories.js'
import { mediaCollection } from '../collections/Media.js'
import { ratingsCollection } from '../collections/Ratings.js'
import { ratingSummariesCollection } from '../collections/RatingSummaries.js'
import { rateLimitHitsCollection } from '../collections/RateLimitHits.js'
import { counterWidgetsCollection } from '../collections/CounterWidgets.js'
import { visitCountsCollection, visitSessionsCollection } from '../collections/VisitCounts.js'
import { sitesCollection } from '../collections/Sites.js'
import { topicsCollection } from '../collections/Topics.js'
import { pagesCollection } from '../collections/Pages.js'
import { slugRedirectsCollection } from '../collections/SlugRedirects.js'
import { cacheGenerationsCollection } from '../collections/CacheGenerations.js'
import { publicCacheFeature } from '../features/cache/index.js'
import { publicChangeHooks, publicCollections } from '../features/changes/index.js'
import { onSites, withUserSites } from '../features/sites/fields.js'
import { sitesFeature } from '../features/sites/index.js'
import { searchFeature } from '../features/search/index.js'
import { sitemapFeature } from '../features/sitemap/index.js'
import { scopeToSites } from '../features/sites/scope.js'
import { narrowAdminToSite } from '../features/sites/adminFilters.js'
import { withSiteSelector } from '../features/sites/adminSelector.js'
import { AUTHORS_SLUG, SOURCES_SLUG } from '../core/constants.js'
import { ensureRawReadIndexes, mongoArticleReadIndexes } from '../features/content/readIndexes.js'
import { installIdFirstReads } from '../features/content/idFirstReads.js'
import { categoryListsFeature } from '../features/content/categoryLists/index.js'
import { webhooksFeature } from '../features/webhooks/index.js'
import { webhookDeliveriesCollection } from '../collections/WebhookDeliveries.js'
import { webhookEndpointsCollection } from '../collections/WebhookEndpoints.js'

export type { NewsPortalPluginConfig } from '../core/types.js'
export { slugify } from '../core/slugify.js'
export { publicArticleWhere } from '../features/content/publicWhere.js'
export {
  MemoryRateLimitStore,
  type RateLimitStore,
  type RatingSummary,
} from '../features/ratings/index.js'
export { DatabaseRateLimitStore } from '../features/ratings/rateLimitDatabase.js'
export { defaultIsAdmin, defaultIsEditor, resolveOptions } from './options.js'
export { resolveSite } from '../features/sites/resolve.js'
export type { PortalSite } from '../features/sites/registry.js'
export {
  inOneSqliteTransaction,
  moveContentOffSites,
  moveContentToDefaultSite,
} from '../features/sites/upgradeSql.js'
export { limitRequestBody, graphqlGet } from '../features/graphql/index.js'
export { withHttpCaching, HTTP_MAX_AGE } from '../features/http/index.js'
export { withPublicCache } from '../features/cache/index.js'
export { onPublicChange, type PublicChange } from '../features/changes/index.js'
export { verifyWebhookSignature, signWebhookBody } from '../features/webhooks/index.js'

type CollectionHooks = NonNullable<CollectionConfig['hooks']>

/** `added`'s hook lists after `hooks`' own, per hook name. */
function appendHooks(hooks: CollectionHooks, added: CollectionHooks = {}): CollectionHooks {
  const merged: Record<string, unknown[]> = { ...(hooks as Record<string, unknown[]>) }
  for (const [name, list] of Object.entries(added as Record<string, unknown[]>))
    merged[name] = [...(merged[name] ?? []), ...(list ?? [])]
  return merged as CollectionHooks
}

/**
 * Turns any Payload site into a news portal: articles, authors, sources, categories and media,
 * with public read access limited to what is published and in its time window.
 */
export const newsPortalPlugin =
  (pluginOptions: NewsPortalPluginConfig = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const options = resolveOptions(pluginOptions)
    // Each feature lives in its own folder under features/ and is registered here.
    const features: PortalFeature[] = [
      ratingsFeature(options),
      countersFeature(options),
      publicApiFeature(options),
      sitesFeature(options),
      searchFeature(options),
      sitemapFeature(options),
      // The read indexes Payload cannot declare, for a pushed schema (migrations create them too).
      { onInit: ensureRawReadIndexes },
      // Deep pages of articles read their ids first (SQL adapters), after access and site scope.
      ...(options.idFirstReads ? [{ onInit: installIdFirstReads }] : []),
      // A category's list from the plugin's category table (after: it wraps the reads above).
      categoryListsFeature(options),
      publicCacheFeature(options),
      webhooksFeature(options),
    ]

    const articles = articlesCollection(options)
    if (incomingConfig.db?.name === 'mongoose')
      articles.indexes = [...(articles.indexes ?? []), ...mongoArticleReadIndexes]
    articles.fields = [
      ...articles.fields,
      ...features.flatMap((feature) => feature.articleFields ?? []),
    ]
    if (!options.disabled) {
      articles.endpoints = [
        ...(articles.endpoints || []),
        ...features.flatMap((feature) => feature.articleEndpoints ?? []),
      ]
      articles.hooks = features.reduce(
        (hooks, feature) => appendHooks(hooks, feature.articleHooks),
        articles.hooks ?? {},
      )
    }
    // On sites: fields (before the overrides, which see them), then access and hooks (after, so
    // an app's own rules are scoped too). Authors and sources may be shared, the rest belongs to one.
    const onSite = (
      collection: CollectionConfig,
      shared: boolean,
      overrides?: CollectionOverrides,
    ) =>
      scopeToSites(applyOverrides(onSites(collection, { shared }), overrides), { shared }, options)
    const portalCollections: CollectionConfig[] = [
      // Media stay global: every site may show any image (one library, one upload folder).
      applyOverrides(mediaCollection(options), pluginOptions.mediaOverrides),
      onSite(categoriesCollection(options), false, pluginOptions.categoriesOverrides),
      onSite(authorsCollection(options), true, pluginOptions.authorsOverrides),
      onSite(sourcesCollection(options), true, pluginOptions.sourcesOverrides),
      onSite(articles, false, pluginOptions.articlesOverrides),
      // Internal collections of the features (added even when disabled, so the schema is stable).
      ratingsCollection(options),
      ratingSummariesCollection(options),
      rateLimitHitsCollection(options),
      onSite(counterWidgetsCollection(options), false),
      visitCountsCollection(options),
      visitSessionsCollection(options),
      sitesCollection(options),
      // Added after the collections that came before them: the databases' names of the existing
      // (site, slug) indexes, numbered in this order, stay as the earlier migrations made them.
      onSite(topicsCollection(options), false, pluginOptions.topicsOverrides),
      onSite(pagesCollection(options), false, pluginOptions.pagesOverrides),
      onSite(slugRedirectsCollection(options), false),
      cacheGenerationsCollection(options),
      webhookEndpointsCollection(options),
      webhookDeliveriesCollection(options),
    ]
    // The admin's users get `sites`: the sites each editor may write.
    const existing = (incomingConfig.collections ?? []).map((collection) =>
      collection.slug === incomingConfig.admin?.user
        ? withUserSites(collection, options)
        : collection,
    )
    const clash = existing.find((collection) =>
      portalCollections.some((own) => own.slug === collection.slug),
    )
    if (clash) {
      throw new Error(
        `newsPortalPlugin: the site already has a collection "${clash.slug}"; use ${clash.slug}Overrides to change the plugin's instead.`,
      )
    }
    const config: Config = { ...incomingConfig, collections: [...existing, ...portalCollections] }
    if (options.disabled) return config
    for (const collection of portalCollections)
      collection.hooks = features.reduce(
        (hooks, feature) => appendHooks(hooks, feature.collectionHooks?.[collection.slug]),
        collection.hooks ?? {},
      )
    // Public lists of every portal collection are capped (last, after the site's own hooks).
    for (const collection of portalCollections) {
      const hooks = collection.hooks ?? {}
      collection.hooks = {
        ...hooks,
        beforeOperation: [...(hooks.beforeOperation ?? []), capPublicPageSize(options)],
      }
    }
    // Every collection readers can see reports its committed changes (the cache, webhooks listen).
    for (const entry of publicCollections(options)) {
      const collection = portalCollections.find((candidate) => candidate.slug === entry.slug)
      if (collection)
        collection.hooks = appendHooks(collection.hooks ?? {}, publicChangeHooks(entry))
    }

    config.endpoints = [
      ...(incomingConfig.endpoints ?? []),
      ...features.flatMap((feature) => feature.endpoints ?? []),
    ]
    config.graphQL = {
      ...incomingConfig.graphQL,
      queries: chainGraphQL(
        incomingConfig.graphQL?.queries,
        features.flatMap((feature) => feature.queries ?? []),
      ),
      mutations: chainGraphQL(
        incomingConfig.graphQL?.mutations,
        features.flatMap((feature) => feature.mutations ?? []),
      ),
    }
    const validationRules = features.flatMap((feature) =>
      feature.graphQLValidationRules ? [feature.graphQLValidationRules] : [],
    )
    if (validationRules.length) {
      const existingRules = incomingConfig.graphQL?.validationRules
      config.graphQL.validationRules = (args) => [
        ...(existingRules ? existingRules(args) : []),
        ...validationRules.flatMap((rules) => rules(args)),
      ]
    }
    // Every feature refuses with a PortalError; GraphQL gets its code and details in `extensions`.
    config.hooks = {
      ...incomingConfig.hooks,
      afterError: [
        ...(incomingConfig.hooks?.afterError ?? []),
        portalErrorExtensions,
        jsonParamError,
      ],
    }
    const tasks = features.flatMap((feature) => feature.tasks ?? [])
    if (tasks.length) {
      config.jobs = {
        ...incomingConfig.jobs,
        tasks: [...(incomingConfig.jobs?.tasks ?? []), ...tasks],
      }
    }
    const beforeDashboard = features.flatMap((feature) => feature.beforeDashboard ?? [])
    if (beforeDashboard.length) {
      const components = { ...incomingConfig.admin?.components }
      components.beforeDashboard = [...(components.beforeDashboard ?? []), ...beforeDashboard]
      config.admin = { ...incomingConfig.admin, components }
    }
    // The admin works on one chosen site: lists, pickers and new documents follow the selector.
    narrowAdminToSite(portalCollections, options, [AUTHORS_SLUG, SOURCES_SLUG])
    config.admin = withSiteSelector(config.admin, options)
    const inits = features.flatMap((feature) => (feature.onInit ? [feature.onInit] : []))
    if (inits.length) {
      // The portal is set up (default site, indexes) before the app's own start-up code runs,
      // so what the app creates there (a demo seed) already lands on a site.
      config.onInit = async (payload) => {
        for (const init of inits) await init(payload)
        await incomingConfig.onInit?.(payload)
      }
    }
    return features.reduce(
      (current, feature) => feature.finalizeConfig?.(current) ?? current,
      config,
    )
  }
