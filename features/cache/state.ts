import type { PublicCacheConfig } from '../../core/types.js'
import { perOwner } from '../../core/batch.js'
import { BoundedLru } from './lru.js'

/** The scope of changes every site shows (media, shared authors, sites themselves). */
export const ALL_SITES = '*'

/** One stored answer and what it was read under. */
export interface CachedAnswer {
  status: number
  body: Uint8Array
  headers: Array<[string, string]>
  /** Epoch ms after which it is never served (TTL or the site's next scheduled boundary). */
  expiresAt: number
  /** The site it was read for (`-`: the deployment has no site yet), and its generations then. */
  siteKey: string
  generations: Generations
}

/** A site's and all sites' change generations when a read began. */
export interface Generations {
  site: number
  all: number
}

export interface CacheState {
  settings: Required<PublicCacheConfig>
  answers: BoundedLru<CachedAnswer>
  /** Per site key (and `*`): raised by each change, so answers read before it are never served or stored. */
  generations: Map<string, number>
  /** Raised by every change of any site: a read that saw it move while it ran stores nothing. */
  changes: number
  /** Per site key: the next publishedAt/expiresAt after the time it was read, and under which generations. */
  boundaries: Map<string, { at: number | null; generations: Generations }>
  /** Per site key: the shared generation this process last saw in the database. */
  seen: Map<string, number>
}

// Keyed by the config: the Payload instances of one config in a process share one cache.
const states = perOwner((_config: object) => ({ state: undefined as CacheState | undefined }))

/** The cache of a config, made with `settings` on first use. */
export function cacheStateOf(config: object, settings: Required<PublicCacheConfig>): CacheState {
  const holder = states(config)
  holder.state ??= {
    settings,
    answers: new BoundedLru(settings.maxEntries, settings.maxBytes),
    generations: new Map(),
    changes: 0,
    boundaries: new Map(),
    seen: new Map(),
  }
  return holder.state
}

export function generationsOf(state: CacheState, siteKey: string): Generations {
  return {
    site: state.generations.get(siteKey) ?? 0,
    all: state.generations.get(ALL_SITES) ?? 0,
  }
}

export const sameGenerations = (a: Generations, b: Generations) =>
  a.site === b.site && a.all === b.all

/** Makes every answer of `siteKey` (of every site for `*`) stale, and its known boundary with it. */
export function invalidate(state: CacheState, siteKey: string): void {
  state.generations.set(siteKey, (state.generations.get(siteKey) ?? 0) + 1)
  state.changes++
  if (siteKey === ALL_SITES) state.boundaries.clear()
  else state.boundaries.delete(siteKey)
}
