import type { PayloadRequest } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { adminSiteChoice } from '../features/sites/adminSite.js'
import { SiteSelectorClient } from './SiteSelectorClient.js'

interface Props {
  req: PayloadRequest
  sitesOptions: ResolvedNewsPortalOptions
}

/** In the admin's header: the sites this user may pick, when there is more than one, and the choice. */
export async function SiteSelector({ req, sitesOptions: options }: Props) {
  if (!options || !req) return null
  const { sites, everySite, chosen } = await adminSiteChoice(req, options)
  if (sites.length < 2) return null
  return (
    <SiteSelectorClient
      everySite={everySite}
      chosen={chosen ? String(chosen.id) : ''}
      sites={sites.map((site) => ({ id: String(site.id), name: site.name || site.slug }))}
    />
  )
}
