import type { PortalFeature } from '../../core/feature.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { ensureDefaultSite } from './defaultSite.js'
import { sitesQueries } from './graphql.js'
import { upgradeMongoToSites } from './upgrade.js'
import { defaultSiteFromOptions, withDefaultSiteSettings } from './upgradeSettings.js'

export { resolveSite } from './resolve.js'
export { loadSites, type PortalSite } from './registry.js'
export { moveContentToDefaultSite } from './upgradeSql.js'

/** Several sites in one deployment: the default site exists from the first start. */
export function sitesFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  return {
    queries: sitesQueries(options),
    onInit: async (payload) => {
      // A MongoDB database from before sites is moved onto the default site first (SQL: migrations).
      await upgradeMongoToSites(payload, options)
      await ensureDefaultSite(payload, options)
    },
    // The SQL migrations create the same default site as the first start: they read it here.
    finalizeConfig: (config) => withDefaultSiteSettings(config, defaultSiteFromOptions(options)),
  }
}
