import type { Payload } from 'payload'
import { SITES_SLUG } from '../../core/constants.js'
import type { Id } from '../../core/ids.js'
import { perOwner } from '../../core/batch.js'

/** What the plugin needs of a site, read once and shared by every request. */
export interface PortalSite {
  id: Id
  slug: string
  /** The name in the default locale (the admin and `portal.site()` read the localized one). */
  name: string
  siteUrl: string | null
  timeZone: string
  /** Lower-case host names, without scheme or port. */
  domains: string[]
  isDefault: boolean
}

export interface SiteRegistry {
  sites: PortalSite[]
  bySlug: Map<string, PortalSite>
  byDomain: Map<string, PortalSite>
  /** The site flagged as default, else the oldest; `null` when no site exists (one implicit site). */
  defaultSite: PortalSite | null
}

/** How long an instance trusts its list of sites before reading it again (other instances' edits). */
export const SITE_LIST_TTL_MS = 2_000

const caches = perOwner((_payload: Payload) => ({
  loaded: undefined as Promise<SiteRegistry> | undefined,
  at: 0,
}))

/** Drops this instance's list of sites (a site was created, changed or deleted here). */
export function forgetSites(payload: Payload): void {
  caches(payload).loaded = undefined
}

/** Every site, read at most once per `SITE_LIST_TTL_MS` per instance (sites change rarely). */
export function loadSites(payload: Payload, now = Date.now()): Promise<SiteRegistry> {
  const cache = caches(payload)
  if (!cache.loaded || now - cache.at > SITE_LIST_TTL_MS) {
    cache.at = now
    const loaded = readSites(payload)
    cache.loaded = loaded
    loaded.catch(() => {
      if (cache.loaded === loaded) cache.loaded = undefined
    })
  }
  return cache.loaded
}

async function readSites(payload: Payload): Promise<SiteRegistry> {
  // Site-independent by nature: this is the list every request is matched against.
  const { docs } = await payload.find({
    collection: SITES_SLUG as never,
    depth: 0,
    limit: 0,
    pagination: false,
    sort: 'createdAt',
    overrideAccess: true,
  })
  const sites = (docs as unknown as Array<Record<string, unknown>>).map(toPortalSite)
  const bySlug = new Map(sites.map((site) => [site.slug, site]))
  const byDomain = new Map<string, PortalSite>()
  for (const site of sites) for (const domain of site.domains) byDomain.set(domain, site)
  const defaultSite = sites.find((site) => site.isDefault) ?? sites[0] ?? null
  return { sites, bySlug, byDomain, defaultSite }
}

function toPortalSite(doc: Record<string, unknown>): PortalSite {
  const domains = Array.isArray(doc.domains) ? doc.domains : []
  return {
    id: doc.id as Id,
    slug: String(doc.slug ?? ''),
    name: typeof doc.name === 'string' ? doc.name : '',
    siteUrl: typeof doc.siteUrl === 'string' && doc.siteUrl ? doc.siteUrl : null,
    timeZone: String(doc.timeZone ?? ''),
    domains: domains
      .map((row) => normalizeDomain((row as { domain?: unknown })?.domain))
      .filter((domain): domain is string => Boolean(domain)),
    isDefault: doc.isDefault === true,
  }
}

/** `https://Xa.TinH.gov.vn:443/` → `xa.tinh.gov.vn`: how domains are stored and matched. */
export function normalizeDomain(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  let host = value.trim().toLowerCase()
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/\/.*$/, '')
  if (host.startsWith('[')) host = host.slice(0, host.indexOf(']') + 1)
  else host = host.replace(/:\d*$/, '')
  host = host.replace(/\.$/, '')
  return /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)$/.test(
    host,
  ) && host.length <= 253
    ? host
    : undefined
}
