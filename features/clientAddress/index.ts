import type { Payload, PayloadRequest } from 'payload'
import { keyedHash } from '../../core/keyedHash.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { addressBucket, normalizeAddress } from './address.js'
import { SOCKET_ADDRESS_HEADER, socketAddressHookInstalled } from './socketAddress.js'

export { addressBucket, normalizeAddress } from './address.js'
export { SOCKET_ADDRESS_HEADER, socketAddressHookInstalled } from './socketAddress.js'

/**
 * The address of the socket the request came on: the `x-news-portal-socket-address` header when
 * this process records it (`recordSocketAddresses`, loaded by the app's `instrumentation.ts`),
 * else `request.ip` as a custom Node server or the platform sets it. Undefined when unknown.
 */
export function socketAddress(req: Pick<PayloadRequest, 'headers'>): string | undefined {
  if (socketAddressHookInstalled()) {
    const recorded = normalizeAddress(req.headers.get(SOCKET_ADDRESS_HEADER))
    if (recorded) return recorded
  }
  const ip = (req as { ip?: unknown }).ip
  return typeof ip === 'string' ? normalizeAddress(ip) : undefined
}

/**
 * The client's address. Without `trustProxy`, the socket's (a client-sent `x-forwarded-for` is
 * never read). With `trustProxy`, from the proxy headers: `true` takes the first address of
 * `x-forwarded-for` (every hop trusted); a number n takes the n-th address from the right, the
 * one the outermost of n trusted proxies saw, which the client cannot forge by sending its own
 * header. Then `x-real-ip`, then the socket. Undefined when unknown.
 */
export function clientAddress(
  req: Pick<PayloadRequest, 'headers'>,
  options: Pick<ResolvedNewsPortalOptions, 'trustProxy'>,
): string | undefined {
  const trusted =
    options.trustProxy === true
      ? Infinity
      : typeof options.trustProxy === 'number'
        ? options.trustProxy
        : 0
  if (trusted > 0) {
    const chain = (req.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean)
    const forwarded = trusted === Infinity ? chain[0] : chain[Math.max(0, chain.length - trusted)]
    const fromProxy = normalizeAddress(forwarded) ?? normalizeAddress(req.headers.get('x-real-ip'))
    if (fromProxy) return fromProxy
  }
  return socketAddress(req)
}

const warned = new WeakSet<object>()

/**
 * The key a rate limiter counts a request under: the client's address (IPv6 by its /64), keyed
 * with the secret so no store holds raw addresses. A client whose address is unknown is counted
 * under `fallback` (its voter or session), never in one bucket shared by every such client.
 */
export function rateLimitKey(
  payload: Payload,
  scope: string,
  address: string | undefined,
  fallback: string,
): string {
  if (!address && !warned.has(payload)) {
    warned.add(payload)
    payload.logger.warn(
      'news-portal: a request came with no known client address, so rate limits count it per voter token or session only. Add the instrumentation hook (payload-plugin-news-portal/instrumentation) or set trustProxy behind a proxy; see docs/security.md.',
    )
  }
  const subject = address ? `ip:${addressBucket(address)}` : fallback
  return `${scope}:${keyedHash(payload.secret, subject)}`
}
