import type { Where } from 'payload'
import { SITE_FIELD } from '../../core/constants.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import type { Id } from '../../core/ids.js'
import type { PortalSite } from '../sites/registry.js'

/** The site a figure belongs to: `null` only while the deployment has no site at all. */
export type CounterSite = PortalSite | null

/** A site known by its id alone (an article's `site`), or none. */
export type SiteRef = { id: Id } | null

/**
 * The conditions (for an `and`) that keep a read of articles or widgets to `site`. A document
 * without a site was stored before sites existed and belongs to the default site.
 */
export function onSite(site: CounterSite): Where[] {
  if (!site) return []
  const own: Where = { [SITE_FIELD]: { equals: site.id } }
  return [site.isDefault ? { or: [own, { [SITE_FIELD]: { exists: false } }] } : own]
}

/** Days and months of `site` start at midnight in its time zone (the plugin's when it has none). */
export function siteTimeZone(
  site: CounterSite,
  options: Pick<ResolvedNewsPortalOptions, 'timeZone'>,
): string {
  return site?.timeZone || options.timeZone
}

/** `site` as a key of a per-site cache. */
export const cacheKeyOf = (site: SiteRef | undefined): string => (site ? String(site.id) : '')
