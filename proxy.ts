import { NextResponse, type NextRequest } from 'next/server'
import { portalRewrite } from './app/(site)/lib/rewrite.js'

const LANGUAGE_COOKIE = 'payload-lng'
const DEFAULT_LANGUAGE = process.env.ADMIN_DEFAULT_LANGUAGE ?? 'vi'

/**
 * The admin speaks Vietnamese by default, whatever the browser's language; an editor who picks
 * English in their account settings gets a `payload-lng` cookie, which is then left alone.
 */
function adminLanguage(request: NextRequest) {
  if (request.cookies.has(LANGUAGE_COOKIE)) return NextResponse.next()
  const headers = new Headers(request.headers)
  const cookie = headers.get('cookie')
  headers.set('cookie', `${cookie ? `${cookie}; ` : ''}${LANGUAGE_COOKIE}=${DEFAULT_LANGUAGE}`)
  const response = NextResponse.next({ request: { headers } })
  response.cookies.set(LANGUAGE_COOKIE, DEFAULT_LANGUAGE, { path: '/', sameSite: 'lax' })
  return response
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  if (pathname === '/admin' || pathname.startsWith('/admin/')) return adminLanguage(request)
  return portalRewrite(request)
}

// Payload's API and Next's assets skip the proxy; portalRewrite leaves the rest of Payload's addresses alone.
export const config = {
  matcher: ['/((?!api/|_next/|_portal/|favicon.ico).*)'],
}
