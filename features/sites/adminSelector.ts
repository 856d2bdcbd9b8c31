import type { Config } from 'payload'
import { componentPaths } from '../../core/constants.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'

/** The admin config with the site selector first among the header's actions (shown on every view). */
export function withSiteSelector(
  admin: Config['admin'],
  options: ResolvedNewsPortalOptions,
): Config['admin'] {
  const selector = { path: componentPaths.siteSelector, serverProps: { sitesOptions: options } }
  const components = { ...admin?.components }
  components.actions = [selector, ...(components.actions ?? [])]
  return { ...admin, components }
}
