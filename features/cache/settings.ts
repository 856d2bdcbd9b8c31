import type { SanitizedConfig } from 'payload'
import type { PublicCacheConfig, ResolvedNewsPortalOptions } from '../../core/types.js'

/** Where the plugin leaves the cache's settings in the config, for the route wrapper. */
export const PUBLIC_CACHE_KEY = 'newsPortalPublicCache'

export interface PublicCacheSettings extends Required<PublicCacheConfig> {
  trustProxy: ResolvedNewsPortalOptions['trustProxy']
  maxRequestBodyBytes: number
  /** Paths under the API route whose GET answers are public and cached (`/feed.xml`). */
  restPaths: string[]
}

/** The cache's settings, or undefined when the plugin (or its cache) is off in `config`. */
export function publicCacheSettingsOf(config: SanitizedConfig): PublicCacheSettings | undefined {
  const value = (config.custom as Record<string, unknown> | undefined)?.[PUBLIC_CACHE_KEY]
  return value && typeof value === 'object' ? (value as PublicCacheSettings) : undefined
}
