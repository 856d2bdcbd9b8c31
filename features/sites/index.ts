import type { PortalFeature } from '../../core/feature.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { ensureDefaultSite } from './defaultSite.js'

export { resolveSite } from './resolve.js'
export { loadSites, type PortalSite } from './registry.js'

/** Several sites in one deployment: the default site exists from the first start. */
export function sitesFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  return {
    onInit: (payload) => ensureDefaultSite(payload, options),
  }
}
