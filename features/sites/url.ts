import type { PortalSite } from './registry.js'

/** A site's public address without a trailing slash (for absolute links); `undefined` when it has none. */
export function siteBaseUrl(
  site: Pick<PortalSite, 'siteUrl'> | null | undefined,
): string | undefined {
  return site?.siteUrl?.replace(/\/+$/, '') || undefined
}
