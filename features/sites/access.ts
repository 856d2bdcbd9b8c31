import type { Access, AccessResult, PayloadRequest, Where } from 'payload'
import { SITE_FIELD } from '../../core/constants.js'
import { idKey, idOf, type Id } from '../../core/ids.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { loadSites, type PortalSite } from './registry.js'
import { resolveSite } from './resolve.js'

type SiteOptions = Pick<ResolvedNewsPortalOptions, 'isAdmin' | 'isEditor' | 'trustProxy'>

/** How a collection sits on sites: `shared` ones (authors, sources) may leave `site` empty to serve every site. */
export interface SiteScope {
  shared: boolean
}

/** Where a site-scoped collection keeps its `SiteScope` (in its config's `custom`), for hooks and validators. */
export const SITE_SCOPE_KEY = 'newsPortalSite'

/** The `SiteScope` of a collection config; `undefined` for a collection that is not on sites. */
export function siteScopeOf(
  collection: { custom?: Record<string, unknown> } | null | undefined,
): SiteScope | undefined {
  return collection?.custom?.[SITE_SCOPE_KEY] as SiteScope | undefined
}

/** Both rules: `false` wins, `true` gives way. */
export function bothRules(a: AccessResult, b: AccessResult): AccessResult {
  if (a === false || b === false) return false
  if (a === true) return b
  if (b === true) return a
  return { and: [a, b] }
}

/** Either rule: `true` wins, `false` gives way. */
export function eitherRule(a: AccessResult, b: AccessResult): AccessResult {
  if (a === true || b === true) return true
  if (a === false) return b
  if (b === false) return a
  return { or: [a, b] }
}

/**
 * Documents of `site`, and for a shared collection the shared ones too (no site = every site).
 * `true` while the deployment has no site at all. `prefix` is `'version.'` on the versions table.
 */
export function onSiteWhere(
  site: Pick<PortalSite, 'id'> | null,
  { shared }: SiteScope,
  prefix = '',
): AccessResult {
  if (!site) return true
  const path = `${prefix}${SITE_FIELD}`
  const own: Where = { [path]: { equals: site.id } }
  return shared ? { or: [own, { [path]: { exists: false } }] } : own
}

/** Documents of one of `sites`; nothing for an empty list. */
export function inSitesWhere(sites: Id[], prefix = ''): AccessResult {
  if (!sites.length) return false
  // One site: `equals`, which SQL reads from an index in order (Payload turns `in` into a list).
  if (sites.length === 1) return { [`${prefix}${SITE_FIELD}`]: { equals: sites[0] } }
  return { [`${prefix}${SITE_FIELD}`]: { in: sites } }
}

/**
 * The sites a user writes: every site for an admin; for an editor the sites of their `sites`
 * field, or the one site while the deployment has only one (so an editor without sites works as
 * before sites existed, and edits nothing once there are several); for any other user (whom only
 * an app's own rule lets write) the request's site. Read from the user and the cached site list.
 */
export async function writableSites(
  req: PayloadRequest,
  options: SiteOptions,
): Promise<'all' | Id[]> {
  const { user } = req
  if (options.isAdmin(user, req)) return 'all'
  const { sites } = await loadSites(req.payload)
  if (options.isEditor(user, req)) {
    const own = (user as { sites?: unknown } | null)?.sites
    const ids = (Array.isArray(own) ? own : [])
      .map((value) => idKey(value))
      .filter((id): id is string => id !== undefined)
    if (!ids.length) return sites.length === 1 ? [sites[0].id] : []
    // As the database stores them (the user document may carry them populated or as strings).
    return sites.filter((site) => ids.includes(String(site.id))).map((site) => site.id)
  }
  const site = await resolveSite(req, options)
  return site ? [site.id] : []
}

/** Whether `site` is one of the sites `req`'s user writes. */
export async function writesSite(
  req: PayloadRequest,
  options: SiteOptions,
  site: unknown,
): Promise<boolean> {
  const mine = await writableSites(req, options)
  return mine === 'all' || mine.some((id) => String(id) === idKey(site))
}

/** The same request as seen by an anonymous reader (everything else, `context` included, shared). */
const asPublic = (req: PayloadRequest): PayloadRequest =>
  Object.create(req, { user: { value: null, enumerable: true } }) as PayloadRequest

/**
 * Read access on sites, for `read` and `readVersions` (`prefix: 'version.'`) alike:
 * - an admin: the collection's own rule (every site);
 * - an editor: their sites' documents under the collection's rule for them (drafts and versions
 *   included), plus what the public may read of the request's site (published content, like
 *   any reader: being logged in never shows less than the public page);
 * - anyone else: the collection's rule AND the request's site (plus shared documents).
 * The only added cost is the request's site, read once per request from the cached list.
 */
export function withSiteRead(
  access: Access,
  options: SiteOptions,
  scope: SiteScope,
  prefix = '',
): Access {
  return async (args) => {
    const { req } = args
    const own = await access(args)
    // First, whoever reads: a request naming an unknown site is refused, an admin's too.
    const site = await resolveSite(req, options)
    if (options.isAdmin(req.user, req)) return own
    if (!options.isEditor(req.user, req)) return bothRules(own, onSiteWhere(site, scope, prefix))
    const mine = await writableSites(req, options)
    // Reading every document of their sites, an editor's public share of one of them adds nothing:
    // one condition instead of an OR keeps the read on the site's index (issue 17).
    if (own === true && site && !scope.shared && writes(mine, site.id))
      return mine === 'all' ? true : inSitesWhere(mine, prefix)
    const asReader = await access({ ...args, req: asPublic(req) })
    return eitherRule(
      bothRules(own, mine === 'all' ? true : inSitesWhere(mine, prefix)),
      bothRules(asReader, onSiteWhere(site, scope, prefix)),
    )
  }
}

/** Whether `site` is among `mine`. */
const writes = (mine: 'all' | Id[], site: Id): boolean =>
  mine === 'all' || mine.some((id) => String(id) === String(site))

/**
 * Update and delete on sites: an admin anywhere, anyone else only documents of the sites they
 * write (shared documents, which belong to no site, are the admins' alone).
 */
export function withSiteWrite(access: Access, options: SiteOptions): Access {
  return async (args) => {
    const { req } = args
    const own = await access(args)
    if (own === false) return false
    const mine = await writableSites(req, options)
    return mine === 'all' ? own : bothRules(own, inSitesWhere(mine))
  }
}

/** The id a `site` value names (an id, or a populated site), as a string; `undefined` when empty. */
export const siteIdOf = (value: unknown): string | undefined => {
  const id = idOf(value)
  return id === undefined || id === '' ? undefined : String(id)
}
