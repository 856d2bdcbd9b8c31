import type { Payload, PayloadRequest, TypedUser } from 'payload'
import { USER_SITES_FIELD } from '../../core/constants.js'
import { idKey } from '../../core/ids.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { loadSites } from '../sites/registry.js'
import type { CounterSite } from './siteScope.js'

/**
 * The site whose figures the admin dashboard shows: the one the site selector chose, when the
 * user may edit it; else the user's first site; else the default site. An admin may see any.
 */
export async function dashboardSite(
  payload: Payload,
  options: Pick<ResolvedNewsPortalOptions, 'isAdmin'>,
  user: TypedUser | null | undefined,
  selected?: string,
): Promise<CounterSite> {
  const { sites, defaultSite } = await loadSites(payload)
  const own = ((user as Record<string, unknown> | null | undefined)?.[USER_SITES_FIELD] ??
    []) as unknown[]
  const ownIds = (Array.isArray(own) ? own : []).map(idKey).filter(Boolean) as string[]
  const isAdmin = options.isAdmin(user, { payload, user } as PayloadRequest)
  const chosen =
    selected && sites.find((site) => String(site.id) === selected || site.slug === selected)
  if (chosen && (isAdmin || ownIds.includes(String(chosen.id)))) return chosen
  const first = ownIds.map((id) => sites.find((site) => String(site.id) === id)).find(Boolean)
  return first ?? defaultSite
}
