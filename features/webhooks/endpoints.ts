import type { Payload } from 'payload'
import { perOwner } from '../../core/batch.js'
import { WEBHOOK_ENDPOINTS_SLUG } from '../../core/constants.js'
import type { ResolvedWebhooksOptions } from '../../core/types.js'
import { loadSites } from '../sites/registry.js'

/** A front end to notify, from the options or the `webhook-endpoints` collection. */
export interface WebhookTarget {
  url: string
  secret: string
  /** Slugs of the sites it hears; `null`: every site. */
  sites: string[] | null
}

/** How long an instance trusts its list of stored endpoints (another instance's edits). */
export const ENDPOINT_LIST_TTL_MS = 2_000

const caches = perOwner((_payload: Payload) => ({
  loaded: undefined as Promise<WebhookTarget[]> | undefined,
  at: 0,
}))

/** Drops this instance's list of stored endpoints (one was saved or deleted here). */
export function forgetStoredEndpoints(payload: Payload): void {
  caches(payload).loaded = undefined
}

/** The enabled endpoints of the collection, read raw (the secret is never read through the API). */
async function readStoredEndpoints(payload: Payload): Promise<WebhookTarget[]> {
  const { docs } = await payload.db.find({
    collection: WEBHOOK_ENDPOINTS_SLUG as never,
    where: { enabled: { equals: true } },
    limit: 0,
    pagination: false,
  })
  const { sites } = await loadSites(payload)
  const slugOf = new Map(sites.map((site) => [String(site.id), site.slug]))
  return (docs as unknown as Array<Record<string, unknown>>).map((doc) => {
    const ids = Array.isArray(doc.sites) ? doc.sites : []
    const siteIds = ids.map((value) =>
      String(value && typeof value === 'object' ? (value as { id: unknown }).id : value),
    )
    return {
      url: String(doc.url),
      secret: String(doc.secret ?? ''),
      // A deleted site leaves its endpoint hearing the sites that remain (none: nothing).
      sites: siteIds.length
        ? siteIds.flatMap((id) => (slugOf.has(id) ? [slugOf.get(id)!] : []))
        : null,
    }
  })
}

/** Every front end: the options' first, then the stored ones (read at most once per TTL). */
export async function loadEndpoints(
  payload: Payload,
  options: ResolvedWebhooksOptions,
  now = Date.now(),
): Promise<WebhookTarget[]> {
  const cache = caches(payload)
  if (!cache.loaded || now - cache.at > ENDPOINT_LIST_TTL_MS) {
    cache.at = now
    const loaded = readStoredEndpoints(payload)
    cache.loaded = loaded
    loaded.catch(() => {
      if (cache.loaded === loaded) cache.loaded = undefined
    })
  }
  const configured = new Set(options.endpoints.map((endpoint) => endpoint.url))
  const stored = (await cache.loaded).filter((endpoint) => !configured.has(endpoint.url))
  return [...options.endpoints, ...stored]
}
