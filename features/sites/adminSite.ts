import { parseCookies, type PayloadRequest, type TypedUser, type Where } from 'payload'
import { ADMIN_SITE_COOKIE, SITE_FIELD, USER_SITES_FIELD } from '../../core/constants.js'
import { idOf, type Id } from '../../core/ids.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { loadSites, type PortalSite } from './registry.js'

type SiteRules = Pick<ResolvedNewsPortalOptions, 'isAdmin' | 'isEditor'>

/** The sites a user may pick in the admin's site selector. */
export interface AdminSites {
  /** In the registry's order (oldest first). */
  sites: PortalSite[]
  /** Every site of the deployment is theirs (an admin): "all sites" needs no narrowing. */
  everySite: boolean
}

/** The ids in a user's `sites` (ids or populated sites, depending on the depth the user was read at). */
export function userSiteIds(user: TypedUser | null | undefined): Id[] {
  const value = (user as Record<string, unknown> | null | undefined)?.[USER_SITES_FIELD]
  if (!Array.isArray(value)) return []
  return value.map(idOf).filter((id): id is Id => id !== undefined)
}

/** Admins may pick every site, editors their `users.sites` that still exist, anyone else none. */
export async function adminSitesOf(
  req: Pick<PayloadRequest, 'payload' | 'user'>,
  options: SiteRules,
): Promise<AdminSites> {
  const user = req.user
  if (!user) return { sites: [], everySite: false }
  const { sites } = await loadSites(req.payload)
  if (options.isAdmin(user, req as PayloadRequest)) return { sites, everySite: true }
  if (!options.isEditor(user, req as PayloadRequest)) return { sites: [], everySite: false }
  const own = new Set(userSiteIds(user).map(String))
  return { sites: sites.filter((site) => own.has(String(site.id))), everySite: false }
}

/** What the admin works on for one request: the chosen site, or `null` for every site the user may pick. */
export interface AdminSiteChoice extends AdminSites {
  chosen: PortalSite | null
}

const CHOICE = Symbol.for('news-portal.admin-site')
type ChoiceContext = { [CHOICE]?: Promise<AdminSiteChoice> }

/**
 * The site the admin works on: the `portal-admin-site` cookie when it names a site this user may
 * pick (anything else is ignored), else an editor's only site, else `null` (all of theirs).
 * Read once per request; the cookie only ever narrows what access already allows.
 */
export function adminSiteChoice(req: PayloadRequest, options: SiteRules): Promise<AdminSiteChoice> {
  const context = (req.context ?? {}) as ChoiceContext
  if (!req.context) req.context = context as PayloadRequest['context']
  context[CHOICE] ??= readChoice(req, options)
  return context[CHOICE]
}

async function readChoice(req: PayloadRequest, options: SiteRules): Promise<AdminSiteChoice> {
  const allowed = await adminSitesOf(req, options)
  const cookie = req.headers ? parseCookies(req.headers).get(ADMIN_SITE_COOKIE)?.trim() : undefined
  const named = cookie ? allowed.sites.find((site) => String(site.id) === cookie) : undefined
  // An admin's "every site" stays every site even in a one-site deployment (no narrowing at all).
  const only = !allowed.everySite && allowed.sites.length === 1 ? allowed.sites[0] : undefined
  return { ...allowed, chosen: named ?? only ?? null }
}

/** Documents of these sites; for a collection whose documents may be shared, shared ones too. */
export function onSitesWhere(ids: Id[], shared: boolean): Where {
  const own: Where = { [SITE_FIELD]: { in: ids } }
  return shared ? { or: [own, { [SITE_FIELD]: { exists: false } }] } : own
}

/**
 * What the admin's lists and pickers show: the chosen site's documents; with every site chosen,
 * an editor's sites; `null` (no narrowing) for an admin or a user with no site to pick.
 */
export async function adminSiteWhere(
  req: PayloadRequest,
  options: SiteRules,
  shared: boolean,
): Promise<Where | null> {
  const { chosen, sites, everySite } = await adminSiteChoice(req, options)
  if (chosen) return onSitesWhere([chosen.id], shared)
  if (everySite || sites.length === 0) return null
  return onSitesWhere(
    sites.map((site) => site.id),
    shared,
  )
}
