import type { PayloadRequest } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { PortalError } from '../../core/errors.js'

export { keyedHash } from '../../core/keyedHash.js'
export { clientAddress } from '../clientAddress/index.js'

export const VOTER_TOKEN_HEADER = 'x-voter-token'
const MAX_TOKEN_LENGTH = 200

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
