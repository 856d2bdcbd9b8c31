import { NextResponse, type NextRequest } from 'next/server'
import { DEFAULT_LOCALE, isSiteLocale, type SiteLocale } from './locales.js'
import {
  isSiteSlug,
  SITE_COOKIE,
  SITE_PARAM,
  siteKeyOfHost,
  siteKeyOfSlug,
  type SiteKey,
} from './sites.js'

/** The list page number of a category address: `/tin-tuc-su-kien?trang=2`. */
export const PAGE_PARAM = 'trang'
/** The internal segment of a category's page 2, 3, …: slugs never start with `_`. */
export const PAGE_SEGMENT = '_p'
/** First segments the portal never uses for a category: Payload's and Next's own, and the portal's pages. */
export const RESERVED_SEGMENTS = ['admin', 'api', '_next', '_portal', 'tim-kiem', 'trang', 'en']

/**
 * The internal route of a public address: `/{siteKey}/{locale}/{path}` (the site and locale become
 * path segments so every page renders statically per site and locale), plus `/_p/N` for page N of
 * a category list. `null` for what is not the portal's (Payload's `/api` and `/admin`).
 */
export function internalPath(
  pathname: string,
  searchParams: URLSearchParams,
  siteKey: SiteKey,
): string | null {
  const segments = pathname.split('/').filter(Boolean)
  if (segments[0] === 'api' || segments[0] === 'admin') return null
  let locale: SiteLocale = DEFAULT_LOCALE
  if (segments[0] && isSiteLocale(segments[0]) && segments[0] !== DEFAULT_LOCALE) {
    locale = segments[0]
    segments.shift()
  }
  const page = Number(searchParams.get(PAGE_PARAM))
  if (segments.length === 1 && segments[0] !== 'tim-kiem' && Number.isInteger(page) && page > 1)
    segments.push(PAGE_SEGMENT, String(page))
  return `/${[encodeURIComponent(siteKey), locale, ...segments].join('/')}`
}

/** The site of a request: the switcher's choice in development, else the Host. */
export function siteKeyOf(request: NextRequest): SiteKey {
  if (process.env.NODE_ENV !== 'production') {
    const chosen = request.cookies.get(SITE_COOKIE)?.value
    if (chosen && isSiteSlug(chosen)) return siteKeyOfSlug(chosen)
  }
  return siteKeyOfHost(request.headers.get('host') ?? 'localhost')
}

/** `?site=<slug>` in development: remembers the choice in a cookie and drops the parameter. */
function switchSite(request: NextRequest): NextResponse | null {
  if (process.env.NODE_ENV === 'production' || !request.nextUrl.searchParams.has(SITE_PARAM))
    return null
  const chosen = request.nextUrl.searchParams.get(SITE_PARAM)?.trim() ?? ''
  const params = new URLSearchParams(request.nextUrl.search)
  params.delete(SITE_PARAM)
  const query = params.size ? `?${params}` : ''
  const response = NextResponse.redirect(
    new URL(`${request.nextUrl.pathname}${query}`, request.url),
  )
  if (isSiteSlug(chosen)) response.cookies.set(SITE_COOKIE, chosen, { path: '/', sameSite: 'lax' })
  else response.cookies.delete(SITE_COOKIE)
  return response
}

/** Rewrites a portal address to its internal route; anything else passes. */
export function portalRewrite(request: NextRequest): NextResponse {
  const switched = switchSite(request)
  if (switched) return switched
  const { pathname, searchParams } = request.nextUrl
  const path = internalPath(pathname, searchParams, siteKeyOf(request))
  if (!path) return NextResponse.next()
  return NextResponse.rewrite(new URL(`${path}${request.nextUrl.search}`, request.url))
}
