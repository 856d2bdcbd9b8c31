import type { Config, Payload } from 'payload'
import type { PortalFeature } from '../../core/feature.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { SITES_SLUG } from '../../core/constants.js'
import { onPublicChange, watchCommits } from '../changes/index.js'
import { perOwner } from '../../core/batch.js'
import { forgetSites } from '../sites/registry.js'
import { PUBLIC_CACHE_KEY, type PublicCacheSettings } from './settings.js'
import { signalChange, watchSharedSignal } from './shared.js'
import { ALL_SITES, cacheStateOf, invalidate } from './state.js'

export { withPublicCache } from './withPublicCache.js'
export { BoundedLru } from './lru.js'
export { PUBLIC_CACHE_KEY, publicCacheSettingsOf, type PublicCacheSettings } from './settings.js'

/** The REST paths (under the API route) whose anonymous GET answers are cached. */
export const PUBLIC_REST_PATHS = ['/feed.xml', '/sitemap.xml', '/news-sitemap.xml']

// One subscription per config: instances of one config in a process share the cache.
const subscribed = perOwner((_config: object) => ({ done: false }))
const stops = new WeakMap<Payload, () => void>()

/** Stops an instance's reading of the shared signal (also done by `payload.destroy()`). */
export function stopPublicCache(payload: Payload): void {
  stops.get(payload)?.()
}

/** Starts an instance's part of the cache: change listener, commit watch, the shared signal. */
function startCache(payload: Payload, settings: PublicCacheSettings): void {
  watchCommits(payload)
  const state = cacheStateOf(payload.config, settings)
  const once = subscribed(payload.config)
  if (!once.done) {
    once.done = true
    onPublicChange(payload, async (change, changed) => {
      // A site's own change (a domain, its name) may move requests between sites: all of them.
      const siteKey =
        change.site === null || change.collection === SITES_SLUG ? ALL_SITES : String(change.site)
      invalidate(state, siteKey)
      if (siteKey === ALL_SITES) forgetSites(changed)
      await signalChange(changed, state, siteKey)
    })
  }
  const stop = watchSharedSignal(payload, state)
  stops.set(payload, stop)
  const destroy = payload.destroy.bind(payload)
  payload.destroy = async () => {
    stop()
    await destroy()
  }
}

/** The public response cache (docs/cache.md): settings for the route wrapper, start-up work. */
export function publicCacheFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  const { publicCache } = options
  if (!publicCache) return {}
  const settings: PublicCacheSettings = {
    ...publicCache,
    trustProxy: options.trustProxy,
    maxRequestBodyBytes: options.maxRequestBodyBytes,
    restPaths: PUBLIC_REST_PATHS,
  }
  return {
    onInit: (payload) => startCache(payload, settings),
    finalizeConfig: (config: Config) => ({
      ...config,
      custom: { ...config.custom, [PUBLIC_CACHE_KEY]: settings },
    }),
  }
}
