import type { Config, Payload } from 'payload'
import { slugify } from '../../core/slugify.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { DEFAULT_TIME_ZONE } from '../../core/constants.js'

/** What an upgraded database's default site is made of: the plugin's options, as at first start. */
export interface DefaultSiteSettings {
  name: string
  slug: string
  siteUrl: string | null
  timeZone: string
}

const KEY = 'newsPortalDefaultSite'

/** The default site a first start creates (`ensureDefaultSite`) and an upgrade creates alike. */
export function defaultSiteFromOptions(
  options: Pick<ResolvedNewsPortalOptions, 'siteName' | 'siteUrl' | 'timeZone'>,
): DefaultSiteSettings {
  return {
    name: options.siteName,
    slug: slugify(options.siteName) || 'default',
    siteUrl: options.siteUrl ?? null,
    timeZone: options.timeZone,
  }
}

/** Keeps the settings in `config.custom`, where a migration (given only `payload`) reads them. */
export function withDefaultSiteSettings(config: Config, settings: DefaultSiteSettings): Config {
  return { ...config, custom: { ...config.custom, [KEY]: settings } }
}

/** The settings kept by the plugin; the plugin's defaults when the config has none (plugin disabled). */
export function defaultSiteSettings(payload: Payload): DefaultSiteSettings {
  const kept = payload.config.custom?.[KEY] as DefaultSiteSettings | undefined
  return (
    kept ??
    defaultSiteFromOptions({
      // plugin/options.ts's default siteName.
      siteName: 'Cổng thông tin điện tử',
      siteUrl: undefined,
      timeZone: DEFAULT_TIME_ZONE,
    })
  )
}
