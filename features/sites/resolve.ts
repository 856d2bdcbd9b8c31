import type { PayloadRequest } from 'payload'
import { SITE_HEADER } from '../../core/constants.js'
import { PortalError } from '../../core/errors.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { loadSites, normalizeDomain, type PortalSite } from './registry.js'

const RESOLVED = Symbol.for('news-portal.site')

type SiteContext = { [RESOLVED]?: Promise<PortalSite | null> }

/**
 * The site a request is for: the `x-portal-site` header (a site's slug), else the request's host
 * among the sites' domains, else the default site. `null` while the deployment has no site at all
 * (one implicit site, as before sites existed). An unknown header is an error, never another site.
 * Read once per request (GraphQL root fields and hooks of one request share it).
 */
export function resolveSite(
  req: PayloadRequest,
  options: Pick<ResolvedNewsPortalOptions, 'trustProxy'>,
): Promise<PortalSite | null> {
  const context = (req.context ?? {}) as SiteContext
  if (!req.context) req.context = context as PayloadRequest['context']
  context[RESOLVED] ??= findSite(req, options)
  return context[RESOLVED]
}

async function findSite(
  req: PayloadRequest,
  options: Pick<ResolvedNewsPortalOptions, 'trustProxy'>,
): Promise<PortalSite | null> {
  const registry = await loadSites(req.payload)
  const named = req.headers?.get(SITE_HEADER)?.trim()
  if (named) {
    const site = registry.bySlug.get(named.toLowerCase())
    if (site) return site
    throw new PortalError(
      'UNKNOWN_SITE',
      `The ${SITE_HEADER} header names no site: "${named.slice(0, 100)}".`,
      { field: SITE_HEADER },
    )
  }
  if (!registry.defaultSite) return null
  const host = requestHost(req, options)
  return (host && registry.byDomain.get(host)) || registry.defaultSite
}

/** The host the client asked for; a proxy's `x-forwarded-host` only when proxies are trusted. */
function requestHost(
  req: PayloadRequest,
  options: Pick<ResolvedNewsPortalOptions, 'trustProxy'>,
): string | undefined {
  const forwarded = options.trustProxy ? req.headers?.get('x-forwarded-host') : null
  const raw = forwarded?.split(',')[0] ?? req.headers?.get('host') ?? undefined
  return normalizeDomain(raw)
}
