import crypto from 'node:crypto'
import { isIP } from 'node:net'
import type { PayloadRequest } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { PortalError } from '../../core/errors.js'

export const VOTER_TOKEN_HEADER = 'x-voter-token'
const MAX_TOKEN_LENGTH = 200

/** A keyed hash (HMAC-SHA256 with the Payload secret): what is stored instead of a token or an address. */
export function keyedHash(secret: string, value: string): string {
  return crypto.createHmac('sha256', secretKey(secret)).update(value).digest('hex')
}

// The secret as a KeyObject, made once: createHmac would otherwise import the string on every call.
const secretKeys = new Map<string, crypto.KeyObject>()
function secretKey(secret: string): crypto.KeyObject {
  let key = secretKeys.get(secret)
  if (!key) {
    key = crypto.createSecretKey(Buffer.from(secret, 'utf8'))
    if (secretKeys.size > 16) secretKeys.clear()
    secretKeys.set(secret, key)
  }
  return key
}

/** `::ffff:1.2.3.4` and `1.2.3.4` are the same client; anything that is not an IP address is ignored. */
function normalizeAddress(value: string | undefined | null): string | undefined {
  let address = value?.trim()
  if (!address) return undefined
  if (address.startsWith('[') && address.includes(']'))
    address = address.slice(1, address.indexOf(']'))
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address))
    address = address.slice(0, address.lastIndexOf(':'))
  if (address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4)
    address = address.slice(7)
  return isIP(address) ? address.toLowerCase() : undefined
}

/**
 * The client's address. From the socket as the server hands it over (`request.ip`, set by a custom
 * Node server, some platforms, and the tests), or, only with `trustProxy`, from the proxy headers:
 * `true` takes the first address of `x-forwarded-for` (every hop trusted); a number n takes the
 * n-th address from the right, the one the outermost of n trusted proxies saw, which the client
 * cannot forge by sending its own header. Then `x-real-ip`. Undefined when unknown.
 */
export function clientAddress(
  req: PayloadRequest,
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
  const socket = (req as unknown as { ip?: unknown }).ip
  return typeof socket === 'string' ? normalizeAddress(socket) : undefined
}

/** The anonymous voter token from the `x-voter-token` header, if any (refused when absurd). */
export function voterToken(req: PayloadRequest): string | undefined {
  const token = req.headers.get(VOTER_TOKEN_HEADER)?.trim()
  if (!token) return undefined
  if (token.length > MAX_TOKEN_LENGTH) {
    throw new PortalError(
      'VALIDATION',
      `The ${VOTER_TOKEN_HEADER} header must be at most ${MAX_TOKEN_LENGTH} characters.`,
      {
        field: VOTER_TOKEN_HEADER,
      },
    )
  }
  return token
}

/**
 * Who is voting, as a plain string that is only ever hashed: the logged-in user, otherwise what
 * `ratingVoter` names. In `'token'` mode a client without a token is identified by its address.
 */
export function voterIdentity(
  req: PayloadRequest,
  options: Pick<ResolvedNewsPortalOptions, 'ratingVoter'>,
  address: string | undefined,
): string {
  if (req.user) return `user:${req.user.collection}:${String(req.user.id)}`
  const token = voterToken(req)
  const missingToken = () =>
    new PortalError(
      'VALIDATION',
      `Send a voter token in the ${VOTER_TOKEN_HEADER} header to rate an article.`,
      {
        field: VOTER_TOKEN_HEADER,
      },
    )
  switch (options.ratingVoter) {
    case 'ip':
      if (address) return `ip:${address}`
      if (token) return `token:${token}`
      throw missingToken()
    case 'token+ip':
      if (!token) throw missingToken()
      return `token+ip:${token}|${address ?? 'unknown'}`
    case 'token':
    default:
      if (token) return `token:${token}`
      if (address) return `ip:${address}`
      throw missingToken()
  }
}
