import type { Config } from 'payload'
import { componentPaths } from '../../core/constants.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'

/** The admin config with the site selector first above the navigation links. */
export function withSiteSelector(
  admin: Config['admin'],
  options: ResolvedNewsPortalOptions,
): Config['admin'] {
  const selector = { path: componentPaths.siteSelector, serverProps: { sitesOptions: options } }
  const components = { ...admin?.components }
  components.beforeNavLinks = [selector, ...(components.beforeNavLinks ?? [])]
  return { ...admin, components }
}
