import type { Payload } from 'payload'
import { perOwner } from '../../core/batch.js'
import { cacheKeyOf, type SiteRef } from './siteScope.js'

/**
 * Per site (per config, shared by every Payload instance of it in this process), a counter of
 * completed writes that change what its VisitorStats shows, plus one for writes that change every
 * site's. A stats read made after the last such write is as fresh as a new one, so readers may share it.
 */
const writes = perOwner((_config: object) => ({ everySite: 0, bySite: new Map<string, number>() }))
const countersFor = (payload: Payload) => writes(payload.config)

/**
 * Call after a write that changes the visitor figures of `site` has completed (or failed
 * half-way); without a site, after one that may change every site's (pruning, a widget edit).
 */
export function visibleWriteDone(payload: Payload, site?: SiteRef): void {
  const counters = countersFor(payload)
  if (site === undefined) {
    counters.everySite += 1
    return
  }
  const key = cacheKeyOf(site)
  counters.bySite.set(key, (counters.bySite.get(key) ?? 0) + 1)
}

/** A token that changes whenever a write visible in `site`'s figures has completed. */
export function visibleWrites(payload: Payload, site: SiteRef): string {
  const counters = countersFor(payload)
  return `${counters.everySite}:${counters.bySite.get(cacheKeyOf(site)) ?? 0}`
}
