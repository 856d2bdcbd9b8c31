import type { Payload, PayloadRequest, TypedUser } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { adminSitesOf } from '../features/sites/adminSite.js'
import { SiteSelectorClient } from './SiteSelectorClient.js'

interface Props {
  payload: Payload
  user?: TypedUser | null
  sitesOptions: ResolvedNewsPortalOptions
}

/** Above the admin's navigation: the sites this user may pick, when there is more than one. */
export async function SiteSelector({ payload, user, sitesOptions: options }: Props) {
  if (!options) return null
  // The rules read the request's config (which auth collection is the admin's): hand them what they read.
  const { sites, everySite } = await adminSitesOf({ payload, user } as PayloadRequest, options)
  if (sites.length < 2) return null
  return (
    <SiteSelectorClient
      everySite={everySite}
      sites={sites.map((site) => ({ id: String(site.id), name: site.name || site.slug }))}
    />
  )
}
