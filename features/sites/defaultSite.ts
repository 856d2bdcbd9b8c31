import type { Payload } from 'payload'
import { SITES_SLUG } from '../../core/constants.js'
import { isUniqueViolation } from '../../core/database.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { defaultSiteFromOptions } from './upgradeSettings.js'
import { forgetSites } from './registry.js'

/**
 * Every deployment has at least one site: when none exists at start-up, the default site is
 * created from the plugin's `siteName`, `siteUrl` and `timeZone`, so a deployment that never
 * creates a site runs on it exactly as before sites existed. Two instances starting together
 * both try; the unique slug lets one win and the other finds it.
 */
export async function ensureDefaultSite(
  payload: Payload,
  options: Pick<ResolvedNewsPortalOptions, 'siteName' | 'siteUrl' | 'timeZone'>,
): Promise<void> {
  const existing = await payload.count({ collection: SITES_SLUG as never, overrideAccess: true })
  if (existing.totalDocs > 0) return
  try {
    await payload.create({
      collection: SITES_SLUG as never,
      // The same site an upgraded database gets (upgradeSettings.ts).
      data: { ...defaultSiteFromOptions(options), isDefault: true } as never,
      overrideAccess: true,
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
  }
  forgetSites(payload)
}
