/** The development switcher's cookie: the slug of the site to show. */
export const SITE_COOKIE = 'portal-site'
/** `?site=<slug>` sets the switcher's cookie in development (`?site=` clears it). */
export const SITE_PARAM = 'site'

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/
// Slugs never contain `~`: a key that starts with it names a host, whose `:` becomes `~` too.
const HOST_MARK = '~'

/** True for what a site's slug can be (slugify's alphabet). */
export const isSiteSlug = (value: string): boolean => SLUG.test(value)

/** The first path segment of the portal's internal routes: a site's slug, or `~` and the host. */
export type SiteKey = string

export const siteKeyOfSlug = (slug: string): SiteKey => slug

export const siteKeyOfHost = (host: string): SiteKey =>
  `${HOST_MARK}${host.trim().toLowerCase().replace(/:/g, HOST_MARK)}`

/** What a site key names: `{ slug }` or `{ host }`; `null` when it is neither. */
export function readSiteKey(key: string): { slug: string } | { host: string } | null {
  const decoded = decodeURIComponent(key)
  if (decoded.startsWith(HOST_MARK)) {
    const host = decoded.slice(1).replace(/~/g, ':')
    return /^[a-z0-9.-]+(:\d{1,5})?$/.test(host) ? { host } : null
  }
  return isSiteSlug(decoded) ? { slug: decoded } : null
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/

/**
 * The site's public origin for absolute links: its `siteUrl`, else (a site whose editors set none)
 * the host its pages are keyed by (http on a loopback host, https elsewhere); `null` for neither.
 */
export function siteOrigin(siteUrl: string | null | undefined, key: SiteKey): URL | null {
  if (siteUrl) {
    try {
      return new URL(siteUrl)
    } catch {
      // An editor's typo in the site's address must not take the portal down: the host still works.
    }
  }
  const named = readSiteKey(key)
  if (!named || !('host' in named)) return null
  return new URL(`${LOOPBACK.test(named.host) ? 'http' : 'https'}://${named.host}/`)
}
