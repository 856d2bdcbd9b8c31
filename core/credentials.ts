import type { SanitizedConfig } from 'payload'

/**
 * Whether a request carries credentials Payload reads: an `Authorization` header (JWT or API key,
 * even an empty one) or its auth cookie (`<cookiePrefix>-token`). Such a request is never answered
 * from, nor stored in, a shared cache.
 */
export function hasCredentials(request: Request, config: SanitizedConfig): boolean {
  if (request.headers.has('authorization')) return true
  const cookie = request.headers.get('cookie')
  if (!cookie) return false
  const name = `${config.cookiePrefix || 'payload'}-token`
  return cookie.split(';').some((pair) => pair.trim().split('=')[0] === name)
}
